package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.WithServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@WithServices
class CoverageIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static String get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void greets(@ComposeService("greeter") ServiceEndpoint greeter) throws Exception {
    assertEquals("hello", get(greeter.url("/hello")));
  }

  @Test
  void keepsTheImagesJavaToolOptions(@ComposeService("greeter") ServiceEndpoint greeter) throws Exception {
    String[] parts = get(greeter.url("/options")).split("\\|", 2);
    assertEquals("from-image", parts[0]);
    if (Boolean.getBoolean("jtest.coverage")) {
      assertTrue(parts[1].startsWith("-Dsample.marker=from-image -Xss1m -javaagent:/jtest-coverage/jacocoagent.jar="), parts[1]);
    } else {
      assertEquals("-Dsample.marker=from-image -Xss1m", parts[1]);
    }
  }

  @Test
  void works(@ComposeService("worker") ServiceEndpoint worker) throws Exception {
    assertEquals("worked 55", get(worker.url("/work")));
  }

  /** The victim does some work, then dies by SIGKILL: jtest keeps what its last dump got. */
  @Test
  void victimWorksThenIsKilled(@ComposeService("victim") ServiceEndpoint victim) throws Exception {
    assertEquals("worked 55", get(victim.url("/work")));
    Thread.sleep(3_000); // more than one dump interval
    Matcher run = Pattern.compile("\"runId\" : \"([0-9a-f]+)\"").matcher(Files.readString(Path.of("target/jtest/run.json")));
    assertTrue(run.find());
    Process kill = new ProcessBuilder("docker", "kill", "jtest-" + run.group(1) + "-victim").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertEquals(0, kill.waitFor());
  }
}
