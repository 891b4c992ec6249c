output "web_acl_arn" {
  description = "The portal's web ACL."
  value       = aws_wafv2_web_acl.portal.arn
}
