variable "stage" {
  description = "Stage name; part of every resource name."
  type        = string
}

variable "private_subnet_ids" {
  description = "Subnets of the control plane's interfaces and the nodes."
  type        = list(string)
}

variable "kubernetes_version" {
  description = "EKS Kubernetes version."
  type        = string
}

variable "admin_cidrs" {
  description = "Address ranges of the pipeline's runners that may reach the Kubernetes API (never 0.0.0.0/0)."
  type        = list(string)
}

variable "node_instance_types" {
  description = "Instance types of the node group that runs Camunda 8."
  type        = list(string)
}

variable "node_count" {
  description = "Least, usual and most nodes."
  type = object({
    min     = number
    desired = number
    max     = number
  })
}

variable "instance_tags" {
  description = "Tags of the nodes' instances, volumes and interfaces (at least stage and owner)."
  type        = map(string)
}
