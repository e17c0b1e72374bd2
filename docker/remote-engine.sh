#!/usr/bin/env bash
# A second Docker engine on this machine that jtest cannot tell from a remote one: it listens only on
# tcp://127.0.0.2:2376 with TLS and client certificates, keeps its own data, state, containerd and
# bridge, and publishes ports on 127.0.0.2. For trying jtest's remote-engine support locally and for
# the it/ build remote-engine.
#
#   bash docker/remote-engine.sh start        # idempotent; seeds debian:bookworm-slim from the main engine
#   bash docker/remote-engine.sh seed IMAGE…  # copies images from the main engine (docker save | load)
#   eval "$(bash docker/remote-engine.sh env)" # DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH
#   bash docker/remote-engine.sh stop         # idempotent; leaves data and certificates for next time
#   bash docker/remote-engine.sh status       # exit 0 when it answers
#
# Separation from the main engine (the one `docker` reaches without these variables):
#   - own --data-root, --exec-root (so its own managed containerd) and --pidfile; its network store
#     is emptied at each start, since dockerd 20.10 otherwise deletes the main engine's docker0;
#   - no unix socket, so /var/run/docker.sock stays the main engine's;
#   - its own bridge jtest-remote0 (10.212.0.1/24) and address pool 10.213.0.0/16 for the networks
#     jtest creates, apart from the main engine's 172.17+/16 and 192.168/16 pools;
#   - --iptables=false: a second dockerd that manages iptables removes and re-creates the DOCKER
#     chains the main one relies on. This script instead adds two rules of its own, tagged with the
#     comment jtest-remote, letting traffic between its containers pass the FORWARD chain (the main
#     engine sets its policy to DROP). Containers get no route out: builds cannot download anything,
#     hence the seeding from the main engine. Published ports are served by docker-proxy on 127.0.0.2.
#
# Environment: JTEST_REMOTE_DIR (data and certificates, default /var/lib/jtest-remote),
# JTEST_REMOTE_RUN (exec root and pid file, default /run/jtest-remote).
set -euo pipefail

ADDRESS=127.0.0.2
PORT=2376
BRIDGE=jtest-remote0
BRIDGE_CIDR=10.212.0.1/24
POOL=10.213.0.0/16
BASE_IMAGE=debian:bookworm-slim
DIR=${JTEST_REMOTE_DIR:-/var/lib/jtest-remote}
RUN=${JTEST_REMOTE_RUN:-/run/jtest-remote}
CERTS=$DIR/certs
CLIENT=$DIR/client
PIDFILE=$RUN/dockerd.pid
LOG=$DIR/dockerd.log

say() { printf '[remote-engine] %s\n' "$*"; }
die() {
  printf '[remote-engine] ERROR: %s\n' "$*" >&2
  exit 1
}

# The main engine: whatever `docker` reaches when the caller's variables do not point at this one.
main_docker() {
  if [ "${DOCKER_HOST:-}" = "tcp://$ADDRESS:$PORT" ]; then
    env -u DOCKER_HOST -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH docker "$@"
  else
    docker "$@"
  fi
}
remote_docker() {
  env -u DOCKER_CONTEXT DOCKER_HOST="tcp://$ADDRESS:$PORT" DOCKER_TLS_VERIFY=1 \
    DOCKER_CERT_PATH="$CLIENT" docker "$@"
}
# `timeout` runs programs, not shell functions: hence env here.
answers() {
  [ -f "$CLIENT/key.pem" ] && timeout 10 env -u DOCKER_CONTEXT DOCKER_HOST="tcp://$ADDRESS:$PORT" \
    DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="$CLIENT" docker info >/dev/null 2>&1
}
running_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# A CA, a server certificate for IP:127.0.0.2 and a client certificate, as `dockerd --tlsverify`
# and the docker CLI's DOCKER_CERT_PATH expect them. Made once; kept across stop and start.
make_certs() {
  [ -f "$CLIENT/key.pem" ] && [ -f "$CERTS/server-key.pem" ] && return
  command -v openssl >/dev/null 2>&1 || die "openssl is missing (apt-get install openssl)."
  say "generating a CA, a server certificate (IP:$ADDRESS) and a client certificate in $DIR"
  mkdir -p "$CERTS" "$CLIENT"
  chmod 700 "$CERTS" "$CLIENT"
  local tmp
  tmp=$(mktemp -d)
  (
    cd "$tmp"
    openssl genrsa -out ca-key.pem 2048 2>/dev/null
    openssl req -new -x509 -days 3650 -key ca-key.pem -subj "/CN=jtest remote engine CA" -out ca.pem
    openssl genrsa -out server-key.pem 2048 2>/dev/null
    openssl req -new -key server-key.pem -subj "/CN=$ADDRESS" -out server.csr
    printf 'subjectAltName = IP:%s\nextendedKeyUsage = serverAuth\n' "$ADDRESS" >server.ext
    openssl x509 -req -days 3650 -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial \
      -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl genrsa -out key.pem 2048 2>/dev/null
    openssl req -new -key key.pem -subj "/CN=jtest client" -out client.csr
    printf 'extendedKeyUsage = clientAuth\n' >client.ext
    openssl x509 -req -days 3650 -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial \
      -extfile client.ext -out cert.pem 2>/dev/null
  )
  install -m 600 "$tmp/ca-key.pem" "$tmp/server-key.pem" "$CERTS/"
  install -m 644 "$tmp/ca.pem" "$tmp/server-cert.pem" "$CERTS/"
  install -m 644 "$tmp/ca.pem" "$tmp/cert.pem" "$CLIENT/"
  install -m 600 "$tmp/key.pem" "$CLIENT/"
  rm -rf "$tmp"
}

setup_network() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  local net
  for net in "${BRIDGE_CIDR%.*}.0/24" "$POOL"; do
    iptables -C FORWARD -s "$net" -d "$net" -m comment --comment jtest-remote -j ACCEPT 2>/dev/null ||
      iptables -I FORWARD -s "$net" -d "$net" -m comment --comment jtest-remote -j ACCEPT
  done
}

teardown_network() {
  local net
  for net in "${BRIDGE_CIDR%.*}.0/24" "$POOL"; do
    while iptables -D FORWARD -s "$net" -d "$net" -m comment --comment jtest-remote -j ACCEPT 2>/dev/null; do :; done
  done
  if ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link del "$BRIDGE" || true
  fi
}

seed() {
  local image
  for image in "$@"; do
    if remote_docker image inspect "$image" >/dev/null 2>&1; then
      continue
    fi
    if ! main_docker image inspect "$image" >/dev/null 2>&1; then
      if [ "$image" = "$BASE_IMAGE" ]; then
        say "$BASE_IMAGE is missing on the main engine: running docker/engine.sh"
        bash "$(dirname "$0")/engine.sh"
      else
        die "image $image is not on the main engine; build or pull it there first."
      fi
    fi
    say "copying $image from the main engine"
    main_docker save "$image" | remote_docker load -q >/dev/null
  done
}

start() {
  [ "$(id -u)" = 0 ] || die "run as root: a second dockerd needs it."
  command -v dockerd >/dev/null 2>&1 || die "dockerd is missing; run docker/engine.sh first."
  if answers; then
    say "already answers on tcp://$ADDRESS:$PORT"
    seed "$BASE_IMAGE"
    return
  fi
  if pid=$(running_pid); then
    die "dockerd (pid $pid, $PIDFILE) runs but does not answer on tcp://$ADDRESS:$PORT; see $LOG, or run '$0 stop' first."
  fi
  make_certs
  setup_network
  mkdir -p "$DIR/data" "$RUN"
  # A network store left by an earlier run makes dockerd 20.10 delete its stale default network
  # at start, and with it the main engine's docker0. Every start begins with an empty store; the
  # networks jtest creates live for one run only.
  rm -rf "$DIR/data/network"
  local docker0
  docker0=$(ip -o -4 addr show dev docker0 2>/dev/null | awk '{print $4; exit}' || true)
  local driver
  # The main engine's storage driver is the one known to work on this machine's file system.
  driver=$(main_docker info --format '{{.Driver}}' 2>/dev/null || true)
  say "starting dockerd on tcp://$ADDRESS:$PORT (log: $LOG)"
  # setsid: the daemon must outlive this script and the build that ran it.
  setsid nohup dockerd \
    --data-root "$DIR/data" \
    --exec-root "$RUN/exec" \
    --pidfile "$PIDFILE" \
    ${driver:+--storage-driver "$driver"} \
    --bridge "$BRIDGE" \
    --default-address-pool "base=$POOL,size=24" \
    --iptables=false --ip-masq=false --ip6tables=false \
    --ip "$ADDRESS" \
    --tlsverify --tlscacert "$CERTS/ca.pem" --tlscert "$CERTS/server-cert.pem" \
    --tlskey "$CERTS/server-key.pem" \
    -H "tcp://$ADDRESS:$PORT" \
    >>"$LOG" 2>&1 </dev/null &
  local deadline=$(($(date +%s) + 60))
  until answers; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail -n 30 "$LOG" >&2 || true
      die "dockerd did not answer on tcp://$ADDRESS:$PORT within 60 s (full log: $LOG)."
    fi
    sleep 0.5
  done
  say "answers on tcp://$ADDRESS:$PORT"
  # Should a dockerd still remove the main engine's bridge, give it back at once.
  if [ -n "$docker0" ] && ! ip link show docker0 >/dev/null 2>&1; then
    say "WARNING: the main engine's docker0 vanished; re-creating it ($docker0)"
    ip link add docker0 type bridge && ip addr add "$docker0" dev docker0 && ip link set docker0 up
  fi
  seed "$BASE_IMAGE"
}

stop() {
  local pid
  if pid=$(running_pid); then
    say "stopping dockerd (pid $pid)"
    kill "$pid"
    local deadline=$(($(date +%s) + 30))
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$(date +%s)" -ge "$deadline" ]; then
        say "dockerd did not stop within 30 s: killing it"
        kill -9 "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.5
    done
  else
    say "not running"
  fi
  teardown_network
}

print_env() {
  echo "export DOCKER_HOST=tcp://$ADDRESS:$PORT"
  echo "export DOCKER_TLS_VERIFY=1"
  echo "export DOCKER_CERT_PATH=$CLIENT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  status) answers ;;
  seed)
    shift
    answers || die "not running; run '$0 start' first."
    seed "$@"
    ;;
  *) die "usage: $0 start|stop|env|status|seed IMAGE..." ;;
esac
