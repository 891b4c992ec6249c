output "platform_secret_arn" {
  description = "Secret with the portal's and workers' secret variables."
  value       = aws_secretsmanager_secret.platform.arn
}

output "keycloak_secret_arn" {
  description = "Secret with Keycloak's credentials."
  value       = aws_secretsmanager_secret.keycloak.arn
}

output "kms_key_arn" {
  description = "Key that encrypts the secrets (tasks need kms:Decrypt on it)."
  value       = aws_kms_key.secrets.arn
}
