variable "stage" {
  description = "Stage name; part of every resource name."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the stage."
  type        = string
}

variable "vpc_cidr_block" {
  description = "Address range of the VPC (the database's subnets lie in it)."
  type        = string
}

variable "subnet_id" {
  description = "Private subnet of the bastion host."
  type        = string
}

variable "instance_type" {
  description = "Instance type of the bastion host."
  type        = string
}
