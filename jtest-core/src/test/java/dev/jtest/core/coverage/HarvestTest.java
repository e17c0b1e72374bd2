package dev.jtest.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarvestTest {

  @TempDir Path dir;

  @Test
  void readsWhatItWrote() {
    ServiceCoverage auth = new ServiceCoverage("auth", dir.resolve("auth.exec"), true, null);
    ServiceCoverage mcp = new ServiceCoverage("mcp", null, false, "no data");

    Harvest.write(dir, List.of(mcp, auth));

    assertThat(Harvest.read(dir)).contains(List.of(auth, mcp));
  }

  @Test
  void namesTheFileItCannotWrite() throws IOException {
    // A file where the directory should be: nothing can be created below it.
    Path blocked = Files.writeString(dir.resolve("coverage"), "not a directory");

    assertThatThrownBy(() -> Harvest.write(blocked, List.of()))
        .isInstanceOf(CoverageException.class)
        .hasMessageStartingWith("coverage: cannot write " + blocked.resolve("harvest.json"))
        .hasMessageContaining("check that " + blocked + " is writable");
  }
}
