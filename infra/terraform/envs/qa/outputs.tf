output "load_balancer_dns_name" {
  description = "Point portal_hostname and login_hostname here."
  value       = module.services.load_balancer_dns_name
}

output "bucket_name" {
  description = "STORAGE_URL=s3://<this>."
  value       = module.storage.bucket_name
}

output "kfw_inbox_queue_url" {
  description = "Queue of new KfW files."
  value       = module.storage.kfw_inbox_queue_url
}

output "database_endpoint" {
  description = "Host of DATABASE_URL."
  value       = module.database.endpoint
}

output "database_master_secret_arn" {
  description = "Secret of the database's master user."
  value       = module.database.master_user_secret_arn
}

output "platform_secret_arn" {
  description = "Put DATABASE_URL, OIDC_CLIENT_SECRET, SMTP_URL, ZEEBE_CLIENT_SECRET here."
  value       = module.secrets.platform_secret_arn
}

output "bastion_instance_id" {
  description = "aws ssm start-session --target <this>."
  value       = module.bastion.instance_id
}

output "ecs_cluster_name" {
  description = "ECS cluster of portal, workers and Keycloak."
  value       = module.services.cluster_name
}

output "platform_log_group" {
  description = "Logs of portal and workers."
  value       = module.services.log_group_name
}

output "eks_cluster_name" {
  description = "aws eks update-kubeconfig --name <this>."
  value       = module.eks.cluster_name
}

output "camunda_namespace" {
  description = "Namespace of the Camunda release."
  value       = module.camunda.release_namespace
}

output "web_acl_arn" {
  description = "The portal's WAF web ACL."
  value       = module.waf.web_acl_arn
}
