variable "stage" {
  description = "Stage name: dev, qa or prod."
  type        = string
  validation {
    condition     = contains(["dev", "qa", "prod"], var.stage)
    error_message = "stage must be dev, qa or prod."
  }
}

variable "owner" {
  description = "Team answerable for the stage's resources (tag owner on every resource)."
  type        = string
}

variable "region" {
  description = "AWS region of the stage."
  type        = string
}

variable "vpc_cidr_block" {
  description = "Address range of the stage's VPC."
  type        = string
}

variable "az_count" {
  description = "Availability zones used."
  type        = number
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per zone instead of one shared."
  type        = bool
}

variable "secret_recovery_window_days" {
  description = "Days a deleted secret can be restored."
  type        = number
}

variable "bucket_suffix" {
  description = "Makes the bucket name globally unique: now-<stage>-<suffix>."
  type        = string
}

variable "prefix_expiry_days" {
  description = "Expiry in days per bucket prefix; prefixes not listed are kept."
  type        = map(number)
}

variable "noncurrent_version_days" {
  description = "Days replaced object versions are kept."
  type        = number
}

variable "certificate_arn" {
  description = "ACM certificate covering portal_hostname and login_hostname."
  type        = string
}

variable "portal_hostname" {
  description = "The portal's host name."
  type        = string
}

variable "login_hostname" {
  description = "Keycloak's host name."
  type        = string
}

variable "app_image" {
  description = "The platform's image, pinned (infra/images.yaml)."
  type        = string
}

variable "keycloak_image" {
  description = "Keycloak image with the realm built in, pinned (infra/images.yaml)."
  type        = string
}

variable "zeebe_grpc_address" {
  description = "Address of the Camunda gateway's internal load balancer (gRPC)."
  type        = string
}

variable "zeebe_rest_address" {
  description = "Address of the Camunda REST API on the same load balancer."
  type        = string
}

variable "portal" {
  description = "Size and scaling of the portal."
  type = object({
    cpu                 = number
    memory              = number
    min_count           = number
    max_count           = number
    requests_per_target = number
    cpu_target_percent  = number
  })
}

variable "workers" {
  description = "Size and scaling of the workers."
  type = object({
    cpu                = number
    memory             = number
    min_count          = number
    max_count          = number
    cpu_target_percent = number
  })
}

variable "database" {
  description = "Aurora MySQL Serverless v2 settings."
  type = object({
    engine_version        = string
    min_capacity          = number
    max_capacity          = number
    instance_count        = number
    backup_retention_days = number
  })
}

variable "smtp" {
  description = "Mail relay of Keycloak."
  type = object({
    host = string
    port = number
    from = string
  })
}

variable "keycloak_task_count" {
  description = "Keycloak tasks."
  type        = number
}

variable "requests_per_ip_per_5_minutes" {
  description = "WAF rate limit per client address."
  type        = number
}

variable "log_retention_days" {
  description = "Days logs are kept."
  type        = number
}

variable "pipeline_cidrs" {
  description = "Address ranges of the pipeline runners (Kubernetes API access)."
  type        = list(string)
}

variable "camunda" {
  description = "The EKS cluster and the Camunda 8 release on it."
  type = object({
    kubernetes_version  = string
    node_instance_types = list(string)
    node_count          = object({ min = number, desired = number, max = number })
    chart_version       = string
    cluster_size        = number
    partition_count     = number
    replication_factor  = number
  })
}
