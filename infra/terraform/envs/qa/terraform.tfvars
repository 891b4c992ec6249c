# QA: production-like topology at a smaller size, for acceptance tests and load rehearsals.
stage                       = "qa"
owner                       = "funding-platform-team"
region                      = "eu-central-1"
vpc_cidr_block              = "10.20.0.0/16"
az_count                    = 2
nat_gateway_per_az          = false
secret_recovery_window_days = 7
bucket_suffix               = "foerderplattform"
noncurrent_version_days     = 14
prefix_expiry_days = {
  "kfw-processed/" = 30
  "kfw-rejected/"  = 30
  "snapshots/"     = 14
  "reports/"       = 30
}
certificate_arn    = "arn:aws:acm:eu-central-1:111111111111:certificate/qa-portal"
portal_hostname    = "portal.qa.foerderplattform.example"
login_hostname     = "login.qa.foerderplattform.example"
app_image          = "ghcr.io/foerderplattform/now-funding-platform:0.1.0"
keycloak_image     = "ghcr.io/foerderplattform/now-keycloak:26.5.5"
zeebe_grpc_address = "grpc://camunda-gateway.qa.internal:26500"
zeebe_rest_address = "http://camunda-gateway.qa.internal:8080"
portal = {
  cpu                 = 512
  memory              = 1024
  min_count           = 1
  max_count           = 4
  requests_per_target = 300
  cpu_target_percent  = 70
}
workers = {
  cpu                = 512
  memory             = 1024
  min_count          = 1
  max_count          = 4
  cpu_target_percent = 70
}
database = {
  engine_version        = "8.0.mysql_aurora.3.08.2"
  min_capacity          = 0.5
  max_capacity          = 4
  instance_count        = 1
  backup_retention_days = 7
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
  node_count          = { min = 2, desired = 3, max = 3 }
  chart_version       = "13.6.0"
  cluster_size        = 3
  partition_count     = 3
  replication_factor  = 3
}
