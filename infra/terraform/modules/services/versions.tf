# The version is pinned once, in each stage's versions.tf.
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}
