# One stage of the platform. This file is the same in envs/dev, envs/qa and envs/prod (a test
# checks that every stage instantiates the same modules); stages differ only in
# terraform.tfvars and in the state key of versions.tf.

module "network" {
  source             = "../../modules/network"
  stage              = var.stage
  cidr_block         = var.vpc_cidr_block
  az_count           = var.az_count
  nat_gateway_per_az = var.nat_gateway_per_az
}

module "secrets" {
  source               = "../../modules/secrets"
  stage                = var.stage
  recovery_window_days = var.secret_recovery_window_days
}

module "storage" {
  source                  = "../../modules/storage"
  stage                   = var.stage
  bucket_name             = "now-${var.stage}-${var.bucket_suffix}"
  prefix_expiry_days      = var.prefix_expiry_days
  noncurrent_version_days = var.noncurrent_version_days
  force_destroy           = var.stage == "dev"
}

module "services" {
  source                = "../../modules/services"
  stage                 = var.stage
  vpc_id                = module.network.vpc_id
  public_subnet_ids     = module.network.public_subnet_ids
  private_subnet_ids    = module.network.private_subnet_ids
  certificate_arn       = var.certificate_arn
  app_image             = var.app_image
  public_url            = "https://${var.portal_hostname}"
  oidc_issuer           = module.keycloak.issuer
  zeebe_grpc_address    = var.zeebe_grpc_address
  zeebe_rest_address    = var.zeebe_rest_address
  camunda_auth_strategy = "OAUTH"
  camunda_oauth_url     = "${module.keycloak.issuer}/protocol/openid-connect/token"
  zeebe_client_id       = "platform"
  bucket_name           = module.storage.bucket_name
  bucket_arn            = module.storage.bucket_arn
  storage_kms_key_arn   = module.storage.kms_key_arn
  kfw_inbox_queue_arn   = module.storage.kfw_inbox_queue_arn
  platform_secret_arn   = module.secrets.platform_secret_arn
  secrets_kms_key_arn   = module.secrets.kms_key_arn
  portal                = var.portal
  workers               = var.workers
  log_retention_days    = var.log_retention_days
}

module "keycloak" {
  source                          = "../../modules/keycloak"
  stage                           = var.stage
  vpc_id                          = module.network.vpc_id
  private_subnet_ids              = module.network.private_subnet_ids
  cluster_id                      = module.services.cluster_id
  https_listener_arn              = module.services.https_listener_arn
  load_balancer_security_group_id = module.services.load_balancer_security_group_id
  hostname                        = var.login_hostname
  image                           = var.keycloak_image
  database_host                   = module.database.endpoint
  keycloak_secret_arn             = module.secrets.keycloak_secret_arn
  secrets_kms_key_arn             = module.secrets.kms_key_arn
  smtp                            = var.smtp
  task_count                      = var.keycloak_task_count
  log_retention_days              = var.log_retention_days
}

module "bastion" {
  source         = "../../modules/bastion"
  stage          = var.stage
  vpc_id         = module.network.vpc_id
  vpc_cidr_block = module.network.vpc_cidr_block
  subnet_id      = module.network.private_subnet_ids[0]
  instance_type  = "t3.nano"
}

module "database" {
  source         = "../../modules/database"
  stage          = var.stage
  vpc_id         = module.network.vpc_id
  subnet_ids     = module.network.private_subnet_ids
  engine_version = var.database.engine_version
  min_capacity   = var.database.min_capacity
  max_capacity   = var.database.max_capacity
  instance_count = var.database.instance_count
  client_security_group_ids = [
    module.services.portal_security_group_id,
    module.services.workers_security_group_id,
    module.keycloak.security_group_id,
    module.bastion.security_group_id,
  ]
  backup_retention_days = var.database.backup_retention_days
  deletion_protection   = var.stage != "dev"
}

module "waf" {
  source                        = "../../modules/waf"
  stage                         = var.stage
  load_balancer_arn             = module.services.load_balancer_arn
  requests_per_ip_per_5_minutes = var.requests_per_ip_per_5_minutes
  log_retention_days            = var.log_retention_days
}

module "eks" {
  source              = "../../modules/eks"
  stage               = var.stage
  private_subnet_ids  = module.network.private_subnet_ids
  kubernetes_version  = var.camunda.kubernetes_version
  admin_cidrs         = var.pipeline_cidrs
  node_instance_types = var.camunda.node_instance_types
  node_count          = var.camunda.node_count
  instance_tags       = { stage = var.stage, owner = var.owner, project = "now-funding-platform" }
}

module "camunda" {
  source             = "../../modules/camunda"
  stage              = var.stage
  owner              = var.owner
  chart_version      = var.camunda.chart_version
  cluster_size       = var.camunda.cluster_size
  partition_count    = var.camunda.partition_count
  replication_factor = var.camunda.replication_factor
  identity_issuer    = module.keycloak.issuer
  depends_on         = [module.eks]
}
