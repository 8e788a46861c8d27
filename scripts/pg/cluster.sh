#!/usr/bin/env bash
# A throwaway local PostgreSQL for tests and development, docker-free:
#   scripts/pg/cluster.sh start [PORT]   install (Debian package) if missing, initdb a temp dir, start on 127.0.0.1
#   scripts/pg/cluster.sh stop           stop it and delete its data directory
#   scripts/pg/cluster.sh url            print the DATABASE_URL of the running cluster
# The role `policykb` (password `policykb`) has CREATEDB, for Prisma's shadow database and per-test databases.
set -euo pipefail
STATE=${POLICYKB_PG_STATE:-/tmp/policykb-pg}
PORT=${2:-${POLICYKB_PG_PORT:-55432}}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

case "${1:-}" in
  start)
    if [ -z "$(bindir)" ]; then
      as_root apt-get update -qq
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
    fi
    BIN=$(bindir)
    if [ -f "$STATE/port" ] && as_postgres "$BIN/pg_ctl" -D "$STATE/data" status >/dev/null 2>&1; then
      echo "postgres://policykb:policykb@127.0.0.1:$(cat "$STATE/port")/policykb"
      exit 0
    fi
    rm -rf "$STATE"
    mkdir -p "$STATE"
    chown postgres "$STATE" 2>/dev/null || true
    as_postgres "$BIN/initdb" -D "$STATE/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$BIN/pg_ctl" -D "$STATE/data" -l "$STATE/log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$STATE -c max_connections=200 -c fsync=off" start >/dev/null
    as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qAt -c "CREATE ROLE policykb LOGIN PASSWORD 'policykb' CREATEDB" -c "CREATE DATABASE policykb OWNER policykb" >/dev/null
    echo "$PORT" > "$STATE/port"
    echo "postgres://policykb:policykb@127.0.0.1:$PORT/policykb"
    ;;
  stop)
    BIN=$(bindir)
    if [ -n "$BIN" ] && [ -d "$STATE/data" ]; then as_postgres "$BIN/pg_ctl" -D "$STATE/data" -m fast stop >/dev/null 2>&1 || true; fi
    rm -rf "$STATE"
    ;;
  url)
    [ -f "$STATE/port" ] || { echo "no cluster running (scripts/pg/cluster.sh start)" >&2; exit 2; }
    echo "postgres://policykb:policykb@127.0.0.1:$(cat "$STATE/port")/policykb"
    ;;
  *)
    echo "usage: scripts/pg/cluster.sh start [PORT] | stop | url" >&2
    exit 2
    ;;
esac
