variable "stage" {
  description = "Stage name."
  type        = string
}

variable "owner" {
  description = "Team answerable for the release (label owner on every Camunda object)."
  type        = string
}

variable "chart_version" {
  description = "Version of Camunda's Helm chart camunda-platform (13.x is Camunda 8.8)."
  type        = string
}

variable "cluster_size" {
  description = "Zeebe brokers (3 in production for replication)."
  type        = number
}

variable "partition_count" {
  description = "Zeebe partitions (throughput scales with them)."
  type        = number
}

variable "replication_factor" {
  description = "Copies of each partition (3 in production, 1 in dev)."
  type        = number
}

variable "identity_issuer" {
  description = "Keycloak realm that issues the platform's Camunda client tokens."
  type        = string
}
