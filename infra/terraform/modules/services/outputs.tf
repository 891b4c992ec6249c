output "load_balancer_arn" {
  description = "The portal's load balancer (the WAF attaches here)."
  value       = aws_lb.portal.arn
}

output "load_balancer_dns_name" {
  description = "Point the portal's and Keycloak's host names here (CNAME or alias)."
  value       = aws_lb.portal.dns_name
}

output "load_balancer_security_group_id" {
  description = "Security group of the load balancer (Keycloak admits it)."
  value       = aws_security_group.load_balancer.id
}

output "https_listener_arn" {
  description = "The 443 listener (Keycloak adds a host rule)."
  value       = aws_lb_listener.https.arn
}

output "cluster_id" {
  description = "The ECS cluster (Keycloak runs in it too)."
  value       = aws_ecs_cluster.this.id
}

output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "portal_security_group_id" {
  description = "Security group of the portal tasks."
  value       = aws_security_group.portal.id
}

output "workers_security_group_id" {
  description = "Security group of the worker tasks."
  value       = aws_security_group.workers.id
}

output "log_group_name" {
  description = "Log group of the platform's containers."
  value       = aws_cloudwatch_log_group.platform.name
}
