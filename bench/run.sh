#!/usr/bin/env bash
# The benchmarks in one command; see bench/README.md. Writes bench/results/*.md and *.svg.
#
#   bench/run.sh                     # every part, 5 alternating runs each
#   bench/run.sh ready provider      # only these parts
#   bench/run.sh --runs 1 ready      # a quick look (figures not worth quoting)
#
# Parts: scheduling (run.py), ready (ready.py), coverage (coverage.py), provider (provider.py),
# reports (reports.py: one run each, not in the default set; about 5 minutes), shards (shards.py:
# the skewed suite split into 2 and 4 shards run in turn; not in the default set), suite (suite.py:
# Commons Collections' 12,000 tests, stock Surefire against jtest; not in the default set; ~15
# minutes), hidden (hidden.py: services started in the background while the unit tests run, against
# a stack already running), pertest (pertest.py: per-test coverage's cost and -Djtest.affected's
# saving on the demo; not in the default set; ~10 minutes at --runs 2).
# --no-build reuses the jtest that it/target/local-repo holds instead of building this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
build=1
parts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --no-build) build=; shift ;;
    scheduling|ready|coverage|provider|reports|shards|suite|hidden|demo|pertest) parts+=("$1"); shift ;;
    *) echo "usage: bench/run.sh [--runs N] [--no-build] [scheduling|ready|coverage|provider|reports|shards|suite|hidden|demo]..." >&2; exit 2 ;;
  esac
done
[ ${#parts[@]} -gt 0 ] || parts=(scheduling ready coverage provider hidden)
wants() { [[ " ${parts[*]} " == *" $1 "* ]]; }

say() { printf '[bench] %s\n' "$*"; }
started=$(date +%s)

if wants ready || wants coverage || wants hidden || wants demo || wants pertest; then
  bash docker/engine.sh
fi
if wants ready && ! command -v docker-compose >/dev/null 2>&1; then
  # The benchmark compares with Debian's docker-compose 1.29; only root can install it.
  [ "$(id -u)" = 0 ] || { echo "bench: docker-compose is missing: apt-get install docker-compose" >&2; exit 1; }
  say "apt-get install docker-compose"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker-compose >/dev/null
fi
if [ -n "$build" ]; then
  say "building this checkout's jtest into it/target/local-repo"
  python3 -c 'import sys; sys.path.insert(0, "bench"); import common; common.build_jtest()'
fi

for part in "${parts[@]}"; do
  say "$part ($runs runs)"
  case "$part" in
    scheduling) python3 bench/run.py --reps "$runs" --no-build ;;
    ready) python3 bench/ready.py --runs "$runs" ;;
    coverage) python3 bench/coverage.py --runs "$runs" ;;
    provider) python3 bench/provider.py --runs "$runs" ;;
    reports) python3 bench/reports.py ;;
    shards) python3 bench/shards.py --runs "$runs" --no-build ;;
    suite) python3 bench/suite.py --runs "$runs" ;;
    hidden) python3 bench/hidden.py --runs "$runs" ;;
    demo) python3 bench/demo.py --runs "$runs" ;;
    pertest) python3 bench/pertest.py --runs "$runs" ;;
  esac
done
say "done in $(( ($(date +%s) - started) / 60 )) min; results in bench/results/"
