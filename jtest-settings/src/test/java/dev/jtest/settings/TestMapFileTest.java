package dev.jtest.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestMapFileTest {

  @TempDir Path dir;

  @Test
  void readsBackWhatItWroteWithEmptyEntriesKept() throws Exception {
    TestMapFile map =
        new TestMapFile(
            Instant.parse("2026-11-28T05:00:00Z"),
            "abc123",
            Map.of("dev/demo/Json", TestMapFile.classId(0x1a2bL)),
            Map.of(
                "[engine:junit-jupiter]/[class:sample.AIT]/[method:a()]",
                new TestMapFile.Entry("AIT.a", List.of("dev/demo/Json")),
                "[engine:junit-jupiter]/[class:sample.BIT]/[method:b()]",
                new TestMapFile.Entry("BIT.b", List.of())));
    Path file = dir.resolve(".jtest/test-map.json");
    map.write(file);
    List<String> warnings = new ArrayList<>();
    assertEquals(Optional.of(map), TestMapFile.read(file, warnings::add));
    assertEquals(List.of(), warnings);
    assertTrue(Files.readString(file).contains("\"0000000000001a2b\""));
  }

  @Test
  void aMissingFileIsEmptyWithoutWarning() {
    List<String> warnings = new ArrayList<>();
    assertEquals(Optional.empty(), TestMapFile.read(dir.resolve("none.json"), warnings::add));
    assertEquals(List.of(), warnings);
  }

  @Test
  void aForeignFileIsEmptyWithOneWarningNamingIt() throws Exception {
    Path file = dir.resolve("map.json");
    Files.writeString(file, "{\"format\": \"other/2\"}");
    List<String> warnings = new ArrayList<>();
    assertEquals(Optional.empty(), TestMapFile.read(file, warnings::add));
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains(file.toString()), warnings.get(0));
  }
}
