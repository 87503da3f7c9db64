#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on loopback and creates the test role and database.
# Prints an `export FLYWHEEL_TEST_POSTGRES=...` line for the caller to eval.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi
{ pg_ctlcluster "$version" main start || pg_ctlcluster "$version" main status; } >&2 2>&1
for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 postgres >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'flywheel') THEN
    CREATE ROLE flywheel LOGIN PASSWORD 'flywheel-test' CREATEDB;
  END IF;
END $$;
SQL
if ! runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname='flywheel_test'" postgres | grep -q 1; then
  runuser -u postgres -- createdb -O flywheel flywheel_test
fi
echo "export FLYWHEEL_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Database=flywheel_test;Username=flywheel;Password=flywheel-test'" 
echo "postgres $version ready on 127.0.0.1:5432" >&2
