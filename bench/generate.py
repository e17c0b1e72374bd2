#!/usr/bin/env python3
"""Generates the scheduling benchmark's Maven project: sleep-based tests, so that what is measured
is scheduling, not CPU (the machine may have fewer cores than workers).

  skewed:  >= 200 methods with lognormal durations, one class holding a third of the work, and a
           few @Serial tests;
  uniform: 200 methods of equal duration.

The project has two poms over the same tests: pom.xml declares jtest's plugin; pom-stock.xml runs
stock Failsafe (a parallel execution excluding the serial tests, then a serial one).
"""
import argparse
import math
import os
import random

JTEST_VERSION = "0.1.0-SNAPSHOT"
SUREFIRE_VERSION = "3.6.1"
JUNIT_VERSION = "5.14.4"


def durations(kind, rng):
    """Returns {class name: [(method, millis, serial)]}."""
    classes = {}
    if kind == "uniform":
        for c in range(20):
            classes["Uniform%02dIT" % c] = [("m%02d" % m, 100, False) for m in range(10)]
        return classes
    # Lognormal: median 60 ms, sigma 1.0, capped so no single test dominates the bound.
    light = {}
    for c in range(18):
        light["Light%02dIT" % c] = [
            ("m%02d" % m, int(min(1500, max(5, rng.lognormvariate(math.log(60), 1.0)))), False)
            for m in range(10)]
    light_total = sum(ms for methods in light.values() for _, ms, _ in methods)
    # One class with a third of all parallel work: half of the light classes' total.
    heavy_methods = 24
    heavy_weights = [rng.lognormvariate(0, 0.6) for _ in range(heavy_methods)]
    scale = (light_total / 2) / sum(heavy_weights)
    classes["HeavyIT"] = [("h%02d" % i, int(w * scale), False) for i, w in enumerate(heavy_weights)]
    classes.update(light)
    classes["SharedStateIT"] = [("s%02d" % i, 100, True) for i in range(4)]
    return classes


def java_class(name, methods):
    lines = ["package bench;", "", "import dev.jtest.junit.Serial;", "import org.junit.jupiter.api.Test;", ""]
    if all(serial for _, _, serial in methods):
        lines.append("@Serial")
    lines.append("class %s {" % name)
    for method, ms, serial in methods:
        lines.append('  @Test void %s() throws Exception { Sleep.record("%s.%s", %d, %s); }'
                     % (method, name, method, ms, "true" if serial else "false"))
    lines.append("}")
    return "\n".join(lines) + "\n"


SLEEP = """package bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Sleeps, then records start and end for the benchmark's makespan. */
final class Sleep {
  private Sleep() {}

  static void record(String name, long millis, boolean serial) throws Exception {
    long start = System.currentTimeMillis();
    Thread.sleep(millis);
    long end = System.currentTimeMillis();
    Path dir = Path.of(System.getProperty("bench.times", "target/bench-times"));
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(name),
        start + " " + end + " " + serial + " " + ProcessHandle.current().pid());
  }
}
"""

POM_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.jtest.bench</groupId>
  <artifactId>bench-%(suite)s%(suffix)s</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <bench.workers>2</bench.workers>
    <bench.runOrder>filesystem</bench.runOrder>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>%(junit)s</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>dev.jtest</groupId>
      <artifactId>jtest-junit</artifactId>
      <version>%(jtest)s</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
"""

POM_JTEST = POM_HEAD + """  <build>
    <plugins>
      <plugin>
        <groupId>dev.jtest</groupId>
        <artifactId>jtest-maven-plugin</artifactId>
        <version>%(jtest)s</version>
        <extensions>true</extensions>
      </plugin>
    </plugins>
  </build>
</project>
"""

POM_STOCK = POM_HEAD + """  <build>
    <directory>target-stock</directory>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-failsafe-plugin</artifactId>
        <version>%(surefire)s</version>
        <executions>
          <execution>
            <id>parallel</id>
            <goals><goal>integration-test</goal></goals>
            <configuration>
              <excludedGroups>serial</excludedGroups>
              <forkCount>${bench.workers}</forkCount>
              <reuseForks>true</reuseForks>
              <runOrder>${bench.runOrder}</runOrder>
            </configuration>
          </execution>
          <execution>
            <id>serial</id>
            <goals><goal>integration-test</goal></goals>
            <configuration>
              <groups>serial</groups>
              <forkCount>1</forkCount>
              <reportNameSuffix>serial</reportNameSuffix>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
  <profiles>
    <!-- JUnit's own parallelism in one JVM: methods and classes concurrent, W threads. -->
    <profile>
      <id>junit-parallel</id>
      <build>
        <plugins>
          <plugin>
            <groupId>org.apache.maven.plugins</groupId>
            <artifactId>maven-failsafe-plugin</artifactId>
            <executions>
              <execution>
                <id>parallel</id>
                <configuration>
                  <forkCount>1</forkCount>
                  <properties>
                    <configurationParameters>
                      junit.jupiter.execution.parallel.enabled=true
                      junit.jupiter.execution.parallel.mode.default=concurrent
                      junit.jupiter.execution.parallel.mode.classes.default=concurrent
                      junit.jupiter.execution.parallel.config.strategy=fixed
                      junit.jupiter.execution.parallel.config.fixed.parallelism=${bench.workers}
                      junit.jupiter.execution.parallel.config.fixed.max-pool-size=${bench.workers}
                    </configurationParameters>
                  </properties>
                </configuration>
              </execution>
            </executions>
          </plugin>
        </plugins>
      </build>
    </profile>
  </profiles>
</project>
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("suite", choices=["skewed", "uniform"])
    parser.add_argument("dir")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    classes = durations(args.suite, rng)
    src = os.path.join(args.dir, "src", "test", "java", "bench")
    os.makedirs(src, exist_ok=True)
    for name, methods in classes.items():
        with open(os.path.join(src, name + ".java"), "w") as f:
            f.write(java_class(name, methods))
    with open(os.path.join(src, "Sleep.java"), "w") as f:
        f.write(SLEEP)
    values = {"suite": args.suite, "jtest": JTEST_VERSION, "surefire": SUREFIRE_VERSION,
              "junit": JUNIT_VERSION}
    with open(os.path.join(args.dir, "pom.xml"), "w") as f:
        f.write(POM_JTEST % dict(values, suffix=""))
    with open(os.path.join(args.dir, "pom-stock.xml"), "w") as f:
        f.write(POM_STOCK % dict(values, suffix="-stock"))
    methods = [m for ms in classes.values() for m in ms]
    parallel = [ms for _, ms, serial in methods if not serial]
    heavy = sum(ms for _, ms, _ in classes.get("HeavyIT", []))
    print("%s: %d methods (%d serial), parallel work %.1f s, longest %d ms, heaviest class %.0f %%"
          % (args.suite, len(methods), len(methods) - len(parallel), sum(parallel) / 1000,
             max(parallel), 100 * heavy / sum(parallel)))


if __name__ == "__main__":
    main()
