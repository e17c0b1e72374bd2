package sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.WithServices;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@WithServices
class AIT {

  @Test
  void callsX(@ComposeService("app") ServiceEndpoint app) throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(app.url("/x")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    assertTrue(body.startsWith("x version "), body);
  }
}
