#!/usr/bin/env bash
# Private PostgreSQL 15 (PostGIS, pgRouting) and Redis for this checkout, in .data/, on 127.0.0.1 only.
# Never touches the machine's system services.
#   scripts/services.sh install   apt-get what is missing (Debian; root)
#   scripts/services.sh start     start (idempotent: a second call reuses running servers)
#   scripts/services.sh stop      stop both cleanly
#   scripts/services.sh env       print the environment variables the host and tests read
#   scripts/services.sh status
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${DELIVERY_DATA_DIR:-$ROOT/.data}"
PG_PORT="${DELIVERY_PG_PORT:-55432}"
REDIS_PORT="${DELIVERY_REDIS_PORT:-56379}"
PG_BIN="/usr/lib/postgresql/15/bin"
PG_DATA="$DATA/pg"
PG_RUN="$DATA/pg-run"
REDIS_DIR="$DATA/redis"
APT_PACKAGES=(postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting osm2pgrouting osmium-tool redis-server
  chromium fonts-dejavu-core poppler-utils nginx curl)

log() { echo "[services] $*" >&2; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd_install() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  log "installing: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    log "not root: run 'sudo $0 install' or install these Debian packages: ${missing[*]}"; exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The Debian postgresql package starts the system cluster; we never use it, so keep it from starting.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  rm -f /usr/sbin/policy-rc.d
}

pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" >/dev/null 2>&1; }
redis_ready() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

start_pg() {
  mkdir -p "$DATA"
  if [ "$(id -u)" = 0 ]; then
    # The postgres user must reach the data folder through the checkout's parents.
    chmod o+x "$DATA"
    local d="$DATA"; while [ "$d" != "/" ]; do d="$(dirname "$d")"; chmod o+x "$d" 2>/dev/null || true; done
  fi
  if [ ! -s "$PG_DATA/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster in $PG_DATA"
    mkdir -p "$PG_DATA" "$PG_RUN"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DATA" "$PG_RUN"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
max_connections = 300
shared_buffers = 256MB
work_mem = 32MB
maintenance_work_mem = 256MB
fsync = on
synchronous_commit = on
wal_level = minimal
max_wal_senders = 0
max_wal_size = 2GB
timezone = 'UTC'
log_min_messages = warning
CONF
  fi
  mkdir -p "$PG_RUN"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_RUN"
  if pg_ready; then log "PostgreSQL already running on 127.0.0.1:$PG_PORT"; else
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
      # This checkout's server is up on another port (DELIVERY_PG_PORT changed): a second start would fail obscurely.
      log "PostgreSQL of this checkout already runs on port $(sed -n 4p "$PG_DATA/postmaster.pid"), not $PG_PORT:" \
        "stop it with DELIVERY_PG_PORT=$(sed -n 4p "$PG_DATA/postmaster.pid") $0 stop, or use that port"
      exit 1
    fi
    # The port comes from the environment on every start, not from the first initdb's postgresql.conf.
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -o "-p $PG_PORT" -w -t 60 start >/dev/null
    log "PostgreSQL started on 127.0.0.1:$PG_PORT"
  fi
  for db in delivery delivery_test; do
    if ! psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
      psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database $db" >/dev/null
    fi
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" -qc \
      "create extension if not exists postgis; create extension if not exists pgrouting;" >/dev/null 2>&1
  done
}

start_redis() {
  mkdir -p "$REDIS_DIR"
  if redis_ready; then log "Redis already running on 127.0.0.1:$REDIS_PORT"; return; fi
  if [ -s "$REDIS_DIR/redis.pid" ] && kill -0 "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null; then
    log "Redis of this checkout already runs (pid $(cat "$REDIS_DIR/redis.pid")) on another port than $REDIS_PORT:" \
      "stop it with its DELIVERY_REDIS_PORT and $0 stop, or use that port"
    exit 1
  fi
  # appendfsync everysec is the Redis default; live state is rebuilt from PostgreSQL, the record.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" --daemonize yes \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --appendonly yes --save "" >/dev/null
  for _ in $(seq 1 50); do redis_ready && break; sleep 0.1; done
  redis_ready || { log "Redis failed to start; see $REDIS_DIR/redis.log"; exit 1; }
  log "Redis started on 127.0.0.1:$REDIS_PORT"
}

cmd_stop() {
  if [ -s "$PG_DATA/PG_VERSION" ] && pg_ready; then as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null; log "PostgreSQL stopped"; fi
  if redis_ready; then redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; log "Redis stopped"; fi
}

cmd_env() {
  echo "export ConnectionStrings__Delivery='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=delivery'"
  echo "export ConnectionStrings__Redis='127.0.0.1:$REDIS_PORT'"
  echo "export DELIVERY_TEST_PG='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=delivery_test'"
  echo "export DELIVERY_TEST_REDIS='127.0.0.1:$REDIS_PORT'"
  echo "export DELIVERY_PG_PORT=$PG_PORT DELIVERY_REDIS_PORT=$REDIS_PORT"
}

case "${1:-}" in
  install) cmd_install ;;
  start) start_pg; start_redis ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  status) pg_ready && echo "postgres: up" || echo "postgres: down"; redis_ready && echo "redis: up" || echo "redis: down" ;;
  *) echo "usage: $0 install|start|stop|env|status" >&2; exit 2 ;;
esac
