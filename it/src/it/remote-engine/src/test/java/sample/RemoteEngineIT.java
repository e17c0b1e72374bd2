package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.WithServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@WithServices
class RemoteEngineIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static String get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void reachesTheServiceAtTheEnginesHost(@ComposeService("greeter") ServiceEndpoint greeter) {
    assertEquals("127.0.0.2", greeter.host());
    assertEquals("127.0.0.2", System.getProperty("jtest.greeter.host"));
  }

  @Test
  void servesTheBindMountedFile(@ComposeService("greeter") ServiceEndpoint greeter) throws Exception {
    assertEquals("hello from a bind-mounted file", get(greeter.url("/greeting")));
  }

  @Test
  void servesAFileOfTheBindMountedDirectory(@ComposeService("greeter") ServiceEndpoint greeter) throws Exception {
    assertEquals("second file", get(greeter.url("/note")));
  }
}
