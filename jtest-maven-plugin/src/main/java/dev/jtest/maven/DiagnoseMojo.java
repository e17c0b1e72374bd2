package dev.jtest.maven;

import dev.jtest.core.diagnostics.Diagnostics;
import dev.jtest.core.diagnostics.EngineDiagnosis;
import dev.jtest.core.diagnostics.StackDiagnosis;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints what jtest works with and what its services are doing: the engine's endpoint and versions,
 * the base image, the compose files; then, for the running stack (or the last run), each service's
 * state, health, last health check, exit code, restarts, ports, readiness timings and log tail.
 * Fails at once, naming the endpoint, when no engine answers.
 */
@Mojo(name = "diagnose", threadSafe = true)
public class DiagnoseMojo extends AbstractJtestMojo {

  @Override
  protected void run() {
    List<Path> files = composeFiles();
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      EngineDiagnosis diagnosis = Diagnostics.diagnoseEngine(engine, baseDir(), files);
      for (String line : diagnosis.lines()) {
        getLog().info(line);
      }
      if (!files.isEmpty()) {
        for (String line : StackDiagnosis.describe(engine, workDir())) {
          getLog().info(line);
        }
      }
    }
  }
}
