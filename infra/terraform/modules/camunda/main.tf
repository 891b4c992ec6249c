# Camunda 8.8 (the orchestration cluster: Zeebe brokers and gateway with the REST API v2, its
# secondary storage in Elasticsearch) from Camunda's Helm chart. Its gateway is reached by the
# portal and the workers over an internal load balancer in the VPC; nothing of it is public.

resource "helm_release" "camunda" {
  name             = "camunda"
  namespace        = "camunda"
  create_namespace = true
  repository       = "https://helm.camunda.io"
  chart            = "camunda-platform"
  version          = var.chart_version
  timeout          = 900

  values = [yamlencode({
    global = {
      security = {
        authentication = {
          method = "oidc"
        }
      }
      identity = {
        auth = {
          issuer = var.identity_issuer
        }
      }
    }
    orchestration = {
      clusterSize       = var.cluster_size
      partitionCount    = var.partition_count
      replicationFactor = var.replication_factor
      service = {
        type = "LoadBalancer"
        annotations = {
          "service.beta.kubernetes.io/aws-load-balancer-type"     = "nlb"
          "service.beta.kubernetes.io/aws-load-balancer-internal" = "true"
        }
      }
    }
    elasticsearch = {
      enabled = true
      master = {
        replicaCount = var.replication_factor
      }
    }
    connectors = { enabled = false }
    optimize   = { enabled = false }
    labels     = { stage = var.stage, owner = "funding-platform" }
  })]
}
