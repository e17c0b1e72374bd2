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
class HelloIT {

  @Test
  void callsHello(@ComposeService("greeter") ServiceEndpoint greeter) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(greeter.url("/hello")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals("hello", response.body());
  }
}
