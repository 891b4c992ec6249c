output "bucket_name" {
  description = "Name of the platform's bucket (STORAGE_URL=s3://<name>)."
  value       = aws_s3_bucket.platform.id
}

output "bucket_arn" {
  description = "ARN of the platform's bucket."
  value       = aws_s3_bucket.platform.arn
}

output "kms_key_arn" {
  description = "Key that encrypts the bucket's objects."
  value       = aws_kms_key.storage.arn
}

output "kfw_inbox_queue_arn" {
  description = "Queue of object-created events under kfw-inbox/."
  value       = aws_sqs_queue.kfw_inbox.arn
}

output "kfw_inbox_queue_url" {
  description = "URL of the kfw-inbox/ queue."
  value       = aws_sqs_queue.kfw_inbox.id
}
