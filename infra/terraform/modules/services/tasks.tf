# The portal and the workers run the same image with different commands (`now portal`,
# `now workers`); configuration is the environment of the runtime contract.

data "aws_region" "current" {}

resource "aws_ecs_cluster" "this" {
  name = "now-${var.stage}"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "platform" {
  name              = "/now/${var.stage}/platform"
  retention_in_days = var.log_retention_days
}

locals {
  environment = [
    { name = "NODE_ENV", value = "production" },
    { name = "LOG_LEVEL", value = "info" },
    { name = "PUBLIC_URL", value = var.public_url },
    { name = "OIDC_ISSUER", value = var.oidc_issuer },
    { name = "OIDC_CLIENT_ID", value = "portal" },
    { name = "STORAGE_URL", value = "s3://${var.bucket_name}" },
    { name = "AWS_REGION", value = data.aws_region.current.region },
    { name = "ZEEBE_GRPC_ADDRESS", value = var.zeebe_grpc_address },
    { name = "ZEEBE_REST_ADDRESS", value = var.zeebe_rest_address },
    { name = "CAMUNDA_AUTH_STRATEGY", value = var.camunda_auth_strategy },
    { name = "CAMUNDA_OAUTH_URL", value = var.camunda_oauth_url },
    { name = "ZEEBE_CLIENT_ID", value = var.zeebe_client_id },
  ]
  secrets = [
    for key in ["DATABASE_URL", "OIDC_CLIENT_SECRET", "SMTP_URL", "ZEEBE_CLIENT_SECRET"] :
    { name = key, valueFrom = "${var.platform_secret_arn}:${key}::" }
  ]
  log_configuration = {
    logDriver = "awslogs"
    options = {
      awslogs-group         = aws_cloudwatch_log_group.platform.name
      awslogs-region        = data.aws_region.current.region
      awslogs-stream-prefix = "now"
    }
  }
}

resource "aws_ecs_task_definition" "portal" {
  family                   = "now-${var.stage}-portal"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.portal.cpu
  memory                   = var.portal.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
  container_definitions = jsonencode([{
    name                   = "portal"
    image                  = var.app_image
    command                = ["portal"]
    essential              = true
    readonlyRootFilesystem = false
    portMappings           = [{ containerPort = 3000, protocol = "tcp" }]
    environment            = concat(local.environment, [{ name = "HOST", value = "0.0.0.0" }, { name = "PORT", value = "3000" }])
    secrets                = local.secrets
    logConfiguration       = local.log_configuration
    healthCheck = {
      command     = ["CMD", "node", "infra/docker/health-check.mjs"]
      interval    = 30
      timeout     = 5
      retries     = 3
      startPeriod = 60
    }
  }])
}

resource "aws_ecs_task_definition" "workers" {
  family                   = "now-${var.stage}-workers"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.workers.cpu
  memory                   = var.workers.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
  container_definitions = jsonencode([{
    name             = "workers"
    image            = var.app_image
    command          = ["workers"]
    essential        = true
    environment      = local.environment
    secrets          = local.secrets
    logConfiguration = local.log_configuration
  }])
}

resource "aws_ecs_service" "portal" {
  name            = "portal"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.portal.arn
  launch_type     = "FARGATE"
  # Tasks carry the service's tags (stage, owner) for cost reports.
  propagate_tags                    = "SERVICE"
  enable_ecs_managed_tags           = true
  desired_count                     = var.portal.min_count
  health_check_grace_period_seconds = 60
  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.portal.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.portal.arn
    container_name   = "portal"
    container_port   = 3000
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  depends_on = [aws_lb_listener.https]
  # The autoscaler owns the count once the service exists.
  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_ecs_service" "workers" {
  name            = "workers"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.workers.arn
  launch_type     = "FARGATE"
  # Tasks carry the service's tags (stage, owner) for cost reports.
  propagate_tags          = "SERVICE"
  enable_ecs_managed_tags = true
  desired_count           = var.workers.min_count
  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.workers.id]
    assign_public_ip = false
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
}
