# Production: three zones, a NAT gateway per zone, a reader for failover, 35 days of backups.
stage                       = "prod"
owner                       = "funding-platform-team"
region                      = "eu-central-1"
vpc_cidr_block              = "10.30.0.0/16"
az_count                    = 3
nat_gateway_per_az          = true
secret_recovery_window_days = 30
bucket_suffix               = "foerderplattform"
noncurrent_version_days     = 90
prefix_expiry_days = {
  "kfw-processed/" = 3650
  "kfw-rejected/"  = 365
  "snapshots/"     = 90
  "reports/"       = 3650
}
certificate_arn    = "arn:aws:acm:eu-central-1:111111111111:certificate/prod-portal"
portal_hostname    = "portal.foerderplattform.example"
login_hostname     = "login.foerderplattform.example"
app_image          = "ghcr.io/foerderplattform/now-funding-platform:0.1.0"
keycloak_image     = "ghcr.io/foerderplattform/now-keycloak:26.5.5"
zeebe_grpc_address = "grpc://camunda-gateway.prod.internal:26500"
zeebe_rest_address = "http://camunda-gateway.prod.internal:8080"
portal = {
  cpu                 = 512
  memory              = 1024
  min_count           = 2
  max_count           = 12
  requests_per_target = 300
  cpu_target_percent  = 70
}
workers = {
  cpu                = 512
  memory             = 1024
  min_count          = 2
  max_count          = 10
  cpu_target_percent = 70
}
database = {
  engine_version        = "8.0.mysql_aurora.3.08.2"
  min_capacity          = 0.5
  max_capacity          = 16
  instance_count        = 2
  backup_retention_days = 35
}
smtp = {
  host = "email-smtp.eu-central-1.amazonaws.com"
  port = 587
  from = "portal@dev.foerderplattform.example"
}
keycloak_task_count           = 2
requests_per_ip_per_5_minutes = 2000
log_retention_days            = 90
pipeline_cidrs                = ["198.51.100.0/28"]
camunda = {
  kubernetes_version  = "1.33"
  node_instance_types = ["m6i.large"]
  node_count          = { min = 3, desired = 3, max = 6 }
  chart_version       = "13.6.0"
  cluster_size        = 3
  partition_count     = 6
  replication_factor  = 3
}
