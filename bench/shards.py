#!/usr/bin/env python3
"""The shards benchmark: the skewed suite of run.py split into N shards by -Djtest.shard=I/N, and
by a round-robin split by class name (what split-by-name tools do) for comparison. Not part of
the build; see README.md beside this file.

The shards of a split run one after the other on this machine, each a real `mvn
integration-test`. A shard's actual time is first start to last end of its tests (serial phase
included), from the timestamps the tests write; its predicted time is what jtest's shard line
says (expected parallel work / W + serial work) or, for round robin, the same sums over the
durations store. Ideal: max(total work / (N x W), longest test). Targets (issue 14): the slowest
jtest shard <= 1.10 x ideal and <= 0.75 x the slowest round-robin shard.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

import common
import run
from common import HERE

SHARD_LINE = re.compile(r"jtest shard (\d+)/(\d+): (\d+) of (\d+) tests, .*?\(parallel ([\d.]+) s,"
                        r" serial ([\d.]+) s\)")
CLASS = re.compile(r"\[class:bench\.(\w+)\]")


def times(times_dir):
    """[(start, end, serial)] in seconds, one per test that ran."""
    spans = []
    for name in os.listdir(times_dir):
        start, end, serial, _pid = open(os.path.join(times_dir, name)).read().split()
        spans.append((int(start) / 1000, int(end) / 1000, serial == "true"))
    return spans


def shard_run(project, settings, args, scratch, label, workers):
    """One shard: returns (actual seconds, work seconds, longest test, tests, log text)."""
    times_dir = os.path.join(scratch, "times-" + label)
    shutil.rmtree(times_dir, ignore_errors=True)
    log = os.path.join(scratch, label + ".log")
    run.mvn(project, settings, args + ["-Djtest.workers=%d" % workers, "-Dbench.times=" + times_dir],
            log)
    spans = times(times_dir) if os.path.isdir(times_dir) else []
    actual = max(e for _, e, _ in spans) - min(s for s, _, _ in spans) if spans else 0.0
    work = sum(e - s for s, e, _ in spans)
    longest = max((e - s for s, e, _ in spans), default=0.0)
    return actual, work, longest, len(spans), open(log).read()


def round_robin(project, n):
    """Class names sorted, the i-th to shard i mod N: {shard index (1-based): [class]}."""
    src = os.path.join(project, "src", "test", "java", "bench")
    classes = sorted(f[:-5] for f in os.listdir(src) if f.endswith("IT.java"))
    return {i + 1: classes[i::n] for i in range(n)}


def predicted_round_robin(store, classes, workers):
    parallel = serial = 0.0
    for test_id, record in store["tests"].items():
        m = CLASS.search(test_id)
        if m and m.group(1) in classes:
            if m.group(1) == "SharedStateIT":
                serial += record["ms"] / 1000
            else:
                parallel += record["ms"] / 1000
    return parallel / workers + serial


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shards", default="2,4")
    parser.add_argument("--workers", type=int, default=1,
                        help="workers per shard (1: a shard's time is its work, as the ideal assumes)")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    shard_counts = [int(n) for n in args.shards.split(",")]
    settings = common.settings()
    if not args.no_build:
        common.build_jtest()
    project = os.path.join(common.SCRATCH, "shards")
    shutil.rmtree(project, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "skewed", project], check=True)
    scratch = os.path.join(project, "runs")
    os.makedirs(scratch)
    # Warm-up, online: records the durations store every shard then plans from (shards leave it
    # alone); twice, so that the moving average has settled a little.
    for i in range(2):
        run.mvn(project, settings, ["-Djtest.workers=%d" % args.workers],
                os.path.join(scratch, "warmup-%d.log" % i), offline=False)
    store_file = os.path.join(project, ".jtest", "durations.json")
    store = json.load(open(store_file))
    # Round-robin runs read a copy, so that they do not change the store the jtest shards read.
    rr_store = os.path.join(scratch, "rr-durations.json")

    results = {}
    for rep in range(args.runs):
        for n in shard_counts:
            for how in (["jtest", "round-robin"] if rep % 2 == 0 else ["round-robin", "jtest"]):
                split = round_robin(project, n)
                shards = []
                for i in range(1, n + 1):
                    label = "%s-%d-of-%d-run%d" % (how, i, n, rep)
                    if how == "jtest":
                        flags = ["-Djtest.shard=%d/%d" % (i, n)]
                    else:
                        shutil.copyfile(store_file, rr_store)
                        flags = ["-Dit.test=" + ",".join(split[i]), "-Djtest.durations=" + rr_store]
                    actual, work, longest, tests, log = shard_run(
                        project, settings, flags, scratch, label, args.workers)
                    if how == "jtest":
                        m = SHARD_LINE.search(log)
                        if not m:
                            sys.exit("no shard line in %s" % label)
                        predicted = float(m.group(5)) / args.workers + float(m.group(6))
                    else:
                        predicted = predicted_round_robin(store, split[i], args.workers)
                    shards.append({"shard": i, "predicted": predicted, "actual": actual,
                                   "work": work, "longest": longest, "tests": tests})
                    print("N=%d %-11s shard %d: %3d tests, predicted %.2f s, actual %.2f s"
                          % (n, how, i, tests, predicted, actual), flush=True)
                results.setdefault((n, how), []).append(shards)
    write(results, args, shard_counts)


def write(results, args, shard_counts):
    lines = ["# jtest shards benchmark", "",
             "Generated by `python3 bench/shards.py --runs %d --workers %d` on %s." % (
                 args.runs, args.workers, common.machine()),
             "The skewed suite of the scheduling benchmark, split into N shards run one after the"
             " other, %d worker(s) each: by `-Djtest.shard=I/N` (balanced by recorded durations)"
             " and by a round-robin split by class name (`-Dit.test`). Predicted: jtest's shard"
             " line (expected parallel work / W + serial work), or the same sums over the"
             " durations store for round robin. Actual: first start to last end of the shard's"
             " tests. Ideal: max(total work / (N x W), longest test). Medians of %d run(s)."
             % (args.workers, args.runs), ""]
    summary = []
    for n in shard_counts:
        jtest, rr = results[(n, "jtest")], results[(n, "round-robin")]
        lines += ["## N = %d" % n, "",
                  "| shard | jtest predicted | jtest actual | jtest tests | round robin predicted"
                  " | round robin actual | round robin tests |",
                  "|---|---|---|---|---|---|---|"]
        for i in range(n):
            def med(runs, key):
                return statistics.median(r[i][key] for r in runs)
            lines.append("| %d | %.2f s | %.2f s | %d | %.2f s | %.2f s | %d |" % (
                i + 1, med(jtest, "predicted"), med(jtest, "actual"), med(jtest, "tests"),
                med(rr, "predicted"), med(rr, "actual"), med(rr, "tests")))
        slowest = statistics.median(max(s["actual"] for s in r) for r in jtest)
        slowest_rr = statistics.median(max(s["actual"] for s in r) for r in rr)
        ideal = statistics.median(
            max(sum(s["work"] for s in r) / (n * args.workers), max(s["longest"] for s in r))
            for r in jtest)
        lines += ["", "Slowest shard: jtest %.2f s, round robin %.2f s; ideal %.2f s." % (
            slowest, slowest_rr, ideal), ""]
        summary.append((n, slowest, ideal, slowest_rr))
    lines += ["## Against the targets", "",
              "| N | slowest jtest shard / ideal (target <= 1.10) | slowest jtest / slowest round"
              " robin (target <= 0.75) |", "|---|---|---|"]
    for n, slowest, ideal, slowest_rr in summary:
        lines.append("| %d | %.2f | %.2f |" % (n, slowest / ideal, slowest / slowest_rr))
    text = "\n".join(lines) + "\n"
    common.write_result("shards.md", text)
    common.write_result("shards-runs.json", json.dumps(
        {"N=%d %s" % key: runs for key, runs in results.items()}, indent=1) + "\n")
    print(text)


if __name__ == "__main__":
    main()
