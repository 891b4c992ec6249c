output "release_namespace" {
  description = "Namespace of the Camunda release; the gateway's internal address is its orchestration service."
  value       = helm_release.camunda.namespace
}
