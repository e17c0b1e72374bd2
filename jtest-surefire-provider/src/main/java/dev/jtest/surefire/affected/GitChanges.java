package dev.jtest.surefire.affected;

import dev.jtest.settings.Settings;
import dev.jtest.surefire.JtestRunException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files that differ between a git ref and the work tree, staged or not, and the untracked ones
 * git does not ignore; read with the git command line, as the user's own git sees them.
 *
 * @param workTree the top of the git work tree; the paths are relative to it, with {@code /}
 * @param changed every changed, added, deleted or untracked file, sorted
 * @param deleted those of {@code changed} that no longer exist
 */
public record GitChanges(Path workTree, Set<String> changed, Set<String> deleted) {

  /** There is no git, or no repository around the project: nothing to compare with. */
  public static final class Unavailable extends Exception {
    Unavailable(String message) {
      super(message);
    }
  }

  /**
   * Reads the changes since {@code ref} of the repository that holds {@code dir}.
   *
   * @throws Unavailable when git is not installed or {@code dir} is in no repository
   * @throws JtestRunException when git does not know {@code ref}, naming the property
   */
  public static GitChanges since(String ref, Path dir) throws Unavailable, InterruptedException {
    Path workTree = workTree(dir);
    String sha = commit(ref, workTree);
    Result diff = git(workTree, "diff", "--name-status", "--no-renames", "-z", sha, "--");
    Result untracked =
        git(workTree, "ls-files", "--others", "--exclude-standard", "--full-name", "-z");
    for (Result r : List.of(diff, untracked)) {
      if (r.exit != 0) {
        throw new JtestRunException(
            "jtest: " + Settings.AFFECTED.name() + ": git failed in " + workTree + ": " + r.error);
      }
    }
    Set<String> changed = new TreeSet<>();
    Set<String> deleted = new TreeSet<>();
    String[] fields = diff.out.split("\0");
    for (int i = 0; i + 1 < fields.length; i += 2) {
      changed.add(fields[i + 1]);
      if (fields[i].equals("D")) {
        deleted.add(fields[i + 1]);
      }
    }
    for (String path : untracked.out.split("\0")) {
      if (!path.isEmpty()) {
        changed.add(path);
      }
    }
    return new GitChanges(workTree, changed, deleted);
  }

  /**
   * Checks that git knows {@code ref} in the repository that holds {@code dir}, as the build
   * starts.
   *
   * @throws Unavailable when git is not installed or {@code dir} is in no repository
   * @throws JtestRunException when git does not know {@code ref}, naming the property
   */
  public static void checkRef(String ref, Path dir) throws Unavailable, InterruptedException {
    commit(ref, workTree(dir));
  }

  /**
   * The commit {@code dir}'s work tree is at ({@code git rev-parse HEAD}), for files that record
   * what they were made from; null when there is no git, no repository or no commit yet.
   */
  public static String head(Path dir) {
    try {
      Result head = git(dir, "rev-parse", "--verify", "--quiet", "HEAD");
      return head.exit == 0 ? head.out.strip() : null;
    } catch (Unavailable e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static Path workTree(Path dir) throws Unavailable, InterruptedException {
    Result top = git(dir, "rev-parse", "--show-toplevel");
    if (top.exit != 0) {
      throw new Unavailable(dir + " is not in a git repository (" + top.error.strip() + ")");
    }
    return Path.of(top.out.strip());
  }

  /** The commit {@code ref} names. */
  private static String commit(String ref, Path workTree) throws Unavailable, InterruptedException {
    Result commit = git(workTree, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    if (commit.exit != 0 || ref.startsWith("-")) {
      throw new JtestRunException(
          Settings.AFFECTED.origin(ref)
              + ": git does not know that commit in "
              + workTree
              + "; use a branch, a tag or a commit the clone has (a shallow CI clone may need"
              + " a fetch of it first)");
    }
    return commit.out.strip();
  }

  private record Result(int exit, String out, String error) {}

  private static Result git(Path dir, String... arguments)
      throws Unavailable, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
      process.getOutputStream().close();
      String out = read(process.getInputStream());
      String error = read(process.getErrorStream());
      return new Result(process.waitFor(), out, error);
    } catch (IOException e) {
      throw new Unavailable("git cannot be run (" + e.getMessage() + ")");
    }
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
