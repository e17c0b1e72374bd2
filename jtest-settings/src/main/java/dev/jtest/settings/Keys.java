package dev.jtest.settings;

/**
 * The name of every {@code jtest.*} property, written once. They are compile-time constants so that
 * mojo annotations ({@code @Parameter(property = Keys.SKIP)}) can name them; what each accepts and
 * means is in {@link Settings}.
 */
public final class Keys {

  /** The prefix of every property jtest reads or sets. */
  public static final String PREFIX = "jtest.";

  // Read by the goals.
  public static final String SKIP = "jtest.skip";
  public static final String COMPOSE = "jtest.compose";
  public static final String PROFILES = "jtest.profiles";
  public static final String KEEP_RUNNING = "jtest.keepRunning";
  public static final String EARLY_START = "jtest.earlyStart";
  public static final String PULL_TIMEOUT = "jtest.pullTimeout";
  public static final String BIND_ADDRESS = "jtest.bindAddress";
  public static final String COVERAGE = "jtest.coverage";
  public static final String COVERAGE_MINIMUM = "jtest.coverage.minimum";
  // Per-test coverage; its map of which classes each test ran is TEST_MAP, below.
  public static final String COVERAGE_PER_TEST = "jtest.coverage.perTest";
  public static final String SERVICE = "jtest.service";
  public static final String FOLLOW = "jtest.follow";
  public static final String TAIL = "jtest.tail";
  public static final String DRY_RUN = "jtest.dryRun";
  public static final String CLEANUP_PREFIX = "jtest.cleanup.prefix";
  public static final String CLEANUP_AFTER_TESTS = "jtest.cleanupAfterTests";
  public static final String FORMAT = "jtest.format";
  public static final String SERVICES = "jtest.services";
  public static final String OUTPUT = "jtest.output";

  // Read by the provider in the test runs.
  public static final String WORKERS = "jtest.workers";
  public static final String DIST = "jtest.dist";
  public static final String KEYWORDS = "jtest.k";
  public static final String MARKERS = "jtest.m";
  public static final String DEBUG = "jtest.debug";
  public static final String DURATIONS = "jtest.durations";
  public static final String CDS = "jtest.cds";

  // Affected tests: only those a change can break, from the per-test map.
  public static final String TEST_MAP = "jtest.testMap";
  public static final String AFFECTED = "jtest.affected";
  public static final String AFFECTED_EXPLAIN = "jtest.affected.explain";
  public static final String AFFECTED_ALL = "jtest.affected.all";

  // Read by the goals that combine what several CI shards recorded.
  public static final String MERGE = "jtest.merge";
  public static final String PLAN = "jtest.plan";
  // Shards: one CI job's part of the suite.
  public static final String SHARD = "jtest.shard";

  /**
   * Not a setting: the property users conventionally give jtest's version in their pom. jtest never
   * reads it and never warns about it.
   */
  public static final String VERSION = "jtest.version";

  // Set by jtest for its own processes; users do not set them.
  public static final String BUILD_DIRECTORY = "jtest.buildDirectory";
  public static final String FORK_TIMEOUT = "jtest.forkTimeout";
  public static final String WORKER = "jtest.worker";
  public static final String COORDINATOR_PORT = "jtest.coordinator.port";
  public static final String WORKER_SETTINGS = "jtest.worker.settings";
  public static final String WORKER_UNCAPTURED = "jtest.worker.uncaptured";
  public static final String CLASS_SOURCES = "jtest.classSources";

  /** The default of {@link #CLEANUP_PREFIX}; a constant, as the cleanup goal's annotation needs. */
  public static final String DEFAULT_CLEANUP_PREFIX = "TEST ";

  /** jtest's directory inside the project's build directory: logs, endpoints, state, timeline. */
  public static final String WORK_DIRECTORY = "jtest";

  private Keys() {}
}
