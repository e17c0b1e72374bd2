#!/usr/bin/env bash
# Makes a Docker engine and the base image debian:bookworm-slim available, idempotently.
#
#   bash docker/engine.sh
#
# 1. An engine that already answers `docker info` (DOCKER_HOST honoured) is used as it is.
# 2. Otherwise, as root on Debian/Ubuntu, Debian's docker.io is installed and dockerd is started in
#    the background (log: $JTEST_DOCKERD_LOG), then awaited for at most 60 s.
# 3. debian:bookworm-slim is pulled when a registry can be reached; on a machine without one it is
#    seeded with debootstrap from the Debian mirror in the machine's apt sources and `docker import`.
#
# Environment: JTEST_DOCKERD_LOG (default /var/log/jtest-dockerd.log), JTEST_DEBIAN_MIRROR (overrides
# the mirror read from apt sources), JTEST_PULL_TIMEOUT (seconds, default 30).
set -euo pipefail

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

seed_base_image() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    say "$BASE_IMAGE present"
    return
  fi
  say "pulling $BASE_IMAGE (at most ${PULL_TIMEOUT}s)"
  if timeout "$PULL_TIMEOUT" docker pull -q "$BASE_IMAGE" >/dev/null 2>&1; then
    say "$BASE_IMAGE pulled"
    return
  fi
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
  say "docker import as $BASE_IMAGE"
  tar -C "$root" -c . | docker import \
    --change 'CMD ["bash"]' \
    --change "LABEL dev.jtest.seeded=debootstrap dev.jtest.seeded.mirror=$mirror" \
    - "$BASE_IMAGE" >/dev/null
  say "$BASE_IMAGE seeded after $(elapsed)"
}

if engine_answers; then
  say "Docker engine already answers ($(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null || echo 'version unknown')); nothing to start"
else
  start_engine
fi
seed_base_image
say "ready in $(elapsed)"
