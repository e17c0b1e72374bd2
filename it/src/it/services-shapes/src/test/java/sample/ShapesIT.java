package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtest.junit.WithServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Talks to services whose compose definitions come from extends, anchors and include. */
@WithServices
class ShapesIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), url);
    return response.body().strip();
  }

  @Test
  void extendedServiceMountsItsBindSourceRelativeToItsOwnFile() throws Exception {
    assertEquals("base-ok", get(System.getProperty("jtest.web.url") + "/index.html"));
  }

  @Test
  void extendingServiceAddsItsEnvironmentReadingTheProjectName() throws Exception {
    assertEquals("hello-shapes", get(System.getProperty("jtest.web.url") + "/greeting"));
  }

  @Test
  void includedServiceIsInterpolatedFromItsOwnDotEnv() throws Exception {
    assertEquals("store-from-its-own-env", get(System.getProperty("jtest.store.url") + "/"));
  }
}
