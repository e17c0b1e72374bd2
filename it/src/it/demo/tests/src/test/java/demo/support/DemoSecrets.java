package demo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The stack's secrets, from the demo's {@code .env}: the same file docker-compose.yml reads. */
public final class DemoSecrets {

  private static final Properties ENV = load();

  private DemoSecrets() {}

  public static String adminToken() {
    return get("ADMIN_TOKEN");
  }

  public static String introspectionSecret() {
    return get("INTROSPECTION_SECRET");
  }

  private static String get(String name) {
    String value = System.getenv(name);
    return value != null ? value : ENV.getProperty(name);
  }

  private static Properties load() {
    Path file = Path.of(System.getProperty("user.dir")).resolve("../.env").normalize();
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo's secrets from " + file, e);
    }
    return properties;
  }
}
