variable "stage" {
  description = "Stage name (dev, qa, prod); part of every resource name."
  type        = string
}

variable "cidr_block" {
  description = "Address range of the stage's VPC."
  type        = string
}

variable "az_count" {
  description = "Availability zones to spread the subnets over (2 or 3)."
  type        = number
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per zone (production) instead of one shared (cheaper, dev and qa)."
  type        = bool
}
