output "endpoint" {
  description = "Writer endpoint (host of DATABASE_URL)."
  value       = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Reader endpoint (analyst queries, snapshots)."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret of the master user, rotated by RDS."
  value       = aws_rds_cluster.this.master_user_secret[0].secret_arn
}
