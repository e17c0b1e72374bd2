package dev.jtest.maven;

import dev.jtest.core.cleanup.Cleaner;
import dev.jtest.core.cleanup.Cleaners;
import dev.jtest.core.cleanup.Cleanup;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.engine.LabelledResource;
import dev.jtest.core.services.RunIdentity;
import dev.jtest.core.services.ServiceRuntime;
import dev.jtest.core.services.StackState;
import dev.jtest.core.services.Sweeper;
import dev.jtest.settings.Keys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Shows ({@code -Djtest.dryRun}) or removes the test data the tests left in the running services:
 * records whose name starts with {@code TEST } ({@code -Djtest.cleanup.prefix}), found by the
 * cleaners of the compose file ({@code x-jtest.cleanup}) and by {@code TestDataCleaner}s on the
 * test class path. Also lists or removes engine resources of this project whose build is gone. The
 * build extension also runs it after the integration tests, where it runs the declared cleaners
 * only ({@code -Djtest.cleanupAfterTests=false} keeps the data).
 */
@Mojo(name = "cleanup", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public class CleanupMojo extends AbstractJtestMojo {

  /** Lists what would be removed, and changes nothing. */
  @Parameter(property = Keys.DRY_RUN, defaultValue = "false")
  private boolean dryRun;

  /** Records whose name starts with this are test data; a blank prefix is refused. */
  @Parameter(property = Keys.CLEANUP_PREFIX, defaultValue = Keys.DEFAULT_CLEANUP_PREFIX)
  private String prefix;

  /**
   * Whether the cleaners run automatically after the integration tests, pass or fail; {@code false}
   * keeps the test data for a look.
   */
  @Parameter(property = Keys.CLEANUP_AFTER_TESTS, defaultValue = "true")
  private boolean cleanupAfterTests;

  /**
   * Set by the build extension on the execution it binds after the integration tests; not for
   * users.
   */
  @Parameter(defaultValue = "false")
  private boolean afterTests;

  @Override
  protected void run() {
    if (afterTests && !cleanupAfterTests) {
      getLog()
          .info(
              "jtest: cleanup after the tests is off (jtest.cleanupAfterTests=false): test data kept");
      return;
    }
    Cleanup.checkPrefix(prefix);
    Optional<ComposeModel> model = composeModel();
    Object inBuild = project.getContextValue(STACK_KEY);
    Optional<StackState> kept = StackState.read(workDir());
    if (afterTests && (model.isEmpty() || !(inBuild instanceof RunningStack))) {
      return;
    }
    if (afterTests) {
      RunningStack running = (RunningStack) inBuild;
      if (running.stack().interrupted()) {
        return; // Ctrl-C or SIGTERM: the services are being removed; jtest:stop says so
      }
      // First after the tests, next to their results: a cleaner may fail on a dead service.
      running.stack().reportExitedServices();
    }
    Engine engine =
        inBuild instanceof RunningStack running
            ? running.engine()
            : Engine.connect(EngineEndpoint.fromEnvironment());
    try {
      if (model.isPresent()) {
        Map<String, String> containers = new LinkedHashMap<>();
        Map<String, String> endpoints;
        if (inBuild instanceof RunningStack running) {
          for (ServiceRuntime service : running.stack().services().values()) {
            containers.put(service.name(), service.containerId());
          }
          endpoints = running.stack().endpoints();
        } else if (kept.isPresent()) {
          kept.get().services().forEach((name, container) -> containers.put(name, container.id()));
          endpoints = kept.get().endpoints();
        } else {
          endpoints = null;
        }
        if (endpoints == null) {
          getLog()
              .info(
                  "jtest: no running stack for this project, so no test data to look for: keep one with 'mvn verify -Djtest.keepRunning -Djtest.cleanupAfterTests=false', then run jtest:cleanup");
        } else {
          List<Cleaner> cleaners =
              new ArrayList<>(Cleaners.of(model.get(), engine, containers, endpoints));
          cleaners.addAll(JavaCleaners.load(testClasspath(), endpoints));
          if (cleaners.isEmpty()) {
            if (!afterTests) {
              getLog()
                  .info(
                      "jtest: no cleaners declared: add x-jtest.cleanup to a service, or a TestDataCleaner to the tests");
            }
          } else {
            report(Cleanup.run(cleaners, prefix, dryRun));
          }
        }
      }
      if (!afterTests) {
        leftovers(engine);
      }
    } finally {
      if (!(inBuild instanceof RunningStack)) {
        engine.close();
      }
    }
  }

  private void report(List<Cleanup.Outcome> outcomes) {
    String title =
        dryRun
            ? "test data (dry run, prefix '" + prefix + "', nothing changed)"
            : "test data removed (prefix '" + prefix + "')";
    getLog().info("jtest: " + title + ":");
    int total = 0;
    for (Cleanup.Outcome outcome : outcomes) {
      total += outcome.count();
      getLog()
          .info(
              "jtest:   "
                  + outcome.id()
                  + ": "
                  + outcome.count()
                  + (dryRun ? " found" : " removed"));
      for (String sample : outcome.samples()) {
        getLog().info("jtest:     | " + sample);
      }
      if (outcome.count() > outcome.samples().size() && dryRun) {
        getLog()
            .info("jtest:     | … and " + (outcome.count() - outcome.samples().size()) + " more");
      }
    }
    getLog().info("jtest:   total: " + total);
  }

  private void leftovers(Engine engine) {
    Sweeper sweeper = new Sweeper(engine);
    List<LabelledResource> leftovers = sweeper.leftovers(RunIdentity.projectId(baseDir()));
    if (leftovers.isEmpty()) {
      getLog().info("jtest: no engine resources left by earlier builds of this project");
      return;
    }
    getLog()
        .info(
            "jtest: engine resources left by earlier builds of this project"
                + (dryRun ? " (dry run, kept):" : ", removed:"));
    for (LabelledResource resource : leftovers) {
      getLog()
          .info(
              "jtest:   "
                  + resource.kind().name().toLowerCase()
                  + " "
                  + resource.name()
                  + " (run "
                  + resource.labels().get(RunIdentity.RUN)
                  + ")");
    }
    if (!dryRun) {
      sweeper.remove(leftovers);
    }
  }

  private List<String> testClasspath() {
    try {
      return project.getTestClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      return List.of();
    }
  }
}
