variable "stage" {
  description = "Stage name; part of every resource name."
  type        = string
}

variable "bucket_name" {
  description = "Globally unique name of the platform's one bucket."
  type        = string
}

variable "prefix_expiry_days" {
  description = "Days after which objects under each prefix of the bucket expire (null: kept)."
  type        = map(number)
}

variable "noncurrent_version_days" {
  description = "Days a replaced or deleted object version is kept (restore window)."
  type        = number
}

variable "force_destroy" {
  description = "Allow destroying a non-empty bucket (dev only)."
  type        = bool
}
