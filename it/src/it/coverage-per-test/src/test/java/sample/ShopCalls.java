package sample;

import dev.jtest.junit.ServiceEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the shop: the only code the tests share, so each test's coverage is its endpoint's. */
final class ShopCalls {

  private ShopCalls() {}

  static String get(ServiceEndpoint shop, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(shop.url(path)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
