#!/usr/bin/env bash
# The whole local stack: PostgreSQL, then Kafka (stopped in reverse order).
#
#   bash scripts/stack.sh up | down [--wipe] | status
#
# 'up' ends with the connection settings, one per line (DATABASE_URL=..., KAFKA_BROKERS=...).
# See scripts/postgres.sh and scripts/kafka.sh for their environment variables.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$ROOT/.local/logs"

cmd_up() {
  out="$(mktemp)" # global: the EXIT trap runs after this function has returned
  trap 'rm -f "$out"' EXIT
  # tee shows progress as it happens and keeps the KEY=value lines for the summary.
  bash "$ROOT/scripts/postgres.sh" up | tee "$out"
  bash "$ROOT/scripts/kafka.sh" up | tee -a "$out"
  echo "---- local stack is up ----"
  grep -E '^(DATABASE_URL|KAFKA_BROKERS)=' "$out"
}

cmd_down() {
  local rc=0
  # Stop both even if the first fails, but report the failure.
  bash "$ROOT/scripts/kafka.sh" down "$@" || rc=1
  bash "$ROOT/scripts/postgres.sh" down "$@" || rc=1
  return "$rc"
}

cmd_status() {
  local rc=0
  bash "$ROOT/scripts/postgres.sh" status || rc=1
  bash "$ROOT/scripts/kafka.sh" status || rc=1
  return "$rc"
}

case "${1:-}" in
  up) cmd_up ;;
  down) shift; cmd_down "$@" ;;
  status) cmd_status ;;
  *) echo "usage: $0 up | down [--wipe] | status" >&2; exit 2 ;;
esac
