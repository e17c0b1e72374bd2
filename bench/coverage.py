#!/usr/bin/env python3
"""Coverage overhead: `mvn verify` vs `mvn verify -Pcoverage` on one sample project, alternating.

Usage: bench/coverage.py [--runs N] [--project it/src/it/demo]
Needs jtest installed in ~/.m2 (./mvnw install -DskipTests) and a running engine. Prints a
Markdown table and writes it to bench/results/coverage.md.

Measured per run: the whole build's wall time; the time of jtest:stop (which, with coverage,
includes the harvest: a TCP dump of each JVM service, its graceful stop, and copying the final
data out); the time of jtest:report (analysis plus the HTML/XML/CSV report); the time of Failsafe's
integration-test (the suite against instrumented services); the time of jtest:start and jtest:ready
(with coverage, the JVM services start with the agents and instrument their classes as they load).
"""
import argparse
import datetime
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
STAMP = re.compile(r"^(\d\d:\d\d:\d\d\.\d\d\d) ")


def maven():
    dists = sorted((pathlib.Path.home() / ".m2/wrapper/dists").glob("apache-maven-3.9.*/*/bin/mvn"))
    return str(dists[-1]) if dists else "mvn"


def prepare(project, version):
    work = ROOT / "bench" / "work" / project.name
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(project, work)
    pom = work / "pom.xml"
    pom.write_text(pom.read_text().replace("@project.groupId@", "dev.jtest").replace("@project.version@", version))
    return work


def mojo_seconds(lines, goal, plugin="jtest"):
    """Seconds from the line that starts `goal` to the line that starts the next mojo."""
    start = None
    for line in lines:
        m = STAMP.match(line)
        if not m:
            continue
        t = datetime.datetime.strptime(m.group(1), "%H:%M:%S.%f")
        if start is None and f":{goal} (" in line and f"--- {plugin}:" in line:
            start = t
        elif start is not None and ("--- " in line or "BUILD" in line):
            return (t - start).total_seconds()
    return None


def run(work, coverage):
    args = [maven(), "-B", "verify",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"]
    if coverage:
        args.append("-Pcoverage")
    started = time.monotonic()
    out = subprocess.run(args, cwd=work, capture_output=True, text=True)
    wall = time.monotonic() - started
    lines = out.stdout.splitlines()
    if "BUILD SUCCESS" not in out.stdout:
        sys.exit(f"build failed (coverage={coverage}):\n" + "\n".join(lines[-40:]))
    return {"wall": wall, "stop": mojo_seconds(lines, "stop"), "report": mojo_seconds(lines, "report"),
            "tests": mojo_seconds(lines, "integration-test", "failsafe"),
            "start": mojo_seconds(lines, "start") + mojo_seconds(lines, "ready")}


def summary(values):
    values = [v for v in values if v is not None]
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--project", default="it/src/it/demo")
    parser.add_argument("--version", default="0.1.0-SNAPSHOT")
    options = parser.parse_args()
    work = prepare(ROOT / options.project, options.version)
    run(work, True)  # warm-up: images, class loading, page cache
    plain, covered = [], []
    for i in range(options.runs):
        plain.append(run(work, False))
        covered.append(run(work, True))
        print(f"run {i + 1}: plain {plain[-1]['wall']:.1f} s, coverage {covered[-1]['wall']:.1f} s", file=sys.stderr)
    wall_plain = statistics.median(r["wall"] for r in plain)
    wall_cov = statistics.median(r["wall"] for r in covered)
    harvest = [c["stop"] - statistics.median(p["stop"] for p in plain) for c in covered]
    harvest_report = [h + c["report"] for h, c in zip(harvest, covered)]
    table = "\n".join([
        f"Coverage overhead on `{options.project}` ({options.runs} alternating runs after a warm-up; median (min–max), seconds)",
        "",
        "| measure | without coverage | with `-Pcoverage` |",
        "|---|---|---|",
        f"| `mvn verify` wall time | {summary([r['wall'] for r in plain])} | {summary([r['wall'] for r in covered])} |",
        f"| `jtest:start` + `jtest:ready` (with coverage: agents copied in, services instrumented) | {summary([r['start'] for r in plain])} | {summary([r['start'] for r in covered])} |",
        f"| Failsafe `integration-test` (the suite) | {summary([r['tests'] for r in plain])} | {summary([r['tests'] for r in covered])} |",
        f"| `jtest:stop` (with coverage: harvest included) | {summary([r['stop'] for r in plain])} | {summary([r['stop'] for r in covered])} |",
        f"| `jtest:report` | — | {summary([r['report'] for r in covered])} |",
        f"| harvest (stop with minus stop without) + report | — | {summary(harvest_report)} |",
        "",
        f"Wall-time overhead of coverage: {100 * (wall_cov / wall_plain - 1):+.1f} % (medians); "
        f"per pair of neighbouring runs: {summary([100 * (c['wall'] / p['wall'] - 1) for p, c in zip(plain, covered)])} %.",
        "",
    ])
    print(table)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "coverage.md").write_text(table)


if __name__ == "__main__":
    main()
