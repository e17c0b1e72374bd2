package dev.jtest.maven;

import dev.jtest.core.compose.ComposeConfig;
import dev.jtest.core.compose.ComposeFiles;
import dev.jtest.settings.InvalidSettingException;
import dev.jtest.settings.Keys;
import dev.jtest.settings.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the project's compose model fully resolved, as docker compose config prints it: the files
 * merged, variables interpolated, the profiles of -Djtest.profiles applied and compose's defaults
 * filled (the project name, the default network, ports, volumes and depends_on in long form,
 * environment as a mapping with the env files merged in, absolute paths). -Djtest.format=json
 * prints the same model as JSON; -Djtest.services the enabled services' names only, one per line in
 * start order; -Djtest.output=FILE writes to that file instead of the console. It starts nothing
 * and needs no engine; a compose file that jtest:start would refuse fails here with the same
 * message. With -q, Maven prints nothing but the model.
 */
@Mojo(name = "config", threadSafe = true)
public class ConfigMojo extends AbstractJtestMojo {

  /** yaml (as docker compose config prints it) or json (the same model). */
  @Parameter(property = Keys.FORMAT, defaultValue = "yaml")
  private String format;

  /** Prints the enabled services' names only, one per line in start order. */
  @Parameter(property = Keys.SERVICES, defaultValue = "false")
  private String services;

  /** A file, relative to the project directory, to write instead of the console. */
  @Parameter(property = Keys.OUTPUT)
  private String output;

  @Override
  protected void run() throws MojoExecutionException {
    String chosenFormat;
    boolean namesOnly;
    String file;
    try {
      chosenFormat = Settings.FORMAT.parse(format);
      namesOnly = Settings.SERVICES.parse(services);
      file = Settings.OUTPUT.parse(output);
    } catch (InvalidSettingException e) {
      throw new MojoExecutionException(e.getMessage());
    }
    List<Path> files = composeFilesOrSayNone();
    if (files.isEmpty()) {
      return;
    }
    ComposeConfig config =
        ComposeConfig.resolve(
            files, System.getenv(), new LinkedHashSet<>(ComposeFiles.split(profiles())));
    config.warnings().forEach(warning -> getLog().warn("jtest: " + warning));
    String text;
    if (namesOnly) {
      text = config.serviceNames().isEmpty() ? "" : String.join("\n", config.serviceNames()) + "\n";
    } else {
      text = chosenFormat.equals("json") ? config.json() : config.yaml();
    }
    if (file == null) {
      // The model itself, not a log line: printed bare, so that `mvn -q jtest:config > f` keeps it.
      PrintStream out = System.out;
      out.print(text);
      out.flush();
      return;
    }
    Path target = baseDir().resolve(file).normalize();
    try {
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      Files.writeString(target, text);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot write the resolved compose model to "
              + target
              + " ("
              + e
              + "): check -D"
              + Keys.OUTPUT
              + " names a writable file");
    }
    getLog().info("jtest: wrote the resolved compose model to " + target);
  }
}
