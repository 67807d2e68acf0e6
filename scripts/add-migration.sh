#!/usr/bin/env bash
# Adds a migration with the same name to both provider sets (SQLite and PostgreSQL), from the
# one model in MallDbContext. Usage: scripts/add-migration.sh AddCatalog
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project MallPortal.Core --startup-project MallPortal \
    --context "${provider}MallDbContext" \
    --output-dir "Data/Migrations/$provider"
done
echo "Added migration $name for SQLite and PostgreSQL."
