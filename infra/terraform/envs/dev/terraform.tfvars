# Development: small, cheap when idle (the database pauses at 0 ACU, one NAT gateway, one task).
stage                       = "dev"
owner                       = "funding-platform-team"
region                      = "eu-central-1"
vpc_cidr_block              = "10.10.0.0/16"
az_count                    = 2
nat_gateway_per_az          = false
secret_recovery_window_days = 0
bucket_suffix               = "foerderplattform"
noncurrent_version_days     = 7
prefix_expiry_days = {
  "kfw-processed/" = 30
  "kfw-rejected/"  = 30
  "snapshots/"     = 14
  "reports/"       = 30
}
certificate_arn    = "arn:aws:acm:eu-central-1:111111111111:certificate/dev-portal"
portal_hostname    = "portal.dev.foerderplattform.example"
login_hostname     = "login.dev.foerderplattform.example"
app_image          = "ghcr.io/foerderplattform/now-funding-platform:0.1.0"
keycloak_image     = "ghcr.io/foerderplattform/now-keycloak:26.5.5"
zeebe_grpc_address = "grpc://camunda-gateway.dev.internal:26500"
zeebe_rest_address = "http://camunda-gateway.dev.internal:8080"
portal = {
  cpu                 = 512
  memory              = 1024
  min_count           = 1
  max_count           = 2
  requests_per_target = 300
  cpu_target_percent  = 70
}
workers = {
  cpu                = 512
  memory             = 1024
  min_count          = 1
  max_count          = 2
  cpu_target_percent = 70
}
database = {
  engine_version        = "8.0.mysql_aurora.3.08.2"
  min_capacity          = 0
  max_capacity          = 2
  instance_count        = 1
  backup_retention_days = 1
}
smtp = {
  host = "email-smtp.eu-central-1.amazonaws.com"
  port = 587
  from = "portal@dev.foerderplattform.example"
}
keycloak_task_count           = 1
requests_per_ip_per_5_minutes = 2000
log_retention_days            = 14
pipeline_cidrs                = ["198.51.100.0/28"]
camunda = {
  kubernetes_version  = "1.33"
  node_instance_types = ["m6i.large"]
  node_count          = { min = 1, desired = 2, max = 3 }
  chart_version       = "13.6.0"
  cluster_size        = 1
  partition_count     = 1
  replication_factor  = 1
}
