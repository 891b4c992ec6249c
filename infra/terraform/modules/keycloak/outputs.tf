output "security_group_id" {
  description = "Security group of the Keycloak tasks (the database admits it)."
  value       = aws_security_group.keycloak.id
}

output "issuer" {
  description = "OIDC_ISSUER of the portal."
  value       = "https://${var.hostname}/realms/foerderportal"
}
