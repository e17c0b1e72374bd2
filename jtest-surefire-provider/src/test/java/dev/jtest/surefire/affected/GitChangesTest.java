package dev.jtest.surefire.affected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.surefire.JtestRunException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real git command line, in a repository made for each test. */
class GitChangesTest {

  @TempDir Path dir;

  private void git(String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
  }

  @Test
  void readsChangedStagedDeletedAndUntrackedFilesRelativeToTheWorkTree() throws Exception {
    Path module = Files.createDirectories(dir.resolve("svc/src"));
    Files.writeString(module.resolve("A.java"), "a");
    Files.writeString(module.resolve("B.java"), "b");
    Files.writeString(module.resolve("C.java"), "c");
    Files.writeString(dir.resolve(".gitignore"), "target/\n");
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "one");
    Files.writeString(module.resolve("A.java"), "a2"); // unstaged
    Files.writeString(module.resolve("B.java"), "b2");
    git("add", "svc/src/B.java"); // staged
    Files.delete(module.resolve("C.java"));
    Files.writeString(module.resolve("D.java"), "d"); // untracked
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/ignored.class"), "x");

    GitChanges changes = GitChanges.since("HEAD", module);

    assertThat(changes.workTree()).isEqualTo(dir.toRealPath());
    assertThat(changes.changed())
        .containsExactly("svc/src/A.java", "svc/src/B.java", "svc/src/C.java", "svc/src/D.java");
    assertThat(changes.deleted()).containsExactly("svc/src/C.java");
  }

  /** The commit the test map records: none outside a repository or before the first commit. */
  @Test
  void headIsTheCommitTheWorkTreeIsAt() throws Exception {
    assertThat(GitChanges.head(dir)).isNull();
    git("init", "-q");
    assertThat(GitChanges.head(dir)).isNull();
    Files.writeString(dir.resolve("a.txt"), "a");
    git("add", ".");
    git("commit", "-q", "-m", "one");

    assertThat(GitChanges.head(dir)).matches("[0-9a-f]{40}");
  }

  @Test
  void anUnknownRefFailsNamingThePropertyAndValue() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "a");
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "one");

    assertThatThrownBy(() -> GitChanges.since("no-such-branch", dir))
        .isInstanceOf(JtestRunException.class)
        .hasMessageStartingWith("Invalid jtest.affected=\"no-such-branch\": git does not know");
  }

  @Test
  void noRepositoryIsUnavailableSayingWhy() {
    assertThatThrownBy(() -> GitChanges.since("HEAD", dir))
        .isInstanceOf(GitChanges.Unavailable.class)
        .hasMessageContaining("is not in a git repository");
  }
}
