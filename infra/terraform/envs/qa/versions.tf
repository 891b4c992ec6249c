# Pinned versions: the same in every stage. Upgrading a provider is a reviewed change that goes
# through dev and qa before prod (docs/operations.md, "Upgrades").
terraform {
  required_version = ">= 1.10.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "6.27.0"
    }
    helm = {
      source  = "hashicorp/helm"
      version = "2.17.0"
    }
  }

  # One state per stage; the lock file beside the state needs no DynamoDB table.
  backend "s3" {
    bucket       = "now-terraform-state"
    key          = "qa/terraform.tfstate"
    region       = "eu-central-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region
  # Every resource carries its stage and owner (cost reports, clean-up, responsibility).
  default_tags {
    tags = {
      stage   = var.stage
      owner   = var.owner
      project = "now-funding-platform"
    }
  }
}

provider "helm" {
  kubernetes {
    host                   = module.eks.endpoint
    cluster_ca_certificate = base64decode(module.eks.certificate_authority)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--cluster-name", module.eks.cluster_name, "--region", var.region]
    }
  }
}
