package sample;

import dev.jtest.settings.TestMapFile;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jacoco.core.internal.data.CRC64;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * STAND-IN until per-test coverage lands: with {@code -Dsample.writeMap=true} (and one worker, so
 * that tests add to the file one after another) it writes the per-test map from the service classes
 * each test declares it calls, with their class ids as compiled. Once {@code -Pcoverage
 * -Djtest.coverage.perTest} writes the map, invoker.goals.1 uses that and this class, with its
 * annotations on the tests, is deleted.
 */
public class MapRecorder implements AfterEachCallback {

  /** The service classes (VM names) a test runs. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface Calls {
    String[] value();
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (!Boolean.getBoolean("sample.writeMap")) {
      return;
    }
    Path base = Path.of(System.getProperty("basedir", "."));
    Path file = base.resolve(".jtest/test-map.json");
    TestMapFile old =
        TestMapFile.read(file, System.err::println)
            .orElse(new TestMapFile(Instant.now(), null, Map.of(), Map.of()));
    List<String> classes = List.of(context.getRequiredTestMethod().getAnnotation(Calls.class).value());
    Map<String, String> ids = new HashMap<>(old.classIds());
    for (String name : classes) {
      byte[] bytes = Files.readAllBytes(base.resolve("target/classes/" + name + ".class"));
      ids.put(name, TestMapFile.hex(CRC64.classId(bytes)));
    }
    Map<String, TestMapFile.Entry> tests = new HashMap<>(old.tests());
    tests.put(context.getUniqueId(), new TestMapFile.Entry(context.getDisplayName(), classes));
    new TestMapFile(Instant.now(), null, ids, tests).write(file);
  }
}
