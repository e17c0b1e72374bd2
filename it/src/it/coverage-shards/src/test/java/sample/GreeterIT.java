package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.WithServices;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** One test per shard: each covers one handler of the greeter. */
@WithServices
class GreeterIT {

  private static String get(ServiceEndpoint greeter, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(greeter.url(path)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void callsHello(@ComposeService("greeter") ServiceEndpoint greeter) throws Exception {
    assertEquals("hello", get(greeter, "/hello"));
  }

  @Test
  void callsBye(@ComposeService("greeter") ServiceEndpoint greeter) throws Exception {
    assertEquals("bye", get(greeter, "/bye"));
  }
}
