package dev.jtest.core.testing;

import dev.jtest.core.compose.ComposeLoader;
import dev.jtest.core.compose.ComposeModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compose models for tests, from YAML written as a text block. */
public final class ComposeText {

  private ComposeText() {}

  /** Writes {@code text} to {@code name} under {@code dir}, creating its directories. */
  public static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /**
   * The model of {@code template} formatted with the probe image ({@link
   * TestContainers#PROBE_IMAGE}, built first when missing) as its first argument, then {@code
   * args}; for engine tests whose services run the probe image.
   */
  public static ComposeModel probe(Path dir, String template, Object... args) throws IOException {
    try (TestContainers containers = new TestContainers()) {
      containers.probeImage();
    }
    Object[] all = new Object[args.length + 1];
    all[0] = TestContainers.PROBE_IMAGE;
    System.arraycopy(args, 0, all, 1, args.length);
    return load(dir, template.formatted(all));
  }

  /** The model of {@code yaml}, written as {@code compose.yaml} in {@code dir}. */
  public static ComposeModel load(Path dir, String yaml) throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, yaml);
    return ComposeLoader.load(List.of(file), Map.of(), Set.of());
  }
}
