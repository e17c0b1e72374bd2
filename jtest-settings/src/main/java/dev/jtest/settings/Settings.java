package dev.jtest.settings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every {@code jtest.*} setting, with the one parser that the build extension, the goals, the
 * provider in Surefire's fork and jtest-junit all use. Values that need a domain parser (compose
 * files, durations in compose syntax, coverage rules, {@code -k}/{@code -m} expressions) are read
 * here as text and parsed by their owner, which names the property through {@link Setting#origin}.
 */
public final class Settings {

  private static final String EVERY_GOAL = "every goal";
  private static final String COMPOSE_GOALS =
      "`jtest:start`, `jtest:ready`, `jtest:stop`, `jtest:logs`, `jtest:diagnose`, `jtest:cleanup`,"
          + " `jtest:config`";
  private static final String START = "`jtest:start` (pre-integration-test)";
  private static final String LOGS = "`jtest:logs`";
  private static final String REPORT = "`jtest:report` (verify)";
  private static final String CLEANUP = "`jtest:cleanup` (post-integration-test, or alone)";
  private static final String CONFIG = "`jtest:config`";

  /** The formats {@code jtest:config} prints, the default first. */
  public static final List<String> CONFIG_FORMATS = List.of("yaml", "json");

  private static final String TEST_RUNS =
      "the provider in Surefire (test) and Failsafe (integration-test)";
  private static final String WORKERS_READ = "the worker JVMs; set by the provider";
  private static final String TRUE_OR_FALSE = "true or false";

  /** The values of {@link #DIST}, as users name them. */
  public static final List<String> DISTRIBUTIONS = List.of("load", "class", "module", "fast");

  /** IPv4 address literals, as {@link #BIND_ADDRESS} takes them. */
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  /** What may be an IPv6 address literal; the engine rejects a malformed one by name. */
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /** The JDWP port of {@code -Djtest.debug} with no port, as for a plain {@code jdwp} agent. */
  public static final int DEFAULT_DEBUG_PORT = 5005;

  public static final Setting<Boolean> SKIP =
      flag(Setting.user(Keys.SKIP).does("skip every jtest goal").readBy(EVERY_GOAL), false);

  public static final Setting<String> COMPOSE =
      Setting.user(Keys.COMPOSE)
          .does(
              "compose files, merged in order as `docker compose -f a -f b` does; overrides"
                  + " `<composeFiles>`; a named file that does not exist is an error")
          .accepts("file names, comma-separated, relative to the project directory")
          .defaultShownAs(
              "first of `compose.yaml`, `compose.yml`, `docker-compose.yaml`,"
                  + " `docker-compose.yml`, with the first `compose.override.yml` (or `.yaml`, or"
                  + " `docker-compose.override.*`) beside it")
          .readBy(COMPOSE_GOALS)
          .parsedBy(null, value -> value);

  public static final Setting<String> PROFILES =
      Setting.user(Keys.PROFILES)
          .does(
              "compose profiles to enable; one that no service has gets a warning listing those"
                  + " that exist")
          .accepts("profile names, comma-separated")
          .readBy(COMPOSE_GOALS)
          .parsedBy(null, value -> value);

  public static final Setting<Boolean> KEEP_RUNNING =
      flag(
          Setting.user(Keys.KEEP_RUNNING)
              .does(
                  "leave the stack up after the build; the next build reuses it; `mvn jtest:stop`"
                      + " removes it")
              .readBy(START),
          false);

  public static final Setting<Boolean> EARLY_START =
      flag(
          Setting.user(Keys.EARLY_START)
              .does(
                  "start the stack in the background while the earlier phases (compile, unit"
                      + " tests) run, when the build reaches `pre-integration-test`;"
                      + " `jtest:start` and `jtest:ready` then collect it (docs/running-tests.md)")
              .readBy("the build extension, for " + START),
          true);

  public static final Setting<String> PULL_TIMEOUT =
      Setting.user(Keys.PULL_TIMEOUT)
          .does("how long pulling an image that is not on the engine may take")
          .accepts("a compose duration, e.g. `90s`, `2m`, `1m30s`")
          .readBy(START)
          .parsedBy("60s", value -> value);

  public static final Setting<String> BIND_ADDRESS =
      Setting.user(Keys.BIND_ADDRESS)
          .does(
              "the address the services' published ports bind to on the engine's machine, where"
                  + " the compose file does not name one (or names 127.0.0.1); tests connect to it,"
                  + " or to the engine's host when it is `0.0.0.0` or `::` (docs/engines.md)")
          .accepts("an IP address, e.g. `0.0.0.0` (every interface) or `10.0.0.5`")
          .defaultShownAs(
              "`127.0.0.1` for a local engine; for a `tcp://` engine its host when that is a"
                  + " loopback address, else every interface of the engine's machine")
          .readBy(START)
          .parsedBy(null, Settings::ipAddress);

  public static final Setting<Boolean> COVERAGE =
      flag(
          Setting.user(Keys.COVERAGE)
              .does("cover the JVM services with JaCoCo (also `-Pcoverage`); report at `verify`")
              .readBy(START + ", " + REPORT),
          false);

  public static final Setting<String> COVERAGE_MINIMUM =
      Setting.user(Keys.COVERAGE_MINIMUM)
          .does("minimum covered ratios; overrides `<coverage><rules>`")
          .accepts("`COUNTER:RATIO` pairs, comma-separated, e.g. `line:0.80,branch:0.60`")
          .readBy(REPORT)
          .parsedBy(null, value -> value);

  public static final Setting<Boolean> COVERAGE_PER_TEST =
      flag(
          Setting.user(Keys.COVERAGE_PER_TEST)
              .does(
                  "coverage of each test on its own: turns coverage on, runs one worker, dumps and"
                      + " resets every agent at each test's start and end; `jtest:report` adds the"
                      + " tests of each covered line and writes `jtest.testMap`"
                      + " (docs/coverage.md#per-test-coverage)")
              .readBy(START + ", " + TEST_RUNS + ", " + REPORT),
          false);

  public static final Setting<String> SERVICE =
      Setting.user(Keys.SERVICE)
          .does("the service whose log `jtest:logs` shows")
          .accepts("a service name of the compose files")
          .defaultShownAs("all")
          .readBy(LOGS)
          .parsedBy(null, value -> value);

  public static final Setting<Boolean> FOLLOW =
      flag(Setting.user(Keys.FOLLOW).does("`jtest:logs` follows the log live").readBy(LOGS), false);

  public static final Setting<Integer> TAIL =
      Setting.user(Keys.TAIL)
          .does("how many of the last log lines `jtest:logs` shows")
          .accepts("a number of lines, e.g. 100 (all lines when it is negative)")
          .defaultShownAs("all")
          .readBy(LOGS)
          .parsedBy(-1, value -> value.isBlank() ? -1 : Integer.parseInt(value.trim()));

  public static final Setting<Boolean> DRY_RUN =
      flag(
          Setting.user(Keys.DRY_RUN)
              .does("`jtest:cleanup` lists the test data instead of removing it")
              .readBy(CLEANUP),
          false);

  public static final Setting<String> CLEANUP_PREFIX =
      Setting.user(Keys.CLEANUP_PREFIX)
          .does("names that start with it are test data (`TestData` gives it to tests)")
          .accepts("a prefix that is not blank")
          .defaultShownAs("`" + Keys.DEFAULT_CLEANUP_PREFIX + "`")
          .readBy(CLEANUP + ", `TestData` in the tests")
          .parsedBy(Keys.DEFAULT_CLEANUP_PREFIX, value -> value);

  public static final Setting<Boolean> CLEANUP_AFTER_TESTS =
      flag(
          Setting.user(Keys.CLEANUP_AFTER_TESTS)
              .does("run the cleaners after the integration tests; also `<cleanupAfterTests>`")
              .readBy(CLEANUP),
          true);

  public static final Setting<String> FORMAT =
      Setting.user(Keys.FORMAT)
          .does("how `jtest:config` prints the resolved compose model")
          .accepts("yaml (as `docker compose config`) or json (the same model)")
          .readBy(CONFIG)
          .parsedBy(CONFIG_FORMATS.get(0), value -> oneOf(CONFIG_FORMATS, value));

  public static final Setting<Boolean> SERVICES =
      flag(
          Setting.user(Keys.SERVICES)
              .does(
                  "`jtest:config` prints the enabled services' names only, one per line in start"
                      + " order, as `docker compose config --services`")
              .readBy(CONFIG),
          false);

  public static final Setting<String> OUTPUT =
      Setting.user(Keys.OUTPUT)
          .does("`jtest:config` writes to this file instead of the console")
          .accepts("a file path, relative to the project directory")
          .readBy(CONFIG)
          .parsedBy(null, Settings::trimmedOrNull);

  public static final Setting<OptionalInt> WORKERS =
      Setting.user(Keys.WORKERS)
          .does("worker JVMs of the parallel phase (1 with `jtest.debug`)")
          .accepts("auto (one worker per available processor) or a positive integer")
          .defaultShownAs("auto")
          .readBy(TEST_RUNS)
          .parsedBy(OptionalInt.empty(), Settings::workers);

  public static final Setting<String> DIST =
      Setting.user(Keys.DIST)
          .does("how tests are cut into units and handed to workers (README: Distribution modes)")
          .accepts("one of " + String.join(", ", DISTRIBUTIONS))
          .readBy(TEST_RUNS)
          .parsedBy(DISTRIBUTIONS.get(0), Settings::distribution);

  public static final Setting<String> KEYWORDS =
      Setting.user(Keys.KEYWORDS)
          .does(
              "keyword expression, as pytest's `-k`: case-insensitive substrings of a test's class"
                  + " simple names (a `@Nested` class and each enclosing one), qualified class"
                  + " name, method name and display name")
          .accepts(
              "terms combined with `and`, `or`, `not` and parentheses, e.g. `oauth and not refresh`")
          .readBy(TEST_RUNS)
          .parsedBy(null, Settings::trimmedOrNull);

  public static final Setting<String> MARKERS =
      Setting.user(Keys.MARKERS)
          .does(
              "marker expression over JUnit tags, as pytest's `-m`; applied on top of"
                  + " `groups`/`excludedGroups`")
          .accepts("tags combined with `and`, `or`, `not` and parentheses, e.g. `not serial`")
          .readBy(TEST_RUNS)
          .parsedBy(null, Settings::trimmedOrNull);

  public static final Setting<Integer> DEBUG =
      Setting.user(Keys.DEBUG)
          .does(
              "one worker, started with"
                  + " `-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:<port>`;"
                  + " attach your debugger there; test output goes to the console as it is printed")
          .accepts("true (port " + DEFAULT_DEBUG_PORT + "), false, or a port 1-65535")
          .defaultShownAs("off")
          .readBy(TEST_RUNS)
          .parsedBy(0, Settings::debugPort);

  public static final Setting<String> DURATIONS =
      Setting.user(Keys.DURATIONS)
          .does(
              "where test durations are recorded, relative to the project directory (kept by"
                  + " `mvn clean`)")
          .accepts("a file path")
          .readBy(TEST_RUNS)
          .parsedBy(
              ".jtest/durations.json",
              value -> value.isBlank() ? ".jtest/durations.json" : value.trim());

  public static final Setting<Boolean> CDS =
      flag(
          Setting.user(Keys.CDS)
              .does(
                  "start worker JVMs from a class-data archive of jtest's and the JUnit Platform's"
                      + " classes, kept in `target/jtest/cds/` and rebuilt when the class path,"
                      + " the JVM or its options change; off by itself with a java agent or a JVM"
                      + " without CDS (docs/performance.md)")
              .readBy(TEST_RUNS),
          true);

  // Affected tests: only those a change can break, from the per-test map.

  /** The default of {@link #AFFECTED_ALL}: files whose effect on a test jtest cannot trace. */
  public static final String DEFAULT_AFFECTED_ALL =
      "pom.xml,**/.mvn/**,*compose*.yml,*compose*.yaml,Dockerfile*,Containerfile*,"
          + "**/src/main/resources/**,**/src/test/resources/**";

  public static final Setting<String> TEST_MAP =
      Setting.user(Keys.TEST_MAP)
          .does(
              "the per-test map: which classes each test ran, written by `jtest:report` after a"
                  + " `-Pcoverage -Djtest.coverage.perTest` run and read by `jtest.affected`;"
                  + " relative to the project directory, kept or cached like the durations store")
          .accepts("a file path")
          .readBy(REPORT + " (writes it) and " + TEST_RUNS)
          .parsedBy(
              ".jtest/test-map.json",
              value -> value.isBlank() ? ".jtest/test-map.json" : value.trim());

  public static final Setting<String> AFFECTED =
      Setting.user(Keys.AFFECTED)
          .does(
              "run only the tests a change since this git ref can break: those whose mapped"
                  + " classes changed, whose own source changed, or that the map does not know;"
                  + " every test when a `jtest.affected.all` file changed or the map is missing"
                  + " or stale (docs/running-tests.md: Affected tests)")
          .accepts("a git ref, e.g. `HEAD`, `origin/main`, a commit")
          .defaultShownAs("off")
          .readBy(TEST_RUNS)
          .parsedBy(null, Settings::trimmedOrNull);

  public static final Setting<Boolean> AFFECTED_EXPLAIN =
      flag(
          Setting.user(Keys.AFFECTED_EXPLAIN)
              .does(
                  "with `jtest.affected`, list why each test runs, each skipped test, and the"
                      + " changed files that select nothing")
              .readBy(TEST_RUNS),
          false);

  public static final Setting<List<String>> AFFECTED_ALL =
      Setting.user(Keys.AFFECTED_ALL)
          .does(
              "with `jtest.affected`, a change to a file matching one of these runs every test:"
                  + " jtest cannot tell which tests a build file, a compose file, an image or a"
                  + " resource affects; a glob without `/` matches a file name at any depth, `**`"
                  + " spans directories, paths are relative to the git work tree")
          .accepts("globs, comma-separated")
          .defaultShownAs("`" + DEFAULT_AFFECTED_ALL + "`")
          .readBy(TEST_RUNS)
          .parsedBy(globs(DEFAULT_AFFECTED_ALL), Settings::globs);

  // The goals that combine what several CI shards recorded.

  private static final String MERGE_GOALS = "`jtest:durations`, `jtest:timeline`, `jtest:report`";

  public static final Setting<String> MERGE =
      Setting.user(Keys.MERGE)
          .does(
              "what the shards of a CI run recorded, to combine into one: durations stores,"
                  + " timelines or coverage; a directory stands for every such file below it; an"
                  + " entry that matches nothing is an error")
          .accepts(
              "directories, files or globs, comma-separated, relative to the project directory,"
                  + " e.g. `shards/*/.jtest/durations.json`")
          .readBy(MERGE_GOALS)
          .parsedBy(null, Settings::trimmedOrNull);

  public static final Setting<Integer> PLAN =
      Setting.user(Keys.PLAN)
          .does(
              "`jtest:durations` predicts the makespan of this many shards, each with"
                  + " `jtest.workers` workers")
          .accepts("a positive integer")
          .readBy("`jtest:durations`")
          .parsedBy(null, Settings::positive);

  // Shards.

  /**
   * {@code jtest.shard}: {@code null} when not set or blank, {@code auto}, or a valid {@code I/N};
   * {@link Shard#resolve} turns it into the shard to run.
   */
  public static final Setting<String> SHARD =
      Setting.user(Keys.SHARD)
          .does(
              "run only shard I of N of the tests, balanced by recorded durations; every shard"
                  + " computes the same partition (README: Shards)")
          .accepts(
              "I/N with 1 <= I <= N (shard I of N), or auto (the CI's parallel-job variables: "
                  + String.join(", ", Shard.VARIABLES)
                  + ")")
          .defaultShownAs("none")
          .readBy(TEST_RUNS)
          .parsedBy(null, Settings::shard);

  public static final Setting<String> BUILD_DIRECTORY =
      Setting.internal(Keys.BUILD_DIRECTORY)
          .does(
              "the project's build directory, relative to the project directory; jtest's files"
                  + " are in its `"
                  + Keys.WORK_DIRECTORY
                  + "/`")
          .accepts("a directory path")
          .readBy(TEST_RUNS + ", jtest-junit; set by the build extension")
          .parsedBy("target", value -> value.isBlank() ? "target" : value);

  public static final Setting<Integer> FORK_TIMEOUT =
      Setting.internal(Keys.FORK_TIMEOUT)
          .does(
              "Surefire's `forkedProcessTimeoutInSeconds`, so that the provider reports a test set"
                  + " as it starts")
          .accepts("seconds; anything but a positive integer means no timeout, as for Surefire")
          .defaultShownAs("none")
          .readBy(TEST_RUNS + "; set by the build extension")
          .parsedBy(0, Settings::seconds);

  public static final Setting<Integer> WORKER =
      Setting.internal(Keys.WORKER)
          .does("the worker's index, 1 to W; tests may read it to namespace their data")
          .accepts("a positive integer")
          .readBy(WORKERS_READ)
          .parsedBy(null, Settings::integer);

  public static final Setting<Integer> COORDINATOR_PORT =
      Setting.internal(Keys.COORDINATOR_PORT)
          .does("the loopback port on which the provider waits for its workers")
          .accepts("a port")
          .readBy(WORKERS_READ)
          .parsedBy(null, Settings::integer);

  public static final Setting<String> WORKER_SETTINGS =
      Setting.internal(Keys.WORKER_SETTINGS)
          .does("the file with the fork's system properties and JUnit settings")
          .accepts("a file path")
          .readBy(WORKERS_READ)
          .parsedBy(null, value -> value);

  public static final Setting<Boolean> WORKER_UNCAPTURED =
      flag(
          Setting.internal(Keys.WORKER_UNCAPTURED)
              .does("the worker leaves the standard streams alone (debug mode)")
              .readBy(WORKERS_READ),
          false);

  public static final Setting<String> CLASS_SOURCES =
      Setting.internal(Keys.CLASS_SOURCES)
          .does(
              "each source root of the build's modules and the class directory compiled from it,"
                  + " for `jtest.affected`")
          .accepts("`<source root>><class directory>` entries, separated as a class path")
          .defaultShownAs("none")
          .readBy(TEST_RUNS + "; set by the build extension")
          .parsedBy(null, Settings::trimmedOrNull);

  private static final List<Setting<?>> ALL =
      List.of(
          SKIP,
          COMPOSE,
          PROFILES,
          KEEP_RUNNING,
          EARLY_START,
          PULL_TIMEOUT,
          BIND_ADDRESS,
          COVERAGE,
          COVERAGE_MINIMUM,
          COVERAGE_PER_TEST,
          SERVICE,
          FOLLOW,
          TAIL,
          DRY_RUN,
          CLEANUP_PREFIX,
          CLEANUP_AFTER_TESTS,
          FORMAT,
          SERVICES,
          OUTPUT,
          WORKERS,
          DIST,
          KEYWORDS,
          MARKERS,
          DEBUG,
          DURATIONS,
          CDS,
          TEST_MAP,
          AFFECTED,
          AFFECTED_EXPLAIN,
          AFFECTED_ALL,
          MERGE,
          PLAN,
          SHARD,
          BUILD_DIRECTORY,
          FORK_TIMEOUT,
          WORKER,
          COORDINATOR_PORT,
          WORKER_SETTINGS,
          WORKER_UNCAPTURED,
          CLASS_SOURCES);

  private Settings() {}

  /** Every setting, users' first, in the order the reference lists them. */
  public static List<Setting<?>> all() {
    return ALL;
  }

  /** The settings users set. */
  public static List<Setting<?>> user() {
    return ALL.stream().filter(s -> s.scope() == Setting.Scope.USER).toList();
  }

  /** The setting named {@code name}, of either scope. */
  public static Optional<Setting<?>> find(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * jtest's own directory of a build: where logs, endpoints, state and the timeline go.
   *
   * @param baseDir the project directory
   * @param property looks a property up; {@link #BUILD_DIRECTORY} names the build directory
   */
  public static Path workDirectory(Path baseDir, Function<String, String> property) {
    return baseDir.resolve(BUILD_DIRECTORY.read(property)).resolve(Keys.WORK_DIRECTORY);
  }

  private static Setting<Boolean> flag(Setting.Draft draft, boolean defaultValue) {
    return draft
        .accepts(TRUE_OR_FALSE)
        .parsedBy(
            defaultValue,
            value -> {
              if (value.isBlank()) {
                return defaultValue;
              }
              if (value.trim().equalsIgnoreCase("true") || value.trim().equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value.trim());
              }
              throw new IllegalArgumentException(value);
            });
  }

  private static OptionalInt workers(String value) {
    if (value.isBlank() || value.trim().equalsIgnoreCase("auto")) {
      return OptionalInt.empty();
    }
    int workers = Integer.parseInt(value.trim());
    if (workers < 1) {
      throw new IllegalArgumentException(value);
    }
    return OptionalInt.of(workers);
  }

  private static String distribution(String value) {
    return oneOf(DISTRIBUTIONS, value);
  }

  /** {@code value} as one of {@code names}, in any case; blank is the first, the default. */
  private static String oneOf(List<String> names, String value) {
    if (value.isBlank()) {
      return names.get(0);
    }
    String name = value.trim().toLowerCase(Locale.ROOT);
    if (!names.contains(name)) {
      throw new IllegalArgumentException(value);
    }
    return name;
  }

  private static int debugPort(String value) {
    if (value.trim().equalsIgnoreCase("false")) {
      return 0;
    }
    // -Djtest.debug alone arrives as an empty string.
    if (value.isBlank() || value.trim().equalsIgnoreCase("true")) {
      return DEFAULT_DEBUG_PORT;
    }
    int port = Integer.parseInt(value.trim());
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(value);
    }
    return port;
  }

  /** Surefire's own reading of a timeout: a positive number of seconds, anything else none. */
  private static int seconds(String value) {
    try {
      return Math.max(0, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Integer integer(String value) {
    return Integer.parseInt(value.trim());
  }

  private static Integer positive(String value) {
    int n = Integer.parseInt(value.trim());
    if (n < 1) {
      throw new IllegalArgumentException(value);
    }
    return n;
  }

  /**
   * An IPv4 or IPv6 address literal, checked without a name lookup: a bind address must be one of
   * the engine machine's addresses, which a host name is not.
   */
  private static String ipAddress(String value) {
    String ip = value.trim();
    if (ip.isEmpty()) {
      return null;
    }
    boolean v4 = IPV4.matcher(ip).matches();
    boolean v6 = ip.indexOf(':') >= 0 && IPV6.matcher(ip).matches();
    if (!v4 && !v6) {
      throw new IllegalArgumentException(value);
    }
    return ip;
  }

  /** Checks {@code I/N} or {@code auto}; a value that is well formed but no shard says why. */
  private static String shard(String value) {
    String text = value.trim();
    if (text.isEmpty()) {
      return null;
    }
    if (text.equalsIgnoreCase(Shard.AUTO)) {
      return Shard.AUTO;
    }
    Shard shard = Shard.parse(text);
    if (shard == null) {
      throw new IllegalArgumentException(value);
    }
    String why = shard.problem();
    if (why != null) {
      throw new InvalidSettingException(
          SHARD.origin(value) + ": " + why + "; use " + SHARD.accepted());
    }
    return shard.toString();
  }

  /** A comma-separated list of globs; blank entries dropped. */
  private static List<String> globs(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
  }

  private static String trimmedOrNull(String value) {
    return value.isBlank() ? null : value.trim();
  }
}
