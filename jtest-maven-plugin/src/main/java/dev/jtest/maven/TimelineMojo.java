package dev.jtest.maven;

import dev.jtest.settings.Keys;
import dev.jtest.settings.Settings;
import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.coordinator.MergedTimeline;
import dev.jtest.surefire.coordinator.RecordedTimeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Draws the timelines that the shards of a CI run wrote (each shard's
 * target/jtest/timeline-surefire.json or timeline-failsafe.json) as one page,
 * target/jtest/timeline-shards.html: every shard's workers, tests and phases on one time scale,
 * with each shard's predicted and actual time.
 */
@Mojo(name = "timeline", threadSafe = true)
public class TimelineMojo extends AbstractJtestMojo {

  private static final String FILES = "timeline-*.json";

  /**
   * The shards' timelines: files, directories (every timeline-*.json below them) or globs such as
   * shards/*&#47;target/jtest/timeline-failsafe.json, comma-separated, relative to the project
   * directory. Required; an entry that matches nothing is an error.
   */
  @Parameter(property = Keys.MERGE)
  private String merge;

  @Override
  protected void run() throws MojoExecutionException {
    String spec = Settings.MERGE.parse(merge);
    if (spec == null) {
      throw new MojoExecutionException(
          "jtest:timeline draws the timelines of several shards: name them with -D"
              + Keys.MERGE
              + ", e.g. -D"
              + Keys.MERGE
              + "=shards (one run's own timeline is "
              + workDir().resolve("timeline.html")
              + ")");
    }
    List<RecordedTimeline> runs = new ArrayList<>();
    try {
      for (Path file : MergeInputs.resolve(baseDir(), spec, FILES, "timelines")) {
        runs.add(RecordedTimeline.parse(name(file), file.toString(), Files.readString(file)));
      }
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read a timeline: " + e);
    } catch (JtestRunException e) {
      throw new MojoExecutionException(e.getMessage());
    }
    Path page = workDir().resolve("timeline-shards.html");
    try {
      Files.createDirectories(page.getParent());
      Files.writeString(page, MergedTimeline.html(runs), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot write " + page + " (" + e + "): check that it is writable");
    }
    for (RecordedTimeline run : runs) {
      getLog()
          .info(
              String.format(
                  Locale.ROOT,
                  "jtest: shard %s: %d tests, actual %.2f s (wall time %.2f s), predicted %s",
                  run.name(),
                  run.tests(),
                  run.actualMillis() / 1000.0,
                  run.wallMillis() / 1000.0,
                  run.predictedMillis().isPresent()
                      ? String.format(
                          Locale.ROOT, "%.2f s", run.predictedMillis().getAsDouble() / 1000)
                      : "not recorded"));
    }
    getLog().info("jtest: timeline of " + runs.size() + " shards: " + page);
  }

  /**
   * What the page calls a shard: its directory relative to the project, without the target/jtest
   * that every run writes into, and the run's kind: {@code shards/2 (failsafe)}.
   */
  private String name(Path file) {
    Path dir = baseDir().relativize(file).getParent();
    List<String> parts = new ArrayList<>();
    if (dir != null) {
      dir.forEach(part -> parts.add(part.toString()));
    }
    if (!parts.isEmpty() && parts.get(parts.size() - 1).equals(Keys.WORK_DIRECTORY)) {
      parts.remove(parts.size() - 1);
      if (!parts.isEmpty()) {
        parts.remove(parts.size() - 1); // the build directory
      }
    }
    String kind =
        file.getFileName().toString().replaceFirst("^timeline-", "").replaceFirst("\\.json$", "");
    return (parts.isEmpty() ? "." : String.join("/", parts)) + " (" + kind + ")";
  }
}
