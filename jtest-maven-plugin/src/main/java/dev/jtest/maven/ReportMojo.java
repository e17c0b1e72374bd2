package dev.jtest.maven;

import dev.jtest.core.coverage.CoverageReport;
import dev.jtest.core.coverage.CoverageRule;
import dev.jtest.core.coverage.Harvest;
import dev.jtest.core.coverage.PerTestReport;
import dev.jtest.core.coverage.ServiceCoverage;
import dev.jtest.core.coverage.ShardCoverage;
import dev.jtest.settings.CoverageAgents;
import dev.jtest.settings.Keys;
import dev.jtest.settings.Settings;
import dev.jtest.surefire.affected.GitChanges;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the coverage report of the services (and of the unit tests, when they wrote JaCoCo data)
 * to {@code target/site/jtest/coverage}: HTML, {@code jacoco.xml}, {@code jacoco.csv}; then checks
 * the coverage rules. Bound to {@code verify} before Failsafe's verify, so a red run has a report.
 * Does nothing unless coverage is on ({@code -Pcoverage} or {@code -Djtest.coverage}). With {@code
 * -Djtest.merge} it reports on what the shards of a CI run harvested instead (each shard's
 * target/jtest/coverage): each service's data from every shard merged into one group, the rules
 * checked on the merged data; coverage need not be on then.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractJtestMojo {

  /** Coverage on ({@code -Pcoverage} sets it); without it this goal does nothing. */
  // Not named coverage: that element of the plugin's configuration holds the rules
  // (<coverage><rules>), and every bound goal gets the plugin's configuration.
  @Parameter(property = Keys.COVERAGE, defaultValue = "false")
  private boolean withCoverage;

  /**
   * The {@code <coverage>} element: {@code <rules>} (each a {@code <rule>} with a {@code <counter>}
   * — instruction, line, branch, method, class or complexity — and a {@code <minimum>} ratio 0..1,
   * checked over all services together), {@code <classDirectories>} and {@code <sourceDirectories>}
   * (default: every reactor module's own), {@code <unitTestData>} (default: {@code
   * target/jacoco.exec}, reported as a group of its own when it exists). The rules are checked when
   * the build starts, coverage on or not.
   */
  @Parameter(alias = "coverage")
  private CoverageSettings coverageSettings;

  /**
   * Rules as {@code counter:ratio,…}, e.g. {@code line:0.80,branch:0.60}; added to {@code <rules>}.
   * Checked when the build starts, whether coverage is on or not.
   */
  @Parameter(property = Keys.COVERAGE_MINIMUM)
  private String minimum;

  /**
   * The shards' harvests to report on together: files, directories (every harvest.json below them)
   * or globs such as shards/*&#47;target/jtest/coverage, comma-separated, relative to the project
   * directory. An entry that matches nothing is an error.
   */
  @Parameter(property = Keys.MERGE)
  private String merge;

  /**
   * Where the test map goes after a {@code jtest.coverage.perTest} run (which classes each test
   * ran), relative to the project directory.
   */
  @Parameter(property = Keys.TEST_MAP, defaultValue = ".jtest/test-map.json")
  private String testMap;

  @Parameter(defaultValue = "${project.reporting.outputDirectory}/jtest/coverage", readonly = true)
  private File reportDirectory;

  @Parameter(defaultValue = "${project.build.directory}/jacoco.exec", readonly = true)
  private File defaultUnitTestData;

  /** The shards' harvests merged by service into {@code dataDir/shards}; what went wrong told. */
  private List<ServiceCoverage> mergedShards(String spec, Path dataDir) {
    List<Path> files = MergeInputs.resolve(baseDir(), spec, "harvest.json", "coverage harvests");
    getLog().info("jtest: coverage: merging the harvests of " + files.size() + " shards");
    List<ServiceCoverage> merged = ShardCoverage.merge(files, dataDir.resolve("shards"));
    for (ServiceCoverage service : merged) {
      if (service.execFile() != null && service.problem() != null) {
        getLog().warn("jtest: coverage of '" + service.service() + "': " + service.problem());
      }
    }
    return merged;
  }

  @Override
  protected void run() throws MojoFailureException {
    String shards = Settings.MERGE.parse(merge);
    if (!withCoverage && shards == null) {
      return;
    }
    CoverageSettings settings =
        coverageSettings == null ? new CoverageSettings() : coverageSettings;
    List<CoverageRule> rules =
        new ArrayList<>(CoverageRule.parse(minimum, "-D" + Keys.COVERAGE_MINIMUM));
    for (CoverageSettings.Rule rule : settings.getRules()) {
      rules.add(
          CoverageRule.of(
              String.valueOf(rule.getCounter()),
              String.valueOf(rule.getMinimum()),
              "<coverage><rules>"));
    }
    Path dataDir = workDir().resolve("coverage");
    Optional<List<ServiceCoverage>> harvest =
        shards == null ? Harvest.read(dataDir) : Optional.of(mergedShards(shards, dataDir));
    if (harvest.isEmpty()) {
      getLog()
          .info(
              "jtest: coverage: no services were harvested in "
                  + dataDir
                  + " (no compose file, or jtest:stop did not run)");
      return;
    }
    List<CoverageReport.Group> groups = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ServiceCoverage service : harvest.get()) {
      if (service.execFile() != null) {
        groups.add(new CoverageReport.Group(service.service(), service.execFile()));
      } else {
        problems.add(service.problem());
      }
    }
    if (groups.isEmpty()) {
      throw new MojoFailureException(
          "coverage: no service produced coverage data, so no report was written:\n"
              + String.join("\n", problems));
    }
    File unit =
        settings.getUnitTestData() != null ? settings.getUnitTestData() : defaultUnitTestData;
    CoverageReport.unitTests(unit.toPath()).ifPresent(groups::add);
    List<Path> classDirs =
        settings.getClassDirectories().isEmpty()
            ? ReactorPaths.classDirectories(session)
            : settings.getClassDirectories().stream().map(File::toPath).toList();
    List<Path> sourceDirs =
        settings.getSourceDirectories().isEmpty()
            ? ReactorPaths.sourceDirectories(session)
            : settings.getSourceDirectories().stream().map(File::toPath).toList();
    CoverageReport.Result result =
        CoverageReport.write(
            new CoverageReport.Inputs(
                project.getArtifactId(),
                groups,
                classDirs,
                sourceDirs,
                reportDirectory.toPath(),
                dataDir.resolve("merged.exec")));
    for (CoverageReport.Summary summary : result.groups()) {
      getLog().info("jtest: coverage " + summary.describe());
      if (!summary.staleClasses().isEmpty()) {
        List<String> names = summary.staleClasses();
        getLog()
            .warn(
                "jtest: service '"
                    + summary.name()
                    + "' ran "
                    + names.size()
                    + " classes that differ from "
                    + "the local class files ("
                    + String.join(", ", names.subList(0, Math.min(5, names.size())))
                    + (names.size() > 5 ? ", …" : "")
                    + ") — rebuild its image; they are not counted as covered");
      }
    }
    getLog().info("jtest: coverage report " + result.index());
    Path perTest = CoverageAgents.perTestDirectory(workDir());
    if (shards == null && PerTestReport.present(perTest)) {
      PerTestReport.Result tests =
          PerTestReport.write(
              new PerTestReport.Inputs(
                  perTest,
                  classDirs,
                  ReactorPaths.testClassDirectories(session),
                  java.util.stream.Stream.concat(
                          sourceDirs.stream(), ReactorPaths.testSourceDirectories(session).stream())
                      .toList(),
                  reportDirectory.toPath(),
                  baseDir().resolve(Settings.TEST_MAP.parse(testMap)).normalize(),
                  GitChanges.head(baseDir())));
      getLog()
          .info(
              "jtest: per-test coverage of "
                  + tests.tests()
                  + " tests: "
                  + tests.page()
                  + ", index "
                  + tests.index()
                  + ", test map "
                  + tests.testMap());
    }
    List<String> broken = CoverageReport.violations(result, rules);
    if (!broken.isEmpty()) {
      throw new MojoFailureException(
          "coverage below the rules (all services together):\n  " + String.join("\n  ", broken));
    }
    if (!rules.isEmpty()) {
      getLog()
          .info(
              "jtest: coverage rules met: "
                  + rules.stream()
                      .map(
                          rule ->
                              rule.counter().name().toLowerCase(java.util.Locale.ROOT)
                                  + " >= "
                                  + rule.minimum())
                      .collect(java.util.stream.Collectors.joining(", ")));
    }
  }
}
