#!/usr/bin/env bash
# Local PostgreSQL for development and tests, from Debian's server binaries (no Docker).
#
#   bash scripts/postgres.sh up             start (idempotent); last line is DATABASE_URL=...
#   bash scripts/postgres.sh down [--wipe]  pg_ctl stop -m fast; --wipe also deletes the cluster
#   bash scripts/postgres.sh status         exit 0 when it answers, 1 otherwise
#
# If DATABASE_URL is set, 'up' and 'status' only check that it answers (nothing is started).
# Env: AIS_PG_PORT (54329), AIS_PG_PASSWORD (ais; development default),
#      AIS_PG_BASE_DIR (the cluster's directory; .local/postgres) and AIS_PG_LOG_FILE
#      (.local/logs/postgres.log): a second cluster beside the first, e.g. one that fault-injection
#      tests restart (also give it another AIS_PG_PORT).
# Listens on 127.0.0.1 only; local socket in the cluster's base dir. Log: .local/logs/postgres.log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_PORT="${AIS_PG_PORT:-54329}"
PG_PASSWORD="${AIS_PG_PASSWORD:-ais}"
PG_DB=ais
PG_ROLE=ais
LOG_FILE="${AIS_PG_LOG_FILE:-$ROOT/.local/logs/postgres.log}"
LOG_DIR="$(dirname "$LOG_FILE")"

log() { echo "postgres: $*"; }
die() { echo "postgres: ERROR: $*" >&2; exit 1; }

# Newest installed server version, e.g. /usr/lib/postgresql/15/bin (empty when none).
newest_pg_bin() {
  local dirs=(/usr/lib/postgresql/*/bin)
  [[ -d "${dirs[0]}" ]] || return 0
  printf '%s\n' "${dirs[@]}" | sort -V | tail -n 1
}

find_pg_bin() {
  local d
  d="$(newest_pg_bin)"
  if [[ -z "$d" || ! -x "$d/pg_ctl" ]]; then
    die "no PostgreSQL server found under /usr/lib/postgresql/*/bin; install it: apt-get install postgresql (or run: bash scripts/ensure-system-deps.sh), or set DATABASE_URL"
  fi
  echo "$d"
}

IS_ROOT=false
[[ "$(id -u)" == 0 ]] && IS_ROOT=true

# initdb/postgres refuse to run as root, so as root everything runs as the 'postgres' OS user.
as_pg() {
  # (cd /: the postgres user may not be allowed into the caller's working directory)
  if $IS_ROOT; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Where the cluster lives. Preferred: .local/postgres inside the repo. As root, the postgres user
# must be able to reach and own that directory; if it cannot (e.g. a clone under /root, mode 700)
# the cluster goes to /var/tmp/ais-pg-<hash of repo path> instead. The socket path must also fit
# in the 107-byte sun_path limit, which long repo paths can exceed; same fallback.
choose_base() {
  local preferred="${AIS_PG_BASE_DIR:-$ROOT/.local/postgres}" fallback
  # Hashed from the repo path for the default cluster (as always), else from its own directory.
  fallback="/var/tmp/ais-pg-$(printf '%s' "${AIS_PG_BASE_DIR:-$ROOT}" | sha256sum | cut -c1-12)"
  if ((${#preferred} + 30 > 100)); then
    echo "$fallback"; return
  fi
  if $IS_ROOT; then
    mkdir -p "$preferred"
    chown postgres: "$preferred"
    chmod 700 "$preferred"
    if runuser -u postgres -- test -w "$preferred"; then echo "$preferred"; else echo "$fallback"; fi
  else
    echo "$preferred"
  fi
}

BASE="$(choose_base)"
DATA_DIR="$BASE/data"
SOCK_DIR="$BASE/run"

url_encode() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [a-zA-Z0-9.~_-]) out+="$c" ;;
      *) out+="$(printf '%%%02X' "'$c")" ;;
    esac
  done
  echo "$out"
}

local_url() { echo "postgres://$PG_ROLE:$(url_encode "$PG_PASSWORD")@127.0.0.1:$PG_PORT/$PG_DB"; }

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

local_running() {
  [[ -f "$DATA_DIR/PG_VERSION" ]] || return 1
  as_pg "$PG_BIN/pg_ctl" status -D "$DATA_DIR" >/dev/null 2>&1
}

# Superuser psql over the local socket (trust auth; the socket dir is mode 700).
psql_super() {
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}

check_external() {
  local bin
  export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-5}" # an unreachable host must not hang 'up'
  bin="$(newest_pg_bin)"
  if [[ -n "$bin" && -x "$bin/psql" ]]; then
    "$bin/psql" -X -q -t -c 'select 1' "$DATABASE_URL" >/dev/null 2>&1
  elif command -v psql >/dev/null; then
    psql -X -q -t -c 'select 1' "$DATABASE_URL" >/dev/null 2>&1
  else
    die "psql not found; cannot check DATABASE_URL"
  fi
}

init_cluster() {
  log "initdb in $DATA_DIR"
  mkdir -p "$BASE"
  $IS_ROOT && chown postgres: "$BASE" && chmod 700 "$BASE"
  local locale=C
  [[ "$(locale -a 2>/dev/null)" =~ (^|$'\n')C\.(UTF-8|utf8)($'\n'|$) ]] && locale=C.UTF-8
  # Superuser 'postgres' without a password: trust on the (private) local socket only;
  # every TCP connection needs a SCRAM password.
  as_pg "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres -E UTF8 --locale="$locale" --data-checksums \
    --auth-local=trust --auth-host=scram-sha-256 >>"$LOG_FILE" 2>&1 \
    || { tail -n 20 "$LOG_FILE" >&2; die "initdb failed"; }
  echo "include_if_exists = 'ais-local.conf'" | as_pg tee -a "$DATA_DIR/postgresql.conf" >/dev/null
}

write_config() {
  # Rewritten on every start so port changes take effect. fsync stays ON: tests check crash safety.
  as_pg tee "$DATA_DIR/ais-local.conf" >/dev/null <<EOF
# Generated by scripts/postgres.sh; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$SOCK_DIR'
max_connections = 200
shared_buffers = 128MB
password_encryption = scram-sha-256
log_line_prefix = '%m [%p] %q%u@%d '
EOF
  # Statement counts per database, which bench/pipeline-throughput.ts reports per submission.
  if has_pg_stat_statements; then
    echo "shared_preload_libraries = 'pg_stat_statements'" | as_pg tee -a "$DATA_DIR/ais-local.conf" >/dev/null
  fi
}

has_pg_stat_statements() {
  [[ -f "$(dirname "$PG_BIN")/lib/pg_stat_statements.so" ]]
}

ensure_role_and_db() {
  # psql variables (:'pw') quote the password safely; \gexec runs CREATE only when missing.
  psql_super -v pw="$PG_PASSWORD" -v role="$PG_ROLE" -v db="$PG_DB" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'role')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN PASSWORD :'pw';
-- Tests drop their throwaway databases WITH (FORCE): after a heavy run an autovacuum worker may
-- still be in one, and ending it takes this role (found when a benchmark's database drop failed).
SELECT format('GRANT pg_signal_backend TO %I', :'role')
  WHERE NOT pg_has_role(:'role', 'pg_signal_backend', 'MEMBER') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  if has_pg_stat_statements; then
    psql_super -d "$PG_DB" -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' >/dev/null
  fi
}

cmd_up() {
  mkdir -p "$LOG_DIR"
  if [[ -n "${DATABASE_URL:-}" ]]; then
    check_external || die "DATABASE_URL is set but does not answer 'select 1'"
    log "using DATABASE_URL from the environment (nothing started)"
    echo "DATABASE_URL=$DATABASE_URL"
    return 0
  fi
  PG_BIN="$(find_pg_bin)"
  if local_running; then
    if as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
      log "postgres already running ($DATA_DIR, 127.0.0.1:$PG_PORT)"
      ensure_role_and_db # cheap; picks up a changed AIS_PG_PASSWORD
      echo "DATABASE_URL=$(local_url)"
      return 0
    fi
    die "a cluster is running from $DATA_DIR but not on port $PG_PORT (AIS_PG_PORT changed?); run: bash scripts/postgres.sh down"
  fi
  port_open "$PG_PORT" && die "port 127.0.0.1:$PG_PORT is taken by another process; stop it or set AIS_PG_PORT"

  local started=$SECONDS
  [[ -f "$DATA_DIR/PG_VERSION" ]] || init_cluster
  write_config
  as_pg mkdir -p "$SOCK_DIR"
  # The log file is opened here (by us) and inherited by the server, so it works even when the
  # postgres user may not write into .local/logs. -w waits until it accepts connections.
  echo "---- $(date -Is) pg_ctl start ----" >>"$LOG_FILE"
  # 9>&-: the server must not inherit (and hold forever) our lock.
  if ! as_pg "$PG_BIN/pg_ctl" start -w -t 60 -D "$DATA_DIR" >>"$LOG_FILE" 2>&1 </dev/null 9>&-; then
    tail -n 30 "$LOG_FILE" >&2
    die "pg_ctl start failed (log: $LOG_FILE)"
  fi
  ensure_role_and_db
  log "postgres ready in $((SECONDS - started)) s ($DATA_DIR, 127.0.0.1:$PG_PORT)"
  echo "DATABASE_URL=$(local_url)"
}

cmd_down() {
  local wipe=false
  [[ "${1:-}" == "--wipe" ]] && wipe=true
  # Only ever touches our own cluster, whether or not DATABASE_URL is set.
  if [[ -f "$DATA_DIR/PG_VERSION" ]]; then
    PG_BIN="$(find_pg_bin)"
    if local_running; then
      log "stopping ($DATA_DIR)"
      if ! as_pg "$PG_BIN/pg_ctl" stop -D "$DATA_DIR" -m fast -w -t 30 >>"$LOG_FILE" 2>&1; then
        log "fast stop timed out; using immediate"
        as_pg "$PG_BIN/pg_ctl" stop -D "$DATA_DIR" -m immediate -w -t 30 >>"$LOG_FILE" 2>&1
      fi
      log "stopped"
    else
      log "not running"
    fi
  else
    log "not running (no cluster)"
  fi
  if $wipe; then
    rm -rf "$DATA_DIR" "$SOCK_DIR"
    log "wiped $DATA_DIR"
  fi
}

cmd_status() {
  if [[ -n "${DATABASE_URL:-}" ]]; then
    if check_external; then log "DATABASE_URL answers"; return 0; fi
    log "DATABASE_URL does not answer"; return 1
  fi
  PG_BIN="$(find_pg_bin)"
  if local_running && as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    log "running ($DATA_DIR, 127.0.0.1:$PG_PORT)"
    return 0
  fi
  log "stopped"
  return 1
}

# One caller at a time (parallel test runners may all call 'up'); the lock dies with this process.
# A cluster of its own (AIS_PG_BASE_DIR) has a lock of its own, beside its directory.
lock() {
  local file="$ROOT/.local/postgres.lock"
  [[ -n "${AIS_PG_BASE_DIR:-}" ]] && file="${BASE%/}.lock"
  mkdir -p "$(dirname "$file")"
  exec 9>"$file"
  flock -w 300 9 || die "another scripts/postgres.sh has held $file for 300 s"
}

case "${1:-}" in
  up) lock; cmd_up ;;
  down) shift; lock; cmd_down "$@" ;;
  status) cmd_status ;;
  *) echo "usage: $0 up | down [--wipe] | status" >&2; exit 2 ;;
esac
