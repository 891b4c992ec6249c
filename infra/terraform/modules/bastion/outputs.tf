output "security_group_id" {
  description = "Security group of the bastion host (the database admits it)."
  value       = aws_security_group.bastion.id
}

output "instance_id" {
  description = "Target of `aws ssm start-session`."
  value       = aws_instance.bastion.id
}
