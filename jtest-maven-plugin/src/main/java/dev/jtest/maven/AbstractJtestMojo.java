package dev.jtest.maven;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.JtestException;
import dev.jtest.core.compose.ComposeFiles;
import dev.jtest.core.compose.ComposeLoader;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.EngineUnavailableException;
import dev.jtest.core.services.StackListener;
import dev.jtest.settings.Keys;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Base of every jtest goal: handles {@code jtest.skip}, and turns jtest's typed failures into
 * Maven's. A subclass reads its parameters and calls one core service.
 */
public abstract class AbstractJtestMojo extends AbstractMojo {

  /** Where a started stack waits for the later goals of the same build. */
  static final String STACK_KEY = "dev.jtest.stack";

  private static final String NO_COMPOSE_REPORTED = "dev.jtest.noComposeReported";

  /**
   * Skips every jtest goal; the build extension then checks no other {@code jtest.*} value. The
   * tests still run, with jtest's provider.
   */
  @Parameter(property = Keys.SKIP, defaultValue = "false")
  private boolean skip;

  /** The project directory: compose files and {@code target/jtest} are found from it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File baseDir;

  /** Where jtest writes logs, endpoints, readiness timings and state. */
  @Parameter(
      defaultValue = "${project.build.directory}/" + Keys.WORK_DIRECTORY,
      readonly = true,
      required = true)
  private File workDir;

  /**
   * Compose files, merged in order as {@code docker compose -f a -f b} does, relative to the
   * project directory; a file that does not exist is an error. Default: the first of compose.yaml,
   * compose.yml, docker-compose.yaml, docker-compose.yml in the project directory, and the first
   * compose.override.yml (.yaml) or docker-compose.override.yml (.yaml) merged over it.
   */
  @Parameter private List<String> composeFiles;

  /**
   * Comma-separated compose files, e.g. {@code a.yml,b.yml}; overrides {@code <composeFiles>}. A
   * file that does not exist is an error.
   */
  @Parameter(property = Keys.COMPOSE)
  private String compose;

  /**
   * Comma-separated compose profiles to enable. A profile that no service has gets a warning
   * listing the profiles that exist; a file whose every service needs a profile not enabled is an
   * error.
   */
  @Parameter(property = Keys.PROFILES)
  private String profiles;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("jtest: skipped (jtest.skip=true)");
      return;
    }
    try {
      run();
    } catch (EngineUnavailableException | ConfigurationException e) {
      // No cause: Maven would append the cause's own words to a message that already says it all.
      getLog().debug(e);
      throw new MojoExecutionException(e.getMessage());
    } catch (JtestException e) {
      getLog().debug(e);
      throw new MojoFailureException(e.getMessage());
    }
  }

  /** The goal's work; called unless {@code jtest.skip} is set. */
  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  protected Path baseDir() {
    return baseDir.toPath().toAbsolutePath().normalize();
  }

  protected Path workDir() {
    return workDir.toPath().toAbsolutePath().normalize();
  }

  /** The compose files this build uses, in merge order; empty when the project has none. */
  protected List<Path> composeFiles() {
    if (compose != null && !compose.isBlank()) {
      return ComposeFiles.locate(baseDir(), ComposeFiles.split(compose), "-D" + Keys.COMPOSE);
    }
    List<String> configured = composeFiles == null ? List.of() : composeFiles;
    return ComposeFiles.locate(baseDir(), configured, "<composeFiles>");
  }

  /** The compose profiles to enable, comma-separated, as configured; {@code null} for none. */
  protected String profiles() {
    return profiles;
  }

  /**
   * The project's compose model, its warnings printed; empty (said once per project and build) when
   * the project has no compose file.
   */
  protected Optional<ComposeModel> composeModel() {
    return composeModelLoader().map(Supplier::get);
  }

  /**
   * What loads the project's compose model and prints its warnings, for a goal that has other work
   * to do while it loads; empty (said once per project and build) when the project has no compose
   * file. Finding the files is done here; reading them, the slow part, when the loader is called.
   */
  protected Optional<Supplier<ComposeModel>> composeModelLoader() {
    List<Path> files = composeFilesOrSayNone();
    if (files.isEmpty()) {
      return Optional.empty();
    }
    Set<String> active = new LinkedHashSet<>(ComposeFiles.split(profiles));
    return Optional.of(
        () -> {
          ComposeModel model = ComposeLoader.load(files, System.getenv(), active);
          model.warnings().forEach(warning -> getLog().warn("jtest: " + warning));
          model.notes().forEach(note -> getLog().info("jtest: " + note));
          return model;
        });
  }

  /**
   * The compose files this build uses, in merge order; empty, said once per project and build, when
   * the project has none.
   */
  protected List<Path> composeFilesOrSayNone() {
    List<Path> files = composeFiles();
    if (files.isEmpty() && project.getContextValue(NO_COMPOSE_REPORTED) == null) {
      project.setContextValue(NO_COMPOSE_REPORTED, Boolean.TRUE);
      getLog()
          .info(
              "jtest: no compose file in "
                  + baseDir()
                  + " (looked for "
                  + String.join(", ", ComposeFiles.DEFAULT_NAMES)
                  + "): no services to start");
    }
    return files;
  }

  /** Prints the core's events to the Maven log, prefixed so they stand out in a long build. */
  protected StackListener listener() {
    return new StackListener() {
      @Override
      public void info(String message) {
        getLog().info("jtest: " + message);
      }

      @Override
      public void warn(String message) {
        getLog().warn("jtest: " + message);
      }

      @Override
      public void detail(String message) {
        getLog().debug("jtest: " + message);
      }
    };
  }
}
