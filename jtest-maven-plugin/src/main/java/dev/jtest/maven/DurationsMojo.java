package dev.jtest.maven;

import dev.jtest.core.ConfigurationException;
import dev.jtest.settings.InvalidSettingException;
import dev.jtest.settings.Keys;
import dev.jtest.settings.Settings;
import dev.jtest.surefire.plan.Durations;
import dev.jtest.surefire.plan.DurationsMerge;
import dev.jtest.surefire.plan.Prediction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows the recorded test durations (.jtest/durations.json): the 10 slowest tests, and with
 * -Djtest.plan=N the predicted makespan of N CI shards of jtest.workers workers each. With
 * -Djtest.merge it first merges the stores that CI shards recorded
 * (target/jtest/durations-KIND-shard-I-of-N.json) into the project's own: for each test, a record
 * that differs from the project's store wins over it (every shard starts from that store, so an
 * unchanged copy is no news); several such records are averaged, weighted by their runs. The store
 * is rewritten atomically.
 */
@Mojo(name = "durations", threadSafe = true)
public class DurationsMojo extends AbstractJtestMojo {

  private static final int SLOWEST = 10;

  /** The stores of the shards' own tests, as the provider names them in target/jtest. */
  private static final String SHARD_STORES = "durations-*-shard-*.json";

  /** The project's store of recorded durations, relative to the project directory. */
  @Parameter(property = Keys.DURATIONS, defaultValue = ".jtest/durations.json")
  private String durations;

  /**
   * The shards' stores to merge into the project's: files, directories (every
   * durations-*-shard-*.json below them, and every file named as the project's store,
   * durations.json by default) or globs such as shards/*&#47;target/jtest/durations-*.json,
   * comma-separated, relative to the project directory. An entry that matches nothing is an error.
   */
  @Parameter(property = Keys.MERGE)
  private String merge;

  /**
   * Predicts the makespan of this many shards, each with jtest.workers workers (default: this
   * machine's processors), splitting the recorded tests as -Djtest.shard does: longest first to the
   * shard with the least work. With jtest.dist=class or module a class counts as one unit.
   */
  @Parameter(property = Keys.PLAN)
  private String plan;

  @Override
  protected void run() throws MojoExecutionException {
    try {
      Path store = baseDir().resolve(Settings.DURATIONS.parse(durations)).normalize();
      Durations own = Durations.load(store, message -> getLog().warn(message));
      String mergeSpec = Settings.MERGE.parse(merge);
      Durations current = mergeSpec == null ? own : merged(store, own, mergeSpec);
      if (current.ids().isEmpty()) {
        getLog().info("jtest: no durations recorded in " + store + ": run the tests first");
        return;
      }
      printSlowest(current);
      Integer shards = Settings.PLAN.parse(plan);
      if (shards != null) {
        printPlan(current, shards);
      }
    } catch (InvalidSettingException e) {
      throw new MojoExecutionException(e.getMessage());
    }
  }

  private Durations merged(Path store, Durations own, String spec) throws MojoExecutionException {
    List<Durations> stores = new ArrayList<>();
    // What a sharded run writes, and stores named as the project's own (jtest.durations).
    String names = "{" + SHARD_STORES + "," + store.getFileName() + "}";
    for (Path file : MergeInputs.resolve(baseDir(), spec, names, "durations stores")) {
      if (file.equals(store.toAbsolutePath())) {
        continue; // A glob that also matches the project's own store.
      }
      List<String> problems = new ArrayList<>();
      Durations shard = Durations.load(file, problems::add);
      if (!problems.isEmpty()) {
        // The loader's words end with "it will be replaced": true of a run's own store only.
        throw new ConfigurationException(
            "-D"
                + Keys.MERGE
                + " names "
                + file
                + ", which is not a jtest durations store that can be read ("
                + problems
                    .get(0)
                    .replaceFirst("^jtest: ", "")
                    .replaceFirst("; it will be replaced$", "")
                + "): name the stores the shards wrote");
      }
      stores.add(shard);
    }
    DurationsMerge.Result result = DurationsMerge.merge(own, stores);
    try {
      result.merged().save(store);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot write the merged durations to " + store + " (" + e + "): check it is writable");
    }
    getLog()
        .info(
            String.format(
                Locale.ROOT,
                "jtest: merged %d store%s into %s: %d tests, %d new, %d updated",
                stores.size(),
                stores.size() == 1 ? "" : "s",
                store,
                result.merged().ids().size(),
                result.added(),
                result.updated()));
    return result.merged();
  }

  private void printSlowest(Durations current) {
    List<String> slowest = current.slowest(SLOWEST);
    getLog()
        .info(
            "jtest: the "
                + slowest.size()
                + " slowest of "
                + current.ids().size()
                + " recorded tests:");
    for (String id : slowest) {
      getLog().info(String.format(Locale.ROOT, "jtest: %9.2f s  %s", current.known(id) / 1000, id));
    }
  }

  private void printPlan(Durations current, int shards) {
    int workers =
        Settings.WORKERS.read(this::property).orElse(Runtime.getRuntime().availableProcessors());
    String dist = Settings.DIST.read(this::property);
    boolean wholeClasses = dist.equals("class") || dist.equals("module");
    List<Prediction.Unit> units = Prediction.units(current, wholeClasses);
    List<Prediction.Shard> split = Prediction.predict(units, shards, workers);
    double makespan = split.stream().mapToDouble(Prediction.Shard::makespanMillis).max().orElse(0);
    getLog()
        .info(
            String.format(
                Locale.ROOT,
                "jtest: plan for %d shard%s × %d worker%s (jtest.dist=%s, %d units): predicted"
                    + " makespan %.2f s, ideal %.2f s",
                shards,
                shards == 1 ? "" : "s",
                workers,
                workers == 1 ? "" : "s",
                dist,
                units.size(),
                makespan / 1000,
                Prediction.idealMillis(units, shards, workers) / 1000));
    for (Prediction.Shard shard : split) {
      getLog()
          .info(
              String.format(
                  Locale.ROOT,
                  "jtest:   shard %d/%d: %d units, %.2f s of work, %.2f s on %d workers",
                  shard.index(),
                  shards,
                  shard.units().size(),
                  shard.totalMillis() / 1000,
                  shard.makespanMillis() / 1000,
                  workers));
    }
    getLog()
        .info(
            "jtest: predicted from the recorded tests alone: tests never run are not counted,"
                + " and serial tests are spread as if they ran in parallel");
  }

  /** A property as the goals see it: the command line's first, then the pom's. */
  private String property(String name) {
    String value = session.getUserProperties().getProperty(name);
    return value != null ? value : project.getProperties().getProperty(name);
  }
}
