package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtest.junit.Service;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.WithServices;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The service dies under the test (killed, as the kernel's OOM killer or an operator would). Uses
 * {@code @Service}, the deprecated former name of {@code @ComposeService}, to show it still works.
 */
@WithServices
class ApiIT {

  @Test
  void answersUntilItIsKilled(@Service("api") ServiceEndpoint api) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(api.url("/")).build();
    assertEquals("up", http.send(request, HttpResponse.BodyHandlers.ofString()).body().strip());
    Matcher run = Pattern.compile("\"runId\" : \"([0-9a-f]+)\"").matcher(Files.readString(Path.of("target/jtest/run.json")));
    run.find();
    Process kill = new ProcessBuilder("docker", "kill", "jtest-" + run.group(1) + "-api").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertEquals(0, kill.waitFor());
    // What the user saw: a connection error, and nothing saying why.
    http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
