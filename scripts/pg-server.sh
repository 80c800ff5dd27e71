#!/usr/bin/env bash
# Throw-away PostgreSQL 15 cluster for CI and local tests (no Docker on these machines).
#
#   scripts/pg-server.sh start   prints postgres://postgres@127.0.0.1:PORT/postgres (only that)
#   scripts/pg-server.sh url     prints the URL of the running one
#   scripts/pg-server.sh stop    stops it and deletes its directory
#   scripts/pg-server.sh restart [SECONDS]
#                                restarts it (fast shutdown: open connections are cut), same dir
#                                and port, staying down SECONDS (default 0) in between; returns
#                                once it accepts connections again
#
# PG_PORT: port (default 54329; when the default is taken the next free one is used).
# PG_STATE_FILE: where start records dir/pid/port for stop (default /tmp/area-clienti-pg.state).
# Data lives in a temporary directory, fsync is off: never use this for data you want to keep.
set -euo pipefail

STATE_FILE=${PG_STATE_FILE:-/tmp/area-clienti-pg.state}

die() { echo "pg-server: $*" >&2; exit 1; }

# PostgreSQL refuses to run as root (CI runs as root): run its tools as the `postgres` user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

find_bin() {
  local pg_ctl
  pg_ctl=$(command -v pg_ctl || true)
  # Debian's /usr/bin/pg_ctl is often missing or a wrapper: prefer the real server binaries.
  [ -n "$pg_ctl" ] && [ -x "$(dirname "$pg_ctl")/initdb" ] && [ -x "$(dirname "$pg_ctl")/postgres" ] || pg_ctl=""
  if [ -z "$pg_ctl" ]; then
    pg_ctl=$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  if [ -z "$pg_ctl" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "pg-server: installing postgresql with apt-get…" >&2
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; } >/tmp/area-clienti-pg-apt.log 2>&1 \
      || die "apt-get install postgresql failed, see /tmp/area-clienti-pg-apt.log"
    pg_ctl=$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [ -n "$pg_ctl" ] || die "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found"
  dirname "$pg_ctl"
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
  local port=${PG_PORT:-54329}
  if port_taken "$port"; then
    [ -z "${PG_PORT:-}" ] || die "port $port is already in use (PG_PORT)"
    for port in $(seq 54330 54399); do port_taken "$port" || break; done
    ! port_taken "$port" || die "no free port in 54329-54399"
  fi
  echo "$port"
}

url() { echo "postgres://postgres@127.0.0.1:$1/postgres"; }

stop() {
  [ -f "$STATE_FILE" ] || return 0
  local DIR="" PID="" BIN="" PORT=""
  # shellcheck disable=SC1090
  . "$STATE_FILE"
  if [ -n "$DIR" ] && [ -d "$DIR/data" ]; then
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
  fi
  # Whatever pg_ctl could not stop, stop by pid, but only if that pid is still our postmaster.
  if [ -n "$PID" ] && grep -qs -- "$DIR/data" "/proc/$PID/cmdline"; then
    kill -KILL "$PID" 2>/dev/null || true
  fi
  case "$DIR" in /tmp/area-clienti-pg.*) rm -rf -- "$DIR" ;; esac
  rm -f -- "$STATE_FILE"
}

start() {
  stop # an old cluster (a previous run, a crashed CI job) would hold the port
  id postgres >/dev/null 2>&1 || [ "$(id -u)" != 0 ] || useradd --system --no-create-home postgres
  local BIN PORT DIR
  BIN=$(find_bin)
  PORT=$(pick_port)
  DIR=$(mktemp -d /tmp/area-clienti-pg.XXXXXX)
  [ "$(id -u)" != 0 ] || chown postgres: "$DIR"
  chmod 700 "$DIR"
  printf 'DIR=%q\nBIN=%q\nPORT=%q\nPID=\n' "$DIR" "$BIN" "$PORT" >"$STATE_FILE" # so stop can clean up a failed start

  if ! as_pg "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >"$DIR/initdb.log" 2>&1; then
    cat "$DIR/initdb.log" >&2; stop; die "initdb failed"
  fi
  # Loopback only, socket in our own directory (not /var/run/postgresql), durability traded for speed.
  cat >>"$DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
  if ! as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 start >/dev/null 2>&1; then
    tail -n 20 "$DIR/server.log" >&2 || true; stop; die "the server did not start"
  fi
  printf 'DIR=%q\nBIN=%q\nPORT=%q\nPID=%q\n' "$DIR" "$BIN" "$PORT" "$(head -n 1 "$DIR/data/postmaster.pid")" >"$STATE_FILE"
  url "$PORT"
}

# For the fault drills: the database going away under a running app and coming back.
restart() {
  [ -f "$STATE_FILE" ] || die "not running"
  local DIR="" PID="" BIN="" PORT=""
  # shellcheck disable=SC1090
  . "$STATE_FILE"
  [ -n "$DIR" ] && [ -d "$DIR/data" ] || die "no data directory in $STATE_FILE"
  local down=${1:-0}
  [[ "$down" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "restart: SECONDS must be a number"
  if [ "$down" = 0 ]; then
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -m fast -w -t 30 restart >/dev/null 2>&1 \
      || { tail -n 20 "$DIR/server.log" >&2 || true; die "the server did not restart"; }
  else
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 || die "the server did not stop"
    sleep "$down"
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 start >/dev/null 2>&1 \
      || { tail -n 20 "$DIR/server.log" >&2 || true; die "the server did not start again"; }
  fi
  printf 'DIR=%q\nBIN=%q\nPORT=%q\nPID=%q\n' "$DIR" "$BIN" "$PORT" "$(head -n 1 "$DIR/data/postmaster.pid")" >"$STATE_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) restart "${2:-0}" ;;
  url) [ -f "$STATE_FILE" ] || die "not running"; PORT=""; . "$STATE_FILE"; url "$PORT" ;;
  *) die "usage: $0 start|stop|restart|url" ;;
esac
