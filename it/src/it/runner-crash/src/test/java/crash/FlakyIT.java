package crash;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlakyIT {
  @Test void failsOnlyTheFirstTime() throws Exception {
    Path marker = Path.of(System.getProperty("sample.marker"));
    if (!Files.exists(marker)) {
      Files.createDirectories(marker.getParent());
      Files.createFile(marker);
      fail("first run fails");
    }
  }
}
