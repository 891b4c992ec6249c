#!/bin/sh
# Runs once, when the MySQL volume is new: Keycloak gets a database and a user of its own.
set -eu
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE DATABASE IF NOT EXISTS keycloak CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'keycloak'@'%' IDENTIFIED BY '$KEYCLOAK_DB_PASSWORD';
GRANT ALL PRIVILEGES ON keycloak.* TO 'keycloak'@'%';
SQL
