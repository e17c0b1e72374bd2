package dev.jtest.maven;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.JtestException;
import dev.jtest.core.compose.ComposeFiles;
import dev.jtest.core.engine.EngineUnavailableException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Base of every jtest goal: handles {@code jtest.skip}, and turns jtest's typed failures into
 * Maven's. A subclass reads its parameters and calls one core service.
 */
public abstract class AbstractJtestMojo extends AbstractMojo {

  /** Skips every jtest goal. */
  @Parameter(property = "jtest.skip", defaultValue = "false")
  private boolean skip;

  /** The project directory: compose files and {@code target/jtest} are found from it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File baseDir;

  /**
   * Compose files, merged in order as {@code docker compose -f a -f b} does. Default: the first of
   * compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml in the project directory.
   */
  @Parameter private List<String> composeFiles;

  /** Comma-separated compose files; overrides {@code <composeFiles>}. */
  @Parameter(property = "jtest.compose")
  private String compose;

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

  /** The compose files this build uses, in merge order; empty when the project has none. */
  protected List<Path> composeFiles() {
    if (compose != null && !compose.isBlank()) {
      return ComposeFiles.locate(baseDir(), ComposeFiles.split(compose), "-Djtest.compose");
    }
    List<String> configured = composeFiles == null ? List.of() : composeFiles;
    return ComposeFiles.locate(baseDir(), configured, "<composeFiles>");
  }
}
