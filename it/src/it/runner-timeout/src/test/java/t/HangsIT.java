package t;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HangsIT {
  @Test void hangs() throws Exception {
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "worker.pid"), String.valueOf(ProcessHandle.current().pid()));
    Thread.sleep(60_000);
  }
}
