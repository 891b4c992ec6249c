# The platform's one bucket with the prefixes of the runtime contract: kfw-inbox/,
# kfw-processed/, kfw-rejected/, uploads/, snapshots/, reports/. Encrypted with the stage's key,
# versioned, never public; a KfW file landing in kfw-inbox/ is announced on an SQS queue.

locals {
  prefixes = ["kfw-inbox/", "kfw-processed/", "kfw-rejected/", "uploads/", "snapshots/", "reports/"]
}

resource "aws_kms_key" "storage" {
  description         = "now-${var.stage} object storage"
  enable_key_rotation = true
}

resource "aws_kms_alias" "storage" {
  name          = "alias/now-${var.stage}-storage"
  target_key_id = aws_kms_key.storage.key_id
}

resource "aws_s3_bucket" "platform" {
  bucket        = var.bucket_name
  force_destroy = var.force_destroy
}

resource "aws_s3_bucket_ownership_controls" "platform" {
  bucket = aws_s3_bucket.platform.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "platform" {
  bucket                  = aws_s3_bucket.platform.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "platform" {
  bucket = aws_s3_bucket.platform.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "platform" {
  bucket = aws_s3_bucket.platform.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.storage.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "platform" {
  bucket     = aws_s3_bucket.platform.id
  depends_on = [aws_s3_bucket_versioning.platform]

  dynamic "rule" {
    for_each = { for prefix in local.prefixes : prefix => try(var.prefix_expiry_days[prefix], null) }
    content {
      id     = trimsuffix(rule.key, "/")
      status = "Enabled"
      filter {
        prefix = rule.key
      }
      dynamic "expiration" {
        for_each = rule.value == null ? [] : [rule.value]
        content {
          days = expiration.value
        }
      }
      noncurrent_version_expiration {
        noncurrent_days = var.noncurrent_version_days
      }
      abort_incomplete_multipart_upload {
        days_after_initiation = 2
      }
    }
  }
}

data "aws_iam_policy_document" "tls_only" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.platform.arn, "${aws_s3_bucket.platform.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "platform" {
  bucket     = aws_s3_bucket.platform.id
  policy     = data.aws_iam_policy_document.tls_only.json
  depends_on = [aws_s3_bucket_public_access_block.platform]
}

# Object-created events under kfw-inbox/ go to a queue, so the import trigger reacts to a new
# KfW file instead of listing the bucket. SQS-managed encryption: S3 may publish to it without
# a key policy of its own.
resource "aws_sqs_queue" "kfw_inbox_dead_letters" {
  name                      = "now-${var.stage}-kfw-inbox-dead-letters"
  sqs_managed_sse_enabled   = true
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "kfw_inbox" {
  name                       = "now-${var.stage}-kfw-inbox"
  sqs_managed_sse_enabled    = true
  visibility_timeout_seconds = 300
  message_retention_seconds  = 345600
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.kfw_inbox_dead_letters.arn
    maxReceiveCount     = 5
  })
}

data "aws_iam_policy_document" "s3_publishes" {
  statement {
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.kfw_inbox.arn]
    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_s3_bucket.platform.arn]
    }
  }
}

resource "aws_sqs_queue_policy" "kfw_inbox" {
  queue_url = aws_sqs_queue.kfw_inbox.id
  policy    = data.aws_iam_policy_document.s3_publishes.json
}

resource "aws_s3_bucket_notification" "kfw_inbox" {
  bucket = aws_s3_bucket.platform.id
  queue {
    queue_arn     = aws_sqs_queue.kfw_inbox.arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = "kfw-inbox/"
  }
  depends_on = [aws_sqs_queue_policy.kfw_inbox]
}
