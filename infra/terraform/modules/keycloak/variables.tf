variable "stage" {
  description = "Stage name; part of every resource name."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the stage."
  type        = string
}

variable "private_subnet_ids" {
  description = "Subnets of the Keycloak tasks."
  type        = list(string)
}

variable "cluster_id" {
  description = "ECS cluster to run in."
  type        = string
}

variable "https_listener_arn" {
  description = "The load balancer's 443 listener; Keycloak gets a host-name rule on it."
  type        = string
}

variable "load_balancer_security_group_id" {
  description = "Security group of the load balancer, the only client of Keycloak."
  type        = string
}

variable "hostname" {
  description = "Keycloak's public host name, e.g. login.example.org."
  type        = string
}

variable "image" {
  description = "Keycloak image with the realm export built in (infra/keycloak/Dockerfile), pinned."
  type        = string
}

variable "database_host" {
  description = "Aurora writer endpoint; Keycloak keeps its own schema `keycloak`."
  type        = string
}

variable "keycloak_secret_arn" {
  description = "Secret with KC_DB_USERNAME, KC_DB_PASSWORD, KC_BOOTSTRAP_ADMIN_PASSWORD, OIDC_CLIENT_SECRET."
  type        = string
}

variable "secrets_kms_key_arn" {
  description = "Key of the secret."
  type        = string
}

variable "smtp" {
  description = "Mail relay Keycloak sends verification and reset mails through."
  type = object({
    host = string
    port = number
    from = string
  })
}

variable "task_count" {
  description = "Keycloak tasks (2 or more for production; they form one cache cluster)."
  type        = number
}

variable "log_retention_days" {
  description = "Days Keycloak's logs are kept."
  type        = number
}
