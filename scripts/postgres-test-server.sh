#!/usr/bin/env bash
# A PostgreSQL server for the tests (and for trying a deployment by hand): installs Debian's
# PostgreSQL if it is missing, starts a cluster, and creates an application role that is neither
# a superuser nor BYPASSRLS (so row-level security applies to it) and a database it owns.
#
#   eval "$(scripts/postgres-test-server.sh)"    # exports INTIQAL_TEST_DATABASE_URL
#
# Prints only the export line on standard output; progress goes to standard error.
# Settings: PGTEST_ROLE (intiqal_test), PGTEST_PASSWORD (intiqal_test), PGTEST_DB (intiqal_test),
# PGTEST_PORT (5432); PGTEST_RESET=1 drops the database first (each test makes a schema in it).
set -euo pipefail
role="${PGTEST_ROLE:-intiqal_test}"
password="${PGTEST_PASSWORD:-intiqal_test}"
db="${PGTEST_DB:-intiqal_test}"
port="${PGTEST_PORT:-5432}"
log() { echo "postgres-test-server: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql >&2
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
version="$(basename "$(dirname "$bin")")"

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

if command -v pg_lsclusters >/dev/null && pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
  if ! pg_lsclusters -h | grep -q "^$version main $port online"; then
    log "starting cluster $version/main"
    pg_ctlcluster "$version" main start >&2 || true
  fi
else
  # No Debian cluster (e.g. a server installed some other way): a private one in a temporary folder.
  data="${PGTEST_DATA:-/tmp/intiqal-pgdata}"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initdb into $data"
    mkdir -p "$data"; chown postgres "$data" 2>/dev/null || true
    as_postgres "'$bin/initdb' -D '$data' --auth-local=trust --auth-host=scram-sha-256 >/dev/null" >&2
  fi
  as_postgres "'$bin/pg_ctl' -D '$data' -o '-p $port -k /tmp' -l '$data/log' -w start" >&2 || true
fi

# Wait until it accepts connections.
for _ in $(seq 1 30); do
  if as_postgres "psql -p $port -h /var/run/postgresql -Atc 'select 1' postgres" >/dev/null 2>&1 \
     || as_postgres "psql -p $port -h /tmp -Atc 'select 1' postgres" >/dev/null 2>&1; then break; fi
  sleep 1
done
host=/var/run/postgresql
as_postgres "psql -p $port -h $host -Atc 'select 1' postgres" >/dev/null 2>&1 || host=/tmp

psql_admin() { as_postgres "psql -v ON_ERROR_STOP=1 -q -p $port -h $host postgres" >&2; }
log "role $role (LOGIN NOSUPERUSER NOBYPASSRLS), database $db"
psql_admin <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE CREATEDB PASSWORD '$password';
  ELSE
    ALTER ROLE $role LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '$password';
  END IF;
END \$\$;
SQL
if [ "${PGTEST_RESET:-0}" = 1 ]; then
  log "dropping database $db (PGTEST_RESET=1): the tests' schemas start afresh"
  psql_admin <<SQL
DROP DATABASE IF EXISTS $db WITH (FORCE);
SQL
fi
if ! as_postgres "psql -p $port -h $host -Atc \"select 1 from pg_database where datname = '$db'\" postgres" | grep -q 1; then
  psql_admin <<SQL
CREATE DATABASE $db OWNER $role;
SQL
fi
echo "export INTIQAL_TEST_DATABASE_URL='postgres://$role:$password@127.0.0.1:$port/$db'"
