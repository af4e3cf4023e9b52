#!/usr/bin/env bash
# store: a local PostgreSQL server for the PostgreSQL store's tests
# (internal/store, DefaultTestPostgres): Debian's postgresql, its default
# cluster started, a role sitrep/sitrep and a database sitrep_test.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends postgresql
fi
ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | grep -q .; then
  pg_createcluster "$ver" main
fi
read -r cver cname _ < <(pg_lsclusters -h | head -1)
pg_ctlcluster "$cver" "$cname" start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAX "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'sitrep'")" != 1 ]; then
  psql_admin -c "CREATE ROLE sitrep LOGIN PASSWORD 'sitrep'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'sitrep_test'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE sitrep_test OWNER sitrep"
fi
pg_isready -h 127.0.0.1
