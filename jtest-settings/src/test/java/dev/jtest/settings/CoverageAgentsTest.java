package dev.jtest.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageAgentsTest {

  @TempDir Path workDir;

  @Test
  void readsBackTheAgentsItWrote() throws IOException {
    Map<String, CoverageAgents.Agent> agents =
        Map.of(
            "auth", new CoverageAgents.Agent("127.0.0.1", 32771),
            "mcp", new CoverageAgents.Agent("10.0.0.5", 40000));
    Path file = CoverageAgents.file(workDir);
    CoverageAgents.write(file, agents);
    assertEquals(workDir.resolve("coverage/agents.json"), file);
    assertEquals(agents, CoverageAgents.read(file));
  }

  @Test
  void aFileOfAnotherShapeIsAnErrorNamingIt() throws IOException {
    Path file = Files.writeString(workDir.resolve("agents.json"), "[1, 2]");
    IOException e = assertThrows(IOException.class, () -> CoverageAgents.read(file));
    assertTrue(e.getMessage().startsWith(file + " is not a coverage agents file"), e.getMessage());
  }
}
