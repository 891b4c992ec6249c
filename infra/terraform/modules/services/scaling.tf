# Waves (an invitation mailing, the yearly reporting deadline) are absorbed by scaling out on
# requests per portal task and on CPU; idle stages shrink back to the minimum count.

resource "aws_appautoscaling_target" "portal" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.portal.name}"
  min_capacity       = var.portal.min_count
  max_capacity       = var.portal.max_count
}

resource "aws_appautoscaling_policy" "portal_requests" {
  name               = "now-${var.stage}-portal-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.portal.service_namespace
  scalable_dimension = aws_appautoscaling_target.portal.scalable_dimension
  resource_id        = aws_appautoscaling_target.portal.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.portal.requests_per_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${aws_lb.portal.arn_suffix}/${aws_lb_target_group.portal.arn_suffix}"
    }
  }
}

resource "aws_appautoscaling_policy" "portal_cpu" {
  name               = "now-${var.stage}-portal-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.portal.service_namespace
  scalable_dimension = aws_appautoscaling_target.portal.scalable_dimension
  resource_id        = aws_appautoscaling_target.portal.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.portal.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "workers" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.workers.name}"
  min_capacity       = var.workers.min_count
  max_capacity       = var.workers.max_count
}

resource "aws_appautoscaling_policy" "workers_cpu" {
  name               = "now-${var.stage}-workers-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.workers.service_namespace
  scalable_dimension = aws_appautoscaling_target.workers.scalable_dimension
  resource_id        = aws_appautoscaling_target.workers.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.workers.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
