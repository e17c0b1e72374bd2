package dev.jtest.core.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on the loopback that, like an admin API, wants a token. */
class HttpCleanerTest {

  private final List<String> records =
      new CopyOnWriteArrayList<>(List.of("TEST client 1", "prod client", "TESTER 2"));
  private final List<String> deleted = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/admin/clients", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (!"Bearer s3cret".equals(auth)) {
      reply(exchange, 401, "{\"error\":\"unauthorized\"}");
    } else if (exchange.getRequestMethod().equals("GET")) {
      StringBuilder json = new StringBuilder("[");
      for (int i = 0; i < records.size(); i++) {
        json.append(i == 0 ? "" : ",")
            .append("{\"id\":\"")
            .append(i)
            .append("\",\"client_name\":\"")
            .append(records.get(i))
            .append("\"}");
      }
      reply(exchange, 200, json.append(']').toString());
    } else {
      deleted.add(exchange.getRequestURI().getPath());
      reply(exchange, 204, "");
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private HttpCleaner cleaner(Map<String, String> headers) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    return new HttpCleaner(
        "auth#1", base, "/admin/clients", "/client_name", "/admin/clients/{id}", headers);
  }

  @Test
  void sendsTheConfiguredHeadersAndDeletesOnlyThePrefixedRecords() {
    HttpCleaner cleaner = cleaner(Map.of("Authorization", "Bearer s3cret"));

    assertEquals(1, cleaner.show("TEST ").size());
    assertEquals(1, cleaner.clean("TEST "));
    assertEquals(List.of("/admin/clients/0"), deleted);
  }

  @Test
  void aRefusedListNamesTheCleanerAndTheStatusButNotTheHeader() {
    CleanupException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            CleanupException.class,
            () -> cleaner(Map.of("Authorization", "Bearer wrong")).show("TEST "));

    assertTrue(error.getMessage().startsWith("auth#1: GET /admin/clients answered 401"));
    assertTrue(!error.getMessage().contains("wrong"));
    assertTrue(deleted.isEmpty());
  }
}
