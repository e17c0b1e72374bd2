#!/usr/bin/env python3
"""The scheduling benchmark: stock Failsafe configurations against jtest's distribution modes on
generated sleep-based suites. Not part of the build; see README.md beside this file.

Each measured run is a real `mvn integration-test` of the generated project. The parallel phase's
makespan comes from the timestamps the tests write (first start to last end of the non-serial
tests), the same measure for every runner; the lower bound is max(total work / W, longest test).
"""
import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REPO = os.path.join(ROOT, "it", "target", "local-repo")

STOCK = {
    "stock": ["-f", "pom-stock.xml"],
    "stock-balanced": ["-f", "pom-stock.xml", "-Dbench.runOrder=balanced"],
    "junit-parallel": ["-f", "pom-stock.xml", "-Pjunit-parallel"],
}
# Surefire's best stock configuration, as the runner issue defines it: forkCount=W,
# reuseForks=true, with or without runOrder=balanced. JUnit's in-JVM parallelism is shown beside.
STOCK_FORKS = ["stock", "stock-balanced"]
JTEST = {
    "jtest-load": ["-Djtest.dist=load"],
    "jtest-class": ["-Djtest.dist=class"],
    "jtest-module": ["-Djtest.dist=module"],
    "jtest-fast": ["-Djtest.dist=fast"],
}


def mvn(project, settings, args, log):
    cmd = [os.path.join(ROOT, "mvnw"), "-o", "-B", "-s", settings, "-Dmaven.repo.local=" + REPO,
           "integration-test"] + args
    start = time.monotonic()
    with open(log, "w") as out:
        result = subprocess.run(cmd, cwd=project, stdout=out, stderr=subprocess.STDOUT)
    wall = time.monotonic() - start
    if result.returncode != 0:
        sys.exit("benchmark run failed: %s (see %s)" % (" ".join(args), log))
    return wall


def measure(times_dir, workers):
    spans = []
    for name in os.listdir(times_dir):
        start, end, serial, _pid = open(os.path.join(times_dir, name)).read().split()
        if serial == "false":
            spans.append((int(start), int(end)))
    makespan = max(e for _, e in spans) - min(s for s, _ in spans)
    work = sum(e - s for s, e in spans)
    longest = max(e - s for s, e in spans)
    return makespan / 1000, max(work / workers, longest) / 1000, len(spans)


def run(project, settings, name, args, workers, scratch):
    times = os.path.join(scratch, "times")
    shutil.rmtree(times, ignore_errors=True)
    flags = args + ["-Dbench.workers=%d" % workers, "-Djtest.workers=%d" % workers,
                    "-Dbench.times=" + times]
    wall = mvn(project, settings, flags, os.path.join(scratch, "%s-w%d.log" % (name, workers)))
    makespan, bound, tests = measure(times, workers)
    return {"makespan": makespan, "bound": bound, "wall": wall, "tests": tests}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--suites", default="skewed,uniform")
    parser.add_argument("--workers", default="2,4")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--no-build", action="store_true",
                        help="reuse it/target/local-repo as the last ./mvnw verify left it")
    args = parser.parse_args()
    workers_list = [int(w) for w in args.workers.split(",")]
    scratch_root = os.path.join(HERE, "target")
    os.makedirs(scratch_root, exist_ok=True)
    settings = os.path.join(scratch_root, "settings.xml")
    with open(os.path.join(ROOT, "it", "src", "it", "settings.xml")) as f:
        text = f.read().replace("@localRepositoryUrl@",
                                "file://" + os.path.expanduser("~/.m2/repository"))
    with open(settings, "w") as f:
        f.write(text)
    if not args.no_build:
        # Puts this checkout's jtest into it/target/local-repo (never into ~/.m2).
        subprocess.run([os.path.join(ROOT, "mvnw"), "-o", "-B", "-q", "verify", "-DskipTests",
                        "-pl", "jtest-core,jtest-junit,jtest-surefire-provider,jtest-maven-plugin,it",
                        "-Dinvoker.test=runner-junit510"], cwd=ROOT, check=True)

    results = {}
    for suite in args.suites.split(","):
        project = os.path.join(scratch_root, suite)
        shutil.rmtree(project, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), suite, project],
                       check=True)
        scratch = os.path.join(project, "runs")
        os.makedirs(scratch)
        # Warm-up: compiles both poms, records jtest's durations and Surefire's run statistics.
        for w in workers_list:
            run(project, settings, "warmup-jtest", ["-Djtest.dist=load"], w, scratch)
            run(project, settings, "warmup-stock", STOCK["stock-balanced"], w, scratch)
        configs = dict(STOCK, **JTEST)
        names = list(configs)
        for rep in range(args.reps):
            for w in workers_list:
                # Alternate the order between repetitions so drift hits every runner alike.
                order = names if rep % 2 == 0 else list(reversed(names))
                for name in order:
                    r = run(project, settings, name, configs[name], w, scratch)
                    results.setdefault((suite, w, name), []).append(r)
                    print("%s W=%d %-15s makespan %.2f s (bound %.2f s), wall %.1f s"
                          % (suite, w, name, r["makespan"], r["bound"], r["wall"]), flush=True)
    write(results, args, workers_list)


def write(results, args, workers_list):
    lines = ["# jtest scheduling benchmark", "",
             "Generated by `python3 bench/run.py --reps %d` on %s (%d cores), %s." % (
                 args.reps, os.uname().nodename, os.cpu_count(),
                 datetime.datetime.now().strftime("%Y-%m-%d %H:%M")),
             "Medians of %d runs per cell. Makespan: first start to last end of the parallel"
             " (non-serial) tests, from timestamps the tests write. Bound: max(total work / W,"
             " longest test). Efficiency: bound / makespan. Wall: the whole `mvn"
             " integration-test`, serial phase and JVM starts included. vs best stock: makespan"
             " / the better of `stock` (forkCount=W, reuseForks=true) and `stock-balanced` (the"
             " same with runOrder=balanced) for the same suite and W; `junit-parallel` is JUnit's"
             " in-JVM parallelism with W threads, shown for comparison." % args.reps, ""]
    for suite in args.suites.split(","):
        for w in workers_list:
            lines += ["## %s suite, W = %d" % (suite, w), "",
                      "| runner | makespan | bound | efficiency | wall | vs best stock |",
                      "|---|---|---|---|---|---|"]
            med = {}
            for (s, ww, name), runs in results.items():
                if s == suite and ww == w:
                    med[name] = {k: statistics.median(r[k] for r in runs)
                                 for k in ("makespan", "bound", "wall")}
            best = min(med[n]["makespan"] for n in STOCK_FORKS if n in med)
            for name, m in med.items():
                lines.append("| %s | %.2f s | %.2f s | %.0f %% | %.1f s | %s |" % (
                    name, m["makespan"], m["bound"], 100 * m["bound"] / m["makespan"], m["wall"],
                    "%.2f" % (m["makespan"] / best)))
            lines.append("")
    text = "\n".join(lines)
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "results.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
