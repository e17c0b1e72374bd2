package dev.jtest.maven.extension;

import dev.jtest.core.JtestException;
import dev.jtest.core.compose.ComposeFiles;
import dev.jtest.core.services.StackListener;
import dev.jtest.maven.EarlyStack;
import dev.jtest.settings.InvalidSettingException;
import dev.jtest.settings.Keys;
import dev.jtest.settings.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build extension: in every project that declares {@code dev.jtest:jtest-maven-plugin} with
 * {@code <extensions>true</extensions>}, wires jtest into the lifecycle so that the pom needs no
 * further configuration.
 */
@Named("jtest")
@Singleton
public class JtestLifecycleParticipant extends AbstractMavenLifecycleParticipant {

  static final String PLUGIN_KEY = "dev.jtest:jtest-maven-plugin";
  static final String COVERAGE_PROFILE = "coverage";

  /** The same key as StartMojo's: the extension and the mojos share the project context only. */
  static final String STOPPER_KEY = "dev.jtest.stack.stopper";

  private final Logger log = LoggerFactory.getLogger(JtestLifecycleParticipant.class);

  @Inject
  public JtestLifecycleParticipant() {}

  @Override
  public void afterProjectsRead(MavenSession session) throws MavenExecutionException {
    List<String> unknown = JtestProperties.unknown(session.getUserProperties());
    if (!unknown.isEmpty()) {
      log.warn(
          "jtest: unknown propert{} {} (ignored; known: {})",
          unknown.size() == 1 ? "y" : "ies",
          String.join(", ", unknown.stream().map(u -> "-D" + u).toList()),
          String.join(", ", new java.util.TreeSet<>(JtestProperties.KNOWN)));
    }
    for (MavenProject project : session.getProjects()) {
      Plugin jtest = project.getBuild().getPluginsAsMap().get(PLUGIN_KEY);
      if (jtest != null) {
        try {
          JtestProperties.validate(
              JtestProperties.effective(
                  project.getProperties(),
                  session.getSystemProperties(),
                  session.getUserProperties()),
              project.getBasedir().toPath());
          CoverageRulesCheck.check(jtest, project.getFile().getName());
          // First: it may add Failsafe, which the reordering below must then see.
          SurefireWiring.wire(session, project);
        } catch (JtestException e) {
          throw new MavenExecutionException(e.getMessage(), project.getFile());
        }
        ServiceGoals.bind(jtest);
        ServiceGoals.orderBeforeFailsafe(project.getBuild(), jtest);
      }
    }
    if (claimCoverageProfile(session)) {
      log.debug("jtest: -Pcoverage taken by jtest: coverage on");
    }
    perTestCoverage(session);
    // After the coverage claim: coverage on means no early start.
    Map<String, EarlyStarts.Pending> early = new HashMap<>();
    for (MavenProject project : session.getProjects()) {
      Plugin jtest = project.getBuild().getPluginsAsMap().get(PLUGIN_KEY);
      if (jtest != null) {
        earlyStart(session, project, jtest).ifPresent(start -> early.put(project.getId(), start));
      }
    }
    EarlyStarts.install(session, early);
  }

  /** The project's background start, when {@link EarlyStartPolicy} allows one. */
  private Optional<EarlyStarts.Pending> earlyStart(
      MavenSession session, MavenProject project, Plugin jtest) {
    Function<String, String> property = property(session, project);
    Optional<String> refusal = EarlyStartPolicy.refusal(session.getGoals(), property, jtest);
    if (refusal.isPresent()) {
      log.debug("jtest: {}: no background start: {}", project.getArtifactId(), refusal.get());
      return Optional.empty();
    }
    try {
      Path baseDir = project.getBasedir().toPath().toAbsolutePath().normalize();
      String compose = property.apply(Keys.COMPOSE);
      List<Path> files =
          compose != null && !compose.isBlank()
              ? ComposeFiles.locate(baseDir, ComposeFiles.split(compose), "-D" + Keys.COMPOSE)
              : ComposeFiles.locate(baseDir, List.of(), "<composeFiles>");
      if (files.isEmpty()) {
        return Optional.empty();
      }
      String pullTimeout = property.apply(Keys.PULL_TIMEOUT);
      EarlyStack.Request request =
          new EarlyStack.Request(
              baseDir,
              Path.of(project.getBuild().getDirectory())
                  .resolve(Keys.WORK_DIRECTORY)
                  .toAbsolutePath()
                  .normalize(),
              files,
              property.apply(Keys.PROFILES),
              Settings.KEEP_RUNNING.read(property),
              pullTimeout == null ? "60s" : pullTimeout,
              property.apply(Keys.BIND_ADDRESS));
      log.debug("jtest: {}: the stack starts in the background", project.getArtifactId());
      return Optional.of(new EarlyStarts.Pending(request, slf4j()));
    } catch (JtestException | InvalidSettingException e) {
      // jtest:start reports it, as it does without an early start.
      log.debug("jtest: {}: no background start: {}", project.getArtifactId(), e.getMessage());
      return Optional.empty();
    }
  }

  /** The stack's events in the extension's log, for a background start no goal adopted. */
  private StackListener slf4j() {
    return new StackListener() {
      @Override
      public void info(String message) {
        log.info("jtest: {}", message);
      }

      @Override
      public void warn(String message) {
        log.warn("jtest: {}", message);
      }

      @Override
      public void detail(String message) {
        log.debug("jtest: {}", message);
      }
    };
  }

  /**
   * Removes the stacks of projects whose build ended before {@code jtest:stop} ran: a failure
   * between the goals, or a build that stopped at an earlier phase. Maven calls this before it
   * disposes the plugins' class realms; a JVM shutdown hook would run after, when the engine
   * client's classes can no longer be loaded.
   */
  @Override
  public void afterSessionEnd(MavenSession session) {
    // First: a background start still running must end before its stack can be stopped.
    for (MavenProject project : session.getProjects()) {
      if (project.getContextValue(EarlyStack.KEY) instanceof AutoCloseable early) {
        project.setContextValue(EarlyStack.KEY, null);
        try {
          early.close();
        } catch (Exception e) {
          log.warn(
              "jtest: removing the services of {} started in the background failed: {}; the next"
                  + " start removes them",
              project.getArtifactId(),
              e.getMessage());
        }
      }
    }
    for (MavenProject project : session.getProjects()) {
      if (project.getContextValue(STOPPER_KEY) instanceof Runnable stopper) {
        project.setContextValue(STOPPER_KEY, null);
        try {
          stopper.run();
        } catch (RuntimeException e) {
          log.warn(
              "jtest: removing the services of {} failed: {}; the next start removes them",
              project.getArtifactId(),
              e.getMessage());
        }
      }
    }
  }

  /** A project's property as its goals see it: the command line's, else the pom's. */
  private static Function<String, String> property(MavenSession session, MavenProject project) {
    return key ->
        Stream.of(
                session.getUserProperties(), session.getSystemProperties(), project.getProperties())
            .map(properties -> properties.getProperty(key))
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
  }

  /**
   * {@code jtest.coverage.perTest} turns coverage on in each project that sets it, and refuses an
   * explicit {@code jtest.coverage=false} beside it, naming both.
   */
  static void perTestCoverage(MavenSession session) throws MavenExecutionException {
    for (MavenProject project : session.getProjects()) {
      Function<String, String> property = property(session, project);
      if (project.getBuild().getPluginsAsMap().get(PLUGIN_KEY) == null
          || !Settings.COVERAGE_PER_TEST.read(property)) {
        continue;
      }
      String coverage = property.apply(Keys.COVERAGE);
      if (coverage != null && !coverage.isBlank() && !Settings.COVERAGE.read(property)) {
        throw new MavenExecutionException(
            Keys.COVERAGE_PER_TEST
                + "=true needs coverage, but "
                + Keys.COVERAGE
                + "="
                + coverage
                + " turns it off: remove "
                + Keys.COVERAGE
                + " (per-test coverage turns it on), or remove "
                + Keys.COVERAGE_PER_TEST,
            project.getFile());
      }
      // Goals read it from the project's properties: the session's were cached before this ran.
      project.getProperties().setProperty(Keys.COVERAGE, "true");
    }
  }

  /**
   * {@code -Pcoverage} turns coverage on without the user declaring a profile. Maven checks for
   * missing requested profiles only after the extensions ran, so jtest takes the id out of the
   * request (no "profile could not be activated" warning), unless a project defines it: then the
   * user's profile is activated as usual and may set {@code jtest.coverage} itself.
   */
  static boolean claimCoverageProfile(MavenSession session) {
    List<String> requested = session.getRequest().getActiveProfiles();
    if (!requested.contains(COVERAGE_PROFILE)) {
      return false;
    }
    boolean defined =
        session.getProjects().stream()
            .flatMap(p -> p.getModel().getProfiles().stream())
            .anyMatch(profile -> COVERAGE_PROFILE.equals(profile.getId()));
    if (!defined) {
      List<String> rest = new java.util.ArrayList<>(requested);
      rest.remove(COVERAGE_PROFILE);
      session.getRequest().setActiveProfiles(rest);
      session.getUserProperties().setProperty(Keys.COVERAGE, "true");
      // Mojo parameters read Maven's execution properties, cached before extensions run; they fall
      // back to project properties, which are read afresh.
      session.getProjects().forEach(p -> p.getProperties().setProperty(Keys.COVERAGE, "true"));
      return true;
    }
    return false;
  }
}
