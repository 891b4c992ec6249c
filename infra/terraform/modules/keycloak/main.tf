# Keycloak 26 on Fargate behind the portal's load balancer (host-name rule), its state in its own
# schema on the stage's Aurora cluster. The image carries the realm export and runs
# `kc.sh start --optimized --import-realm`; an existing realm is left as it is.

data "aws_region" "current" {}

locals {
  priority = 10
}

resource "aws_security_group" "keycloak" {
  name        = "now-${var.stage}-keycloak"
  description = "Keycloak tasks: 8080 and the management port from the load balancer only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "keycloak_from_load_balancer" {
  security_group_id            = aws_security_group.keycloak.id
  referenced_security_group_id = var.load_balancer_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 9000
  description                  = "HTTP and health checks from the load balancer"
}

# The load balancer's group allows outbound traffic only to its targets; Keycloak is one.
resource "aws_vpc_security_group_egress_rule" "load_balancer_to_keycloak" {
  security_group_id            = var.load_balancer_security_group_id
  referenced_security_group_id = aws_security_group.keycloak.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 9000
  description                  = "To the Keycloak tasks and their health checks"
}

resource "aws_vpc_security_group_ingress_rule" "keycloak_cluster" {
  security_group_id            = aws_security_group.keycloak.id
  referenced_security_group_id = aws_security_group.keycloak.id
  ip_protocol                  = "tcp"
  from_port                    = 7800
  to_port                      = 7800
  description                  = "Cache cluster between Keycloak tasks"
}

resource "aws_vpc_security_group_egress_rule" "keycloak_out" {
  security_group_id = aws_security_group.keycloak.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  description       = "Database, SMTP and AWS APIs"
}

resource "aws_lb_target_group" "keycloak" {
  name        = "now-${var.stage}-keycloak"
  vpc_id      = var.vpc_id
  target_type = "ip"
  protocol    = "HTTP"
  port        = 8080
  health_check {
    path    = "/health/ready"
    port    = "9000"
    matcher = "200"
  }
  stickiness {
    type    = "lb_cookie"
    enabled = true
  }
}

resource "aws_lb_listener_rule" "keycloak" {
  listener_arn = var.https_listener_arn
  priority     = local.priority
  condition {
    host_header {
      values = [var.hostname]
    }
  }
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.keycloak.arn
  }
}

resource "aws_cloudwatch_log_group" "keycloak" {
  name              = "/now/${var.stage}/keycloak"
  retention_in_days = var.log_retention_days
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "now-${var.stage}-keycloak-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "read_secret" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.keycloak_secret_arn]
  }
  statement {
    actions   = ["kms:Decrypt"]
    resources = [var.secrets_kms_key_arn]
  }
}

resource "aws_iam_role_policy" "execution_secret" {
  name   = "read-keycloak-secret"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.read_secret.json
}

resource "aws_ecs_task_definition" "keycloak" {
  family                   = "now-${var.stage}-keycloak"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions = jsonencode([{
    name         = "keycloak"
    image        = var.image
    command      = ["start", "--optimized", "--import-realm"]
    essential    = true
    portMappings = [{ containerPort = 8080, protocol = "tcp" }, { containerPort = 9000, protocol = "tcp" }]
    environment = [
      { name = "KC_DB_URL", value = "jdbc:mysql://${var.database_host}:3306/keycloak" },
      { name = "KC_HOSTNAME", value = "https://${var.hostname}" },
      { name = "KC_HTTP_ENABLED", value = "true" },
      { name = "KC_PROXY_HEADERS", value = "xforwarded" },
      { name = "KC_BOOTSTRAP_ADMIN_USERNAME", value = "bootstrap-admin" },
      { name = "KC_CACHE_STACK", value = "jdbc-ping" },
      { name = "SMTP_HOST", value = var.smtp.host },
      { name = "SMTP_PORT", value = tostring(var.smtp.port) },
      { name = "SMTP_FROM", value = var.smtp.from },
    ]
    secrets = [
      for key in ["KC_DB_USERNAME", "KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD", "OIDC_CLIENT_SECRET"] :
      { name = key, valueFrom = "${var.keycloak_secret_arn}:${key}::" }
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.keycloak.name
        awslogs-region        = data.aws_region.current.region
        awslogs-stream-prefix = "keycloak"
      }
    }
  }])
}

resource "aws_ecs_service" "keycloak" {
  name            = "keycloak"
  cluster         = var.cluster_id
  task_definition = aws_ecs_task_definition.keycloak.arn
  launch_type     = "FARGATE"
  # Tasks carry the service's tags (stage, owner) for cost reports.
  propagate_tags          = "SERVICE"
  enable_ecs_managed_tags = true
  desired_count           = var.task_count
  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.keycloak.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.keycloak.arn
    container_name   = "keycloak"
    container_port   = 8080
  }
  depends_on = [aws_lb_listener_rule.keycloak]
}
