#!/bin/bash
# Runs once, on an empty data directory (the MySQL image's docker-entrypoint-initdb.d): the platform's ledger and
# Keycloak's own store, each in its database with its own user. Passwords come from the environment (deploy/.env).
set -euo pipefail
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE DATABASE IF NOT EXISTS civil_safety CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE USER IF NOT EXISTS 'civil_safety'@'%' IDENTIFIED BY '${CIVIL_SAFETY_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON civil_safety.* TO 'civil_safety'@'%';
CREATE DATABASE IF NOT EXISTS keycloak CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE USER IF NOT EXISTS 'keycloak'@'%' IDENTIFIED BY '${KEYCLOAK_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON keycloak.* TO 'keycloak'@'%';
SQL
