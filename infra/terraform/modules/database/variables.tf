variable "stage" {
  description = "Stage name; part of every resource name."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the stage."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets the cluster lives in."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups allowed to connect on 3306: the services, Keycloak and the bastion host."
  type        = list(string)
}

variable "engine_version" {
  description = "Aurora MySQL engine version (MySQL 8.0 compatible)."
  type        = string
}

variable "min_capacity" {
  description = "Least Aurora capacity units (0 lets an idle dev cluster pause)."
  type        = number
}

variable "max_capacity" {
  description = "Most Aurora capacity units, reached during a wave."
  type        = number
}

variable "instance_count" {
  description = "Writer plus readers (2 or more spreads over zones for failover)."
  type        = number
}

variable "backup_retention_days" {
  description = "Days of automated backups with point-in-time restore."
  type        = number
}

variable "deletion_protection" {
  description = "Refuse to delete the cluster (qa and prod)."
  type        = bool
}
