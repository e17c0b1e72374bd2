package dev.jtest.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestMapFileTest {

  @TempDir Path dir;

  private static final String A = "[engine:junit-jupiter]/[class:sample.AIT]/[method:a()]";

  @Test
  void writesAndReadsTheContractFormat() throws Exception {
    TestMapFile map =
        new TestMapFile(
            Instant.parse("2026-11-28T05:00:00Z"),
            "abc123",
            Map.of("dev/demo/auth/TokenService", TestMapFile.hex(0x1a2b3c4dL)),
            Map.of(
                A,
                new TestMapFile.Entry("AIT.a", List.of("dev/demo/auth/TokenService")),
                "b",
                new TestMapFile.Entry("BIT.b", List.of())));
    Path file = dir.resolve(".jtest/test-map.json");
    map.write(file);

    String text = Files.readString(file);
    assertThat(text)
        .contains("\"format\": \"jtest-test-map/1\"")
        .contains("\"dev/demo/auth/TokenService\": \"000000001a2b3c4d\"");
    assertThat(TestMapFile.read(file, w -> {})).contains(map);
  }

  @Test
  void aMissingFileIsNoMapWithoutWarning() {
    List<String> warnings = new ArrayList<>();
    assertThat(TestMapFile.read(dir.resolve("none.json"), warnings::add)).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aForeignOrCorruptFileIsNoMapWithOneWarningNamingIt() throws Exception {
    Path foreign = Files.writeString(dir.resolve("durations.json"), "{\"format\": \"other\"}");
    Path corrupt = Files.writeString(dir.resolve("corrupt.json"), "{\"format\": ");
    List<String> warnings = new ArrayList<>();
    assertThat(TestMapFile.read(foreign, warnings::add)).isEmpty();
    assertThat(TestMapFile.read(corrupt, warnings::add)).isEmpty();
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains(foreign.toString()).contains("not a jtest per-test map");
    assertThat(warnings.get(1)).contains(corrupt.toString());
  }
}
