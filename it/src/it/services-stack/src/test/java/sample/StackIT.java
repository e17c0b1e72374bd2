package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.WithServices;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Reads the endpoints the three ways jtest offers, and talks to the real services. */
@WithServices
class StackIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static String get(URI uri) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), uri.toString());
    return response.body().strip();
  }

  @Test
  void systemPropertiesNameTheEndpoints() throws Exception {
    String url = System.getProperty("jtest.api.url");
    assertEquals("127.0.0.1", System.getProperty("jtest.api.host"));
    assertEquals(System.getProperty("jtest.api.port"), System.getProperty("jtest.api.port.8080"));
    assertEquals("http://127.0.0.1:" + System.getProperty("jtest.api.port"), url);
    assertEquals("hello from api; db says rows", get(URI.create(url + "/hello")));
  }

  @Test
  void servicesPropertiesFileNamesTheEndpoints() throws Exception {
    Properties endpoints = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("target/jtest/services.properties"))) {
      endpoints.load(in);
    }
    assertEquals("echo-ok", get(URI.create("http://127.0.0.1:" + endpoints.getProperty("jtest.echo.port") + "/")));
    assertTrue(endpoints.getProperty("jtest.db.port") == null, "db publishes no port");
  }

  @Test
  void parametersReceiveTheEndpoints(
      @ComposeService("api") ServiceEndpoint api, @ComposeService("echo") URI echo, @ComposeService("api") String apiUrl) throws Exception {
    assertEquals("hello from api; db says rows", get(api.url("hello")));
    assertEquals("echo-ok", get(echo.resolve("/")));
    assertEquals(api.url().toString(), apiUrl);
  }
}
