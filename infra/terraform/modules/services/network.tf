# The load balancer is the only thing reachable from the internet, and only on 443. The portal
# accepts traffic from the load balancer alone; the workers accept none.

resource "aws_security_group" "load_balancer" {
  name        = "now-${var.stage}-load-balancer"
  description = "Portal load balancer: HTTPS from anywhere"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "load_balancer_https" {
  security_group_id = aws_security_group.load_balancer.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS from the internet"
}

resource "aws_vpc_security_group_egress_rule" "load_balancer_to_portal" {
  security_group_id            = aws_security_group.load_balancer.id
  referenced_security_group_id = aws_security_group.portal.id
  ip_protocol                  = "tcp"
  from_port                    = 3000
  to_port                      = 3000
  description                  = "To the portal tasks"
}

resource "aws_security_group" "portal" {
  name        = "now-${var.stage}-portal"
  description = "Portal tasks: 3000 from the load balancer only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "portal_from_load_balancer" {
  security_group_id            = aws_security_group.portal.id
  referenced_security_group_id = aws_security_group.load_balancer.id
  ip_protocol                  = "tcp"
  from_port                    = 3000
  to_port                      = 3000
  description                  = "From the load balancer"
}

resource "aws_vpc_security_group_egress_rule" "portal_out" {
  security_group_id = aws_security_group.portal.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  description       = "Database, Camunda, Keycloak, SMTP and AWS APIs"
}

resource "aws_security_group" "workers" {
  name        = "now-${var.stage}-workers"
  description = "Worker tasks: no inbound traffic"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "workers_out" {
  security_group_id = aws_security_group.workers.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  description       = "Database, Camunda, SMTP and AWS APIs"
}

resource "aws_lb" "portal" {
  name                       = "now-${var.stage}"
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.public_subnet_ids
  security_groups            = [aws_security_group.load_balancer.id]
  drop_invalid_header_fields = true
  enable_deletion_protection = var.stage == "prod"
}

resource "aws_lb_target_group" "portal" {
  name                 = "now-${var.stage}-portal"
  vpc_id               = var.vpc_id
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = 3000
  deregistration_delay = 30
  # Liveness, not readiness: an engine outage must not make ECS replace every portal task.
  health_check {
    path                = "/healthz"
    matcher             = "200"
    healthy_threshold   = 2
    unhealthy_threshold = 3
    interval            = 15
  }
}

# HTTPS only: there is no port-80 listener, so no plain-text request reaches the platform.
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.portal.arn
  }
}
