# Aurora MySQL Serverless v2: private subnets only, never publicly reachable, encrypted with the
# stage's key, automated backups with point-in-time restore, and reachable on 3306 only from the
# security groups of the services, Keycloak and the bastion host (no address ranges at all).

resource "aws_kms_key" "database" {
  description         = "now-${var.stage} database"
  enable_key_rotation = true
}

resource "aws_db_subnet_group" "this" {
  name       = "now-${var.stage}"
  subnet_ids = var.subnet_ids
}

resource "aws_security_group" "database" {
  name        = "now-${var.stage}-database"
  description = "Aurora MySQL: 3306 from the platform's own security groups only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  count                        = length(var.client_security_group_ids)
  security_group_id            = aws_security_group.database.id
  referenced_security_group_id = var.client_security_group_ids[count.index]
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  description                  = "MySQL from a platform service"
}

resource "aws_rds_cluster" "this" {
  cluster_identifier                  = "now-${var.stage}"
  engine                              = "aurora-mysql"
  engine_mode                         = "provisioned"
  engine_version                      = var.engine_version
  database_name                       = "now"
  master_username                     = "now_admin"
  manage_master_user_password         = true
  db_subnet_group_name                = aws_db_subnet_group.this.name
  vpc_security_group_ids              = [aws_security_group.database.id]
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.database.arn
  backup_retention_period             = var.backup_retention_days
  preferred_backup_window             = "01:00-02:00"
  preferred_maintenance_window        = "sun:03:00-sun:04:00"
  copy_tags_to_snapshot               = true
  deletion_protection                 = var.deletion_protection
  skip_final_snapshot                 = false
  final_snapshot_identifier           = "now-${var.stage}-final"
  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["error", "slowquery"]

  serverlessv2_scaling_configuration {
    min_capacity = var.min_capacity
    max_capacity = var.max_capacity
  }
}

resource "aws_rds_cluster_instance" "this" {
  count                        = var.instance_count
  identifier                   = "now-${var.stage}-${count.index}"
  cluster_identifier           = aws_rds_cluster.this.id
  instance_class               = "db.serverless"
  engine                       = aws_rds_cluster.this.engine
  engine_version               = aws_rds_cluster.this.engine_version
  publicly_accessible          = false
  performance_insights_enabled = true
}
