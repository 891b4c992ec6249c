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

  # Keys of the chart's values.yaml for 8.8 (chart 13.x).
  values = [yamlencode({
    global = {
      commonLabels = { stage = var.stage, owner = var.owner }
      identity = {
        auth = {
          enabled = true
          issuer  = var.identity_issuer
        }
      }
    }
    orchestration = {
      clusterSize       = tostring(var.cluster_size)
      partitionCount    = tostring(var.partition_count)
      replicationFactor = tostring(var.replication_factor)
      security = {
        authentication = { method = "oidc" }
      }
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
      master  = { replicaCount = var.replication_factor }
    }
    connectors = { enabled = false }
    optimize   = { enabled = false }
  })]
}
