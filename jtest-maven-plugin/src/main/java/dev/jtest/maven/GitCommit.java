package dev.jtest.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The git commit a project directory is at, for files that record what they were made from. */
final class GitCommit {

  private GitCommit() {}

  /**
   * {@code git rev-parse HEAD} in {@code dir}; null when it is not in a git work tree, git is not
   * installed, or git does not answer within 5 s.
   */
  static String of(Path dir) {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "HEAD")
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] out = git.getInputStream().readAllBytes();
      if (!git.waitFor(5, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return null;
      }
      String commit = new String(out, StandardCharsets.UTF_8).strip();
      return git.exitValue() == 0 && commit.matches("[0-9a-f]{40,64}") ? commit : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
