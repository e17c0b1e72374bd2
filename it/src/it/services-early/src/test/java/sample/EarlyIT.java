package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.WithServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@WithServices
class EarlyIT {

  @Test
  void answers(@ComposeService("web") URI web) throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(web.resolve("/")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    assertEquals("early", body.strip());
  }
}
