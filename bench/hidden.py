#!/usr/bin/env python3
"""Services hidden behind the build: a project whose unit tests take longer than its stack takes to
get ready, `mvn -o verify` with services started in the background (jtest.earlyStart, the default),
against the same build with the stack already running (kept by an earlier build and reused), and
against starting at pre-integration-test as before (`-Djtest.earlyStart=false`).
See README.md beside this file.

Target (issue 15): `early` at most 1 s longer than `running`.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

import common
import coverage
import provider

UNIT_SECONDS = 12   # the unit test phase: longer than the stack's start
READY_SECONDS = 4   # the service's own start-up before it answers

COMPOSE = """services:
  web:
    build: ./img
    ports: ["8000"]
    command: ["sh", "-c", "sleep %d; echo up > /tmp/index.html; exec busybox httpd -f -p 8000 -h /tmp"]
    stop_grace_period: 1s
    x-jtest:
      wait:
        http: /
""" % READY_SECONDS

DOCKERFILE = """FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends busybox && rm -rf /var/lib/apt/lists/*
"""

UNIT = """package bench;

import org.junit.jupiter.api.Test;

class SlowUnitTest {
  @Test void compilesAndTestsTakeTheirTime() throws Exception { Thread.sleep(%d); }
}
""" % (UNIT_SECONDS * 1000)

IT = """package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class WebIT {
  @Test void answers() throws Exception {
    String url = System.getProperty("jtest.web.url");
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertEquals("up", body.strip());
  }
}
"""

# Two copies of the project: a stack is per project directory, so the kept one of `running` is
# never taken over (and removed) by the other two runners' builds.
RUNNERS = {
    "early": ("fresh", []),
    "late": ("fresh", ["-Djtest.earlyStart=false"]),
    "running": ("kept", ["-Djtest.earlyStart=false", "-Djtest.keepRunning"]),
}


def generate(work):
    shutil.rmtree(work, ignore_errors=True)
    for kind in ("fresh", "kept"):
        root = os.path.join(work, kind)
        src = os.path.join(root, "src", "test", "java", "bench")
        os.makedirs(src)
        os.makedirs(os.path.join(root, "img"))
        files = {"SlowUnitTest.java": UNIT, "WebIT.java": IT}
        for name, text in files.items():
            with open(os.path.join(src, name), "w") as f:
                f.write(text)
        with open(os.path.join(root, "img", "Dockerfile"), "w") as f:
            f.write(DOCKERFILE)
        with open(os.path.join(root, "docker-compose.yml"), "w") as f:
            f.write(COMPOSE)
        with open(os.path.join(root, "pom.xml"), "w") as f:
            # provider.py's pom: the same JUnit and Surefire, jtest declared as a user does.
            f.write(provider.POM % {"kind": "hidden-" + kind, "junit": provider.JUNIT,
                                    "surefire": provider.SUREFIRE, "directory": "target",
                                    "plugin": common.JTEST_PLUGIN})


def run(work, settings, name, log, offline=True, warmup=False):
    kind, args = RUNNERS[name]
    began = time.monotonic()
    with open(log, "w") as out:
        result = subprocess.run(common.mvn(settings, args + ["verify"], offline),
                                cwd=os.path.join(work, kind), stdout=out, stderr=subprocess.STDOUT)
    wall = time.monotonic() - began
    with open(log) as f:
        text = f.read()
    if result.returncode != 0 or "Tests run: 1, Failures: 0, Errors: 0" not in text:
        sys.exit("%s run failed (see %s)" % (name, log))
    if name == "early" and "stack started in the background" not in text:
        sys.exit("early run did not start the stack in the background (see %s)" % log)
    if name == "running" and not warmup and "reusing the stack kept by an earlier build" not in text:
        sys.exit("running run did not reuse the kept stack (see %s)" % log)
    lines = text.splitlines()
    goals = {goal: coverage.goal_seconds(lines, goal, plugin) for goal, plugin in coverage.GOALS}
    # Where early and running differ: collecting the stack, the tests, and removing it at the end.
    return {"wall": wall, "collect": goals["start"] + goals["ready"],
            "tests": goals["integration-test"], "stop": goals["stop"]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    settings = common.settings()
    work = os.path.join(common.SCRATCH, "hidden")
    generate(work)
    logs = os.path.join(work, "runs")
    os.makedirs(logs)
    try:
        # Warm-up, not counted: resolves (online, once), builds the image, leaves `running`'s stack up.
        for name in RUNNERS:
            run(work, settings, name, os.path.join(logs, "warmup-%s.log" % name), offline=False,
                warmup=True)
        results = {name: [] for name in RUNNERS}
        for rep in range(args.runs):
            for name in (list(RUNNERS) if rep % 2 == 0 else list(reversed(RUNNERS))):
                r = run(work, settings, name, os.path.join(logs, "%s-%d.log" % (name, rep)))
                results[name].append(r)
                print("%-7s wall %.2f s" % (name, r["wall"]), flush=True)
    finally:
        subprocess.run(common.mvn(settings, ["jtest:stop"]), cwd=os.path.join(work, "kept"),
                       stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    write(results, args.runs)


def write(results, runs):
    med = {n: statistics.median(r["wall"] for r in rs) for n, rs in results.items()}
    lines = [
        "# Services hidden behind the build", "",
        "Generated by `bench/run.sh hidden` (`python3 bench/hidden.py --runs %d`) on %s." % (
            runs, common.machine()),
        "One service (busybox httpd, answering %d s after its container starts), a unit test of %d s,"
        " one integration test. `early`: `mvn -o verify` (the stack starts in the background,"
        " `jtest.earlyStart`); `late`: `-Djtest.earlyStart=false` (started at pre-integration-test);"
        " `running`: the stack already up (kept by an earlier build, `-Djtest.keepRunning`, and"
        " reused). Median (min–max) of %d alternating runs, in seconds." % (
            READY_SECONDS, UNIT_SECONDS, runs), "",
        "| runner | `mvn -o verify` wall | jtest:start + jtest:ready | integration-test goal |"
        " jtest:stop |", "|---|---|---|---|---|"]
    for name, rs in results.items():
        lines.append("| %s | %s |" % (name, " | ".join(
            common.summary([r.get(k, 0.0) for r in rs]) for k in ("wall", "collect", "tests", "stop"))))
    lines += ["", "early − running (medians): %+.2f s (target ≤ +1 s); late − running: %+.2f s." % (
        med["early"] - med["running"], med["late"] - med["running"]),
        "`running` keeps its stack (`jtest.keepRunning`): its `jtest:stop` removes nothing, where the"
        " others stop the service and remove what the run created.",
        "", "![services hidden behind the build](hidden.svg)", ""]
    common.write_result("hidden.md", "\n".join(lines))
    common.write_result("hidden-runs.json", json.dumps(results, indent=1) + "\n")
    rows = [(name, [med[name]], (min(r["wall"] for r in rs), max(r["wall"] for r in rs)))
            for name, rs in results.items()]
    common.svg_bars("hidden.svg", "Services hidden behind the build: mvn -o verify",
                    "seconds (median; whisker: min–max over %d runs)" % runs, rows,
                    [("#6a9fd8", "mvn -o verify")])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
