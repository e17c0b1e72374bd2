#!/usr/bin/env bash
# Makes a Docker engine and the base image debian:bookworm-slim available, idempotently.
#
#   bash docker/engine.sh            # Docker (DOCKER_HOST honoured)
#   bash docker/engine.sh --podman   # Podman's Docker-compatible service instead; prints DOCKER_HOST
#
# 1. An engine that already answers `docker info` (DOCKER_HOST honoured) is used as it is.
# 2. Otherwise, as root on Debian/Ubuntu, Debian's docker.io is installed and dockerd is started in
#    the background (log: $JTEST_DOCKERD_LOG), then awaited for at most 60 s.
# 3. debian:bookworm-slim is pulled when a registry can be reached; on a machine without one it is
#    seeded with debootstrap from the Debian mirror in the machine's apt sources and `docker import`.
#
# With --podman: Debian's podman (with netavark and aardvark-dns, so that services find each other by
# name) is installed as root when missing; its API service is started on /run/podman/podman.sock
# (root) or where Podman puts it rootless ($XDG_RUNTIME_DIR/podman/podman.sock), log in
# $JTEST_PODMAN_LOG; the base image is copied from Docker when Docker has it, else pulled or seeded
# as above (rootless, seed it yourself: docker save debian:bookworm-slim | podman load). Two host quirks are
# compensated in a containers.conf drop-in named jtest.conf: a CNI network backend (no DNS between
# containers) becomes netavark, and a host that forbids raising rlimits gets no default ulimits.
# Select the engine with the DOCKER_HOST line it prints last.
#
# Environment: JTEST_DOCKERD_LOG (default /var/log/jtest-dockerd.log), JTEST_PODMAN_LOG (default
# /var/log/jtest-podman.log, or ~/.cache/jtest-podman.log rootless), JTEST_DEBIAN_MIRROR (overrides
# the mirror read from apt sources), JTEST_PULL_TIMEOUT (seconds, default 30).
set -euo pipefail

ENGINE=docker
case "${1:-}" in
  --podman) ENGINE=podman ;;
  "") ;;
  *)
    echo "usage: bash docker/engine.sh [--podman]" >&2
    exit 2
    ;;
esac

BASE_IMAGE=debian:bookworm-slim
SUITE=bookworm
DOCKERD_LOG=${JTEST_DOCKERD_LOG:-/var/log/jtest-dockerd.log}
PULL_TIMEOUT=${JTEST_PULL_TIMEOUT:-30}
started=$(date +%s)

say() { printf '[engine] %s\n' "$*"; }
die() {
  printf '[engine] ERROR: %s\n' "$*" >&2
  exit 1
}
elapsed() { echo "$(($(date +%s) - started))s"; }
engine_answers() { command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; }
is_root() { [ "$(id -u)" = 0 ]; }
is_debian_like() { [ -f /etc/debian_version ]; }

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed; check the machine's apt sources."
    apt_updated=1
  fi
  say "apt-get install $*"
  local log
  log=$(mktemp /tmp/jtest-apt.XXXXXX)
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "apt-get install $* failed (full log: $log)."
  fi
  rm -f "$log"
}

start_engine() {
  if [ -n "${DOCKER_HOST:-}" ] && [ "${DOCKER_HOST}" != unix:///var/run/docker.sock ]; then
    die "DOCKER_HOST=$DOCKER_HOST does not answer 'docker info'. Start that engine, or unset DOCKER_HOST to let this script start a local one."
  fi
  if ! is_root || ! is_debian_like; then
    die "no Docker engine answers and this script can only install one as root on Debian/Ubuntu. Install Docker (https://docs.docker.com/engine/install/) and start it, then run this script again."
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    apt_install docker.io
  fi
  if ! command -v docker >/dev/null 2>&1; then
    die "dockerd is installed but the docker client is not on PATH; install Debian's docker.io or docker-ce-cli."
  fi
  say "starting dockerd in the background (log: $DOCKERD_LOG)"
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  # setsid: the daemon must outlive this script and the CI step that ran it.
  setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  local deadline=$(($(date +%s) + 60))
  until engine_answers; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "[engine] last lines of $DOCKERD_LOG:" >&2
      tail -n 30 "$DOCKERD_LOG" >&2 || true
      die "dockerd did not answer within 60 s (see above, full log in $DOCKERD_LOG)."
    fi
    sleep 0.5
  done
  say "dockerd answers after $(elapsed)"
}

# Prints the first Debian mirror URI that serves $SUITE, from deb822 *.sources and one-line *.list files.
debian_mirror() {
  if [ -n "${JTEST_DEBIAN_MIRROR:-}" ]; then
    echo "$JTEST_DEBIAN_MIRROR"
    return
  fi
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # One stanza per paragraph; keep the URIs of deb stanzas whose Suites list $SUITE itself.
    awk -v suite="$SUITE" '
      function flush() { if (isdeb && hassuite && uri != "") { print uri; found = 1; exit } isdeb = 0; hassuite = 0; uri = "" }
      /^[[:space:]]*$/ { flush(); next }
      /^Types:/ { for (i = 2; i <= NF; i++) if ($i == "deb") isdeb = 1 }
      /^URIs:/ { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) hassuite = 1 }
      END { if (!found) flush() }' "$f"
  done | head -n 1 | grep . && return
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    sed -e 's/\[[^]]*\]//' |
    awk -v suite="$SUITE" '$1 == "deb" && $3 == suite { print $2; exit }' | grep . && return
  return 1
}

# Seeds $BASE_IMAGE into the engine the CLI $1 (docker or podman) talks to.
seed_base_image() {
  local cli=$1
  if "$cli" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    say "$BASE_IMAGE present"
    return
  fi
  if [ "$cli" = podman ] && command -v docker >/dev/null 2>&1 && timeout 10 docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    say "copying $BASE_IMAGE from Docker into Podman"
    docker save "$BASE_IMAGE" | podman load -q >/dev/null
    say "$BASE_IMAGE copied"
    return
  fi
  say "pulling $BASE_IMAGE (at most ${PULL_TIMEOUT}s)"
  if timeout "$PULL_TIMEOUT" "$cli" pull -q "$BASE_IMAGE" >/dev/null 2>&1; then
    say "$BASE_IMAGE pulled"
    return
  fi
  is_root || die "no registry reachable, and seeding $BASE_IMAGE with debootstrap needs root: load it yourself (e.g. as root 'docker save $BASE_IMAGE -o /tmp/base.tar', then '$cli load -i /tmp/base.tar'), then run this script again."
  say "no registry reachable: seeding $BASE_IMAGE with debootstrap"
  if ! command -v debootstrap >/dev/null 2>&1; then
    is_root && is_debian_like || die "debootstrap is missing; install it (apt-get install debootstrap) or make $BASE_IMAGE available, then run this script again."
    apt_install debootstrap
  fi
  local mirror
  mirror=$(debian_mirror) || die "no Debian '$SUITE' mirror found in /etc/apt/sources.list{,.d}; set JTEST_DEBIAN_MIRROR to one and run this script again."
  # Global, not local: the EXIT trap runs after this function has returned.
  rootfs=$(mktemp -d /var/tmp/jtest-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  local root=$rootfs
  say "debootstrap --variant=minbase $SUITE from $mirror (one-time, about a minute)"
  if ! debootstrap --variant=minbase "$SUITE" "$root" "$mirror" >"$root.log" 2>&1; then
    tail -n 20 "$root.log" >&2
    die "debootstrap failed (full log: $root.log)."
  fi
  rm -f "$root.log"
  # What slim images leave out as well: downloaded packages and package lists.
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  # mktemp made the directory 0700, and tar records it as the image's '/': rootless Podman (vfs)
  # keeps that mode, so a service running as a non-root user could not reach /bin.
  chmod 0755 "$root"
  say "$cli import as $BASE_IMAGE"
  tar -C "$root" -c . | "$cli" import \
    --change 'CMD ["bash"]' \
    --change "LABEL dev.jtest.seeded=debootstrap dev.jtest.seeded.mirror=$mirror" \
    - "$BASE_IMAGE" >/dev/null
  say "$BASE_IMAGE seeded after $(elapsed)"
}

# Where Podman itself puts its service's socket: /run/podman/podman.sock as root, under the user's
# runtime directory rootless ($XDG_RUNTIME_DIR, or /tmp/podman-run-<uid> without a login session).
podman_socket() {
  local path
  path=$(podman info --format '{{.Host.RemoteSocket.Path}}' 2>/dev/null) || path=
  if [ -n "$path" ]; then
    echo "$path"
  elif is_root; then
    echo /run/podman/podman.sock
  else
    echo "${XDG_RUNTIME_DIR:-/run/user/$(id -u)}/podman/podman.sock"
  fi
}
podman_answers() { timeout 10 podman --remote --url "unix://$(podman_socket)" version >/dev/null 2>&1; }

# The containers.conf drop-in this script owns: system-wide as root, the user's own rootless.
podman_dropin() {
  if is_root; then
    echo /etc/containers/containers.conf.d/jtest.conf
  else
    echo "${XDG_CONFIG_HOME:-$HOME/.config}/containers/containers.conf.d/jtest.conf"
  fi
}
# The drop-in's two optional settings, each empty until this host is found to need it.
dropin_network=
dropin_ulimits=
write_dropin() {
  local file
  file=$(podman_dropin)
  mkdir -p "$(dirname "$file")"
  {
    echo "# Written by jtest's docker/engine.sh --podman for this host's quirks; see the comments there."
    [ -z "$dropin_ulimits" ] || printf '[containers]\n%s\n' "$dropin_ulimits"
    [ -z "$dropin_network" ] || printf '[network]\n%s\n' "$dropin_network"
  } >"$file"
  say "wrote $file:${dropin_ulimits:+ $dropin_ulimits;}${dropin_network:+ $dropin_network}"
}

install_podman() {
  if command -v podman >/dev/null 2>&1; then
    return
  fi
  if ! is_root || ! is_debian_like; then
    die "podman is not installed and this script can only install it as root on Debian/Ubuntu. Install podman (https://podman.io/docs/installation), then run this script again."
  fi
  # netavark + aardvark-dns: the network backend whose DNS lets services reach each other by name;
  # catatonit: the init process of 'init: true'; uidmap, slirp4netns: what rootless Podman needs.
  apt_install podman netavark aardvark-dns catatonit uidmap slirp4netns
}

# Writes the drop-in for the two quirks this host may have, before the service starts.
configure_podman() {
  local file changed=
  file=$(podman_dropin)
  # What an earlier run found stays: its probe ran with the drop-in in place, so it cannot tell.
  if [ -f "$file" ]; then
    grep -q '^default_ulimits = \[\]' "$file" && dropin_ulimits='default_ulimits = []'
    grep -q '^network_backend = "netavark"' "$file" && dropin_network='network_backend = "netavark"'
  fi
  if [ -z "$dropin_network" ] && [ "$(podman info --format '{{.Host.NetworkBackend}}' 2>/dev/null)" != netavark ]; then
    command -v netavark >/dev/null 2>&1 || [ -x /usr/lib/podman/netavark ] ||
      die "Podman uses the CNI network backend, whose networks have no DNS: services could not reach each other by name. Install netavark and aardvark-dns (apt-get install netavark aardvark-dns), then run this script again."
    dropin_network='network_backend = "netavark"'
    write_dropin
    changed=1
    # CNI's networks are unknown to netavark: remove what earlier jtest runs may have left there,
    # and CNI's default bridge, whose route for 10.88.0.0/16 would shadow netavark's 'podman' network.
    podman network ls -q --filter label=dev.jtest.run | xargs -r podman network rm -f >/dev/null 2>&1 || true
    if is_root && ip link show cni-podman0 >/dev/null 2>&1; then
      ip link delete cni-podman0 || true
    fi
  fi
  local probe
  if ! probe=$(podman run --rm "$BASE_IMAGE" true 2>&1); then
    if [ -z "$dropin_ulimits" ] && grep -q 'rlimit' <<<"$probe"; then
      # A container inherits Podman's default ulimits, which raise NOFILE/NPROC above what this
      # process may set (no CAP_SYS_RESOURCE, as in sandboxes and nested containers).
      dropin_ulimits='default_ulimits = []'
      write_dropin
      changed=1
      probe=$(podman run --rm "$BASE_IMAGE" true 2>&1) || {
        printf '%s\n' "$probe" >&2
        die "podman still cannot run a container from $BASE_IMAGE after $file was written (above); fix Podman on this host, then run this script again."
      }
    else
      printf '%s\n' "$probe" >&2
      die "podman cannot run a container from $BASE_IMAGE (above); fix Podman on this host, then run this script again."
    fi
  fi
  if [ -n "$changed" ] && podman_answers; then
    # A running service read the configuration before: restart it to apply the drop-in.
    say "restarting Podman's service to apply $file"
    pkill -u "$(id -u)" -f 'podman system service' || true
    sleep 1
  fi
}

start_podman_service() {
  local sock log
  sock=$(podman_socket)
  if podman_answers; then
    say "Podman's service already answers on unix://$sock"
    return
  fi
  if is_root; then
    log=${JTEST_PODMAN_LOG:-/var/log/jtest-podman.log}
  else
    log=${JTEST_PODMAN_LOG:-$HOME/.cache/jtest-podman.log}
  fi
  mkdir -p "$(dirname "$sock")" "$(dirname "$log")"
  say "starting 'podman system service' on unix://$sock (log: $log)"
  # --time=0: the service must not exit while idle between builds; setsid: it outlives this script;
  # from /: its containers' conmon inherits its directory, and a build directory can be deleted.
  # The subshell's own descriptors go to the log too: a caller reading this script's output through
  # a pipe would otherwise wait for the service to end.
  (cd / && exec setsid nohup podman system service --time=0 "unix://$sock") >>"$log" 2>&1 </dev/null &
  local deadline=$(($(date +%s) + 30))
  until podman_answers; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail -n 30 "$log" >&2 || true
      die "Podman's service did not answer on unix://$sock within 30 s (see above, full log in $log)."
    fi
    sleep 0.5
  done
  say "Podman's service answers after $(elapsed)"
}

if [ "$ENGINE" = podman ]; then
  install_podman
  seed_base_image podman
  configure_podman
  start_podman_service
  say "ready in $(elapsed): Podman $(podman version --format '{{.Server.Version}}' 2>/dev/null || echo '(version unknown)'), $(is_root && echo rootful || echo rootless)"
  echo "DOCKER_HOST=unix://$(podman_socket)"
  exit 0
fi

if engine_answers; then
  say "Docker engine already answers ($(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null || echo 'version unknown')); nothing to start"
else
  start_engine
fi
seed_base_image docker
say "ready in $(elapsed)"
