#!/usr/bin/env bash
# Several host nodes on loopback behind nginx (deploy/nginx.conf.template), sharing this checkout's PostgreSQL and Redis.
#   scripts/nodes.sh start N [host arguments...]   N nodes on DELIVERY_NODE_PORT_BASE+1..+N, nginx on DELIVERY_PORT (5080)
#   scripts/nodes.sh stop                           stops the nodes and nginx
#   scripts/nodes.sh status
# The host must be built (run.sh does it). Every node is the same program with the same configuration; they differ only
# in their port. Node logs: .data/nodes/nodeK.log.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${DELIVERY_DATA_DIR:-$ROOT/.data}"
NODES_DIR="$DATA/nodes"
NGINX_DIR="$DATA/nginx"
PORT="${DELIVERY_PORT:-5080}"
BASE="${DELIVERY_NODE_PORT_BASE:-5180}"
HOST_DLL="$ROOT/src/CourierApi/bin/Release/net10.0/Delivery.CourierApi.dll"

log() { echo "[nodes] $*" >&2; }

# This checkout's PostgreSQL and Redis unless the caller chose others (scripts/services.sh start starts them).
[ -n "${ConnectionStrings__Delivery:-}" ] || eval "$("$ROOT/scripts/services.sh" env)"

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/health/ready" 2>/dev/null; }

start_node() {
  local k="$1"; shift
  local port=$((BASE + k))
  if [ -s "$NODES_DIR/node$k.pid" ] && kill -0 "$(cat "$NODES_DIR/node$k.pid")" 2>/dev/null; then
    log "node $k already runs on 127.0.0.1:$port"; return
  fi
  # X-Forwarded-For is believed only from nginx on loopback (the client's address for rate limits and logs). The
  # content root is the project folder: appsettings.json and the built pages (wwwroot) are read from there.
  (cd "$ROOT/src/CourierApi" && Auth__TrustedProxies__0=127.0.0.1 exec nohup dotnet "$HOST_DLL" --urls "http://127.0.0.1:$port" "$@" \
    >"$NODES_DIR/node$k.log" 2>&1) &
  echo $! >"$NODES_DIR/node$k.pid"
  for _ in $(seq 1 180); do ready "$port" && break; kill -0 "$(cat "$NODES_DIR/node$k.pid")" 2>/dev/null || break; sleep 1; done
  ready "$port" || { log "node $k did not become ready; see $NODES_DIR/node$k.log"; tail -20 "$NODES_DIR/node$k.log" >&2; exit 1; }
  log "node $k ready on http://127.0.0.1:$port (pid $(cat "$NODES_DIR/node$k.pid"))"
}

write_nginx_conf() {
  local n="$1" upstreams=""
  for k in $(seq 1 "$n"); do
    upstreams+="    server 127.0.0.1:$((BASE + k)) max_fails=1 fail_timeout=10s;"$'\n'
  done
  mkdir -p "$NGINX_DIR/tmp"
  NGINX_DIR="$NGINX_DIR" NGINX_PORT="$PORT" NGINX_UPSTREAMS="$upstreams" \
    envsubst '${NGINX_DIR} ${NGINX_PORT} ${NGINX_UPSTREAMS}' <"$ROOT/deploy/nginx.conf.template" >"$NGINX_DIR/nginx.conf"
  nginx -t -q -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log"
}

cmd_start() {
  local n="${1:-2}"; shift || true
  [[ "$n" =~ ^[1-9][0-9]?$ ]] || { log "N must be a number from 1 to 99, not '$n'"; exit 2; }
  [ -f "$HOST_DLL" ] || { log "the host is not built: dotnet build src/CourierApi -c Release"; exit 1; }
  mkdir -p "$NODES_DIR"
  # One after the other: each node migrates under an advisory lock anyway, but the demo's seeding is read-then-write
  # and a second node starting while the first seeds would only wait for the lock.
  for k in $(seq 1 "$n"); do start_node "$k" "$@"; done
  write_nginx_conf "$n"
  if [ -s "$NGINX_DIR/nginx.pid" ] && kill -0 "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null; then
    nginx -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" -s reload
  else
    nginx -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log"
  fi
  log "nginx on http://127.0.0.1:$PORT/ in front of $n node(s)"
}

cmd_stop() {
  if [ -s "$NGINX_DIR/nginx.pid" ] && kill -0 "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null; then
    nginx -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" -s quit; log "nginx stopped"
  fi
  for pid_file in "$NODES_DIR"/node*.pid; do
    [ -e "$pid_file" ] || continue
    local pid; pid="$(cat "$pid_file")"
    if kill -0 "$pid" 2>/dev/null; then kill "$pid"; log "stopped $(basename "$pid_file" .pid) (pid $pid)"; fi
    rm -f "$pid_file"
  done
}

cmd_status() {
  for pid_file in "$NODES_DIR"/node*.pid; do
    [ -e "$pid_file" ] || continue
    local k; k="$(basename "$pid_file" .pid)"; k="${k#node}"
    if ready $((BASE + k)); then echo "node $k: ready on 127.0.0.1:$((BASE + k))"; else echo "node $k: down"; fi
  done
  if ready "$PORT"; then echo "nginx: up on 127.0.0.1:$PORT"; else echo "nginx: down"; fi
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start N [host arguments...] | stop | status" >&2; exit 2 ;;
esac
