package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.WithServices;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@WithServices
class BIT {

  @Test
  void callsY(@ComposeService("app") ServiceEndpoint app) throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(app.url("/y")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    assertEquals("y", body);
  }
}
