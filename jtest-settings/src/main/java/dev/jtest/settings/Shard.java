package dev.jtest.settings;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of a suite split over CI jobs ({@code jtest.shard}): shard {@code index} of {@code
 * total}, counted from 1 as users and GitLab count them.
 */
public record Shard(int index, int total) {

  /** The value of {@code jtest.shard} that reads the CI's own parallel-job variables. */
  public static final String AUTO = "auto";

  /** Where {@code auto} finds a CI job's index and count. */
  private record Source(String ci, String indexVariable, String totalVariable, int firstIndex) {}

  /** A CI system, recognised by a variable it always sets, and how a user shards on it. */
  private record Ci(String variable, String name, String hint) {}

  private static final List<Source> SOURCES =
      List.of(
          new Source("GitLab CI `parallel:`", "CI_NODE_INDEX", "CI_NODE_TOTAL", 1),
          new Source("CircleCI `parallelism:`", "CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", 0),
          new Source(
              "Buildkite `parallelism:`",
              "BUILDKITE_PARALLEL_JOB",
              "BUILDKITE_PARALLEL_JOB_COUNT",
              0));

  private static final String PASS_IT = "pass the job's index and count as -Djtest.shard=I/N";

  private static final List<Ci> CIS =
      List.of(
          new Ci(
              "GITHUB_ACTIONS",
              "GitHub Actions",
              PASS_IT
                  + " from the matrix, e.g."
                  + " -Djtest.shard=${{ matrix.shard }}/${{ strategy.job-total }}"),
          new Ci("GITLAB_CI", "GitLab CI", "give the job `parallel: N`, or " + PASS_IT),
          new Ci("CIRCLECI", "CircleCI", "give the job `parallelism: N`, or " + PASS_IT),
          new Ci("BUILDKITE", "Buildkite", "give the step `parallelism: N`, or " + PASS_IT),
          new Ci("JENKINS_URL", "Jenkins", PASS_IT),
          new Ci("TF_BUILD", "Azure Pipelines", PASS_IT),
          new Ci("TRAVIS", "Travis CI", PASS_IT),
          new Ci("CI", "a CI system (CI is set)", PASS_IT));

  /** The variables {@code auto} reads, pair by pair, for messages and the settings reference. */
  static final List<String> VARIABLES =
      SOURCES.stream().map(s -> s.indexVariable() + "/" + s.totalVariable()).toList();

  private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{1,9})");

  /** {@code I/N}. */
  @Override
  public String toString() {
    return index + "/" + total;
  }

  /** Parses {@code I/N} as written, or returns {@code null} for any other text. */
  static Shard parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    return m.matches()
        ? new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
        : null;
  }

  /** Why this is no shard of a suite, or {@code null} when it is one. */
  String problem() {
    if (total < 1) {
      return "N, the number of shards, must be at least 1";
    }
    if (index < 1) {
      return "shards are numbered from 1";
    }
    if (index > total) {
      return "there is no shard " + index + " of " + total;
    }
    return null;
  }

  /**
   * The shard this run is, from the value {@link Settings#SHARD} parsed.
   *
   * @param setting {@code null} (no sharding), {@code auto} or {@code I/N}
   * @param environment looks an environment variable up, {@code null} when it is not set
   * @return empty when every test runs: no sharding, or {@code auto} outside any CI
   * @throws InvalidSettingException for {@code auto} on a CI that sets no parallel-job variables
   *     (naming the CI and what to do), or with variables that give no shard
   */
  public static Optional<Shard> resolve(String setting, Function<String, String> environment) {
    if (setting == null) {
      return Optional.empty();
    }
    if (!setting.equals(AUTO)) {
      return Optional.of(parse(setting));
    }
    for (Source source : SOURCES) {
      String index = environment.apply(source.indexVariable());
      if (index == null || index.isBlank()) {
        continue;
      }
      String total = environment.apply(source.totalVariable());
      Shard shard = parse((index + "/" + (total == null ? "" : total)).replace(" ", ""));
      if (shard != null) {
        shard = new Shard(shard.index() - source.firstIndex() + 1, shard.total());
      }
      if (shard == null || shard.problem() != null) {
        throw new InvalidSettingException(
            Settings.SHARD.origin(AUTO)
                + ": "
                + source.indexVariable()
                + "="
                + index
                + " and "
                + source.totalVariable()
                + "="
                + total
                + " ("
                + source.ci()
                + ", counted from "
                + source.firstIndex()
                + ") name no shard; pass -Djtest.shard=I/N instead");
      }
      return Optional.of(shard);
    }
    for (Ci ci : CIS) {
      String value = environment.apply(ci.variable());
      if (value != null && !value.isBlank() && !value.equalsIgnoreCase("false")) {
        throw new InvalidSettingException(
            Settings.SHARD.origin(AUTO)
                + ": this build runs on "
                + ci.name()
                + ", which sets none of "
                + String.join(", ", VARIABLES)
                + ": "
                + ci.hint());
      }
    }
    return Optional.empty();
  }
}
