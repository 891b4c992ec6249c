variable "stage" {
  description = "Stage name; part of every resource name."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the stage."
  type        = string
}

variable "public_subnet_ids" {
  description = "Subnets of the load balancer."
  type        = list(string)
}

variable "private_subnet_ids" {
  description = "Subnets of the tasks."
  type        = list(string)
}

variable "certificate_arn" {
  description = "ACM certificate of the portal's host name (the listener speaks HTTPS only)."
  type        = string
}

variable "app_image" {
  description = "The platform's image with its pinned tag (infra/images.yaml)."
  type        = string
}

variable "public_url" {
  description = "The portal's address as users reach it (PUBLIC_URL)."
  type        = string
}

variable "oidc_issuer" {
  description = "Keycloak realm URL (OIDC_ISSUER)."
  type        = string
}

variable "zeebe_grpc_address" {
  description = "Camunda 8 gateway, grpcs://... or grpc://... (ZEEBE_GRPC_ADDRESS)."
  type        = string
}

variable "zeebe_rest_address" {
  description = "Camunda 8 REST API (ZEEBE_REST_ADDRESS)."
  type        = string
}

variable "camunda_auth_strategy" {
  description = "CAMUNDA_AUTH_STRATEGY of the SDK (OAUTH against Camunda 8 with identity)."
  type        = string
}

variable "camunda_oauth_url" {
  description = "Token endpoint of the Camunda 8 identity (CAMUNDA_OAUTH_URL)."
  type        = string
}

variable "zeebe_client_id" {
  description = "OAuth client of the platform at Camunda 8 (ZEEBE_CLIENT_ID)."
  type        = string
}

variable "bucket_name" {
  description = "The platform's bucket (STORAGE_URL=s3://<name>)."
  type        = string
}

variable "bucket_arn" {
  description = "ARN of the platform's bucket."
  type        = string
}

variable "storage_kms_key_arn" {
  description = "Key of the bucket."
  type        = string
}

variable "kfw_inbox_queue_arn" {
  description = "Queue of new KfW files, read by the workers."
  type        = string
}

variable "platform_secret_arn" {
  description = "Secret with DATABASE_URL, OIDC_CLIENT_SECRET, SMTP_URL, ZEEBE_CLIENT_SECRET."
  type        = string
}

variable "secrets_kms_key_arn" {
  description = "Key of the secrets."
  type        = string
}

variable "portal" {
  description = "Size and scaling of the portal service."
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
  description = "Size and scaling of the workers service."
  type = object({
    cpu                = number
    memory             = number
    min_count          = number
    max_count          = number
    cpu_target_percent = number
  })
}

variable "log_retention_days" {
  description = "Days the containers' logs are kept."
  type        = number
}
