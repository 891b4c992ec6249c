# The secrets the containers receive. Terraform creates the secrets but never their values, so
# no password ends up in a state file or a plan: operators put the values with the AWS CLI
# (docs/operations.md, "Rotating secrets").
#   now-<stage>/platform: DATABASE_URL, OIDC_CLIENT_SECRET, SMTP_URL, ZEEBE_CLIENT_SECRET
#   now-<stage>/keycloak: KC_DB_USERNAME, KC_DB_PASSWORD, KC_BOOTSTRAP_ADMIN_PASSWORD,
#                         OIDC_CLIENT_SECRET (the realm import's placeholder)

resource "aws_kms_key" "secrets" {
  description         = "now-${var.stage} secrets"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "platform" {
  name                    = "now-${var.stage}/platform"
  description             = "Environment secrets of the portal and the workers"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = var.recovery_window_days
}

resource "aws_secretsmanager_secret" "keycloak" {
  name                    = "now-${var.stage}/keycloak"
  description             = "Database and bootstrap credentials of Keycloak"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = var.recovery_window_days
}
