variable "stage" {
  description = "Stage name; part of every resource name."
  type        = string
}

variable "load_balancer_arn" {
  description = "The load balancer the web ACL protects."
  type        = string
}

variable "requests_per_ip_per_5_minutes" {
  description = "Requests one address may send in five minutes before it is blocked."
  type        = number
}

variable "log_retention_days" {
  description = "Days the WAF's decisions are kept."
  type        = number
}
