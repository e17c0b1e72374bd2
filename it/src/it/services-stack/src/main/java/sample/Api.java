package sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A service that reads from its "database" (an HTTP server reached by its service name). */
public class Api {

  public static void main(String[] args) throws IOException {
    HttpClient client = HttpClient.newHttpClient();
    URI db = URI.create(System.getenv("DB_URL"));
    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
    server.createContext("/health", exchange -> send(exchange, 200, "up"));
    server.createContext(
        "/hello",
        exchange -> {
          try {
            String rows = client.send(HttpRequest.newBuilder(db).build(), HttpResponse.BodyHandlers.ofString()).body().strip();
            send(exchange, 200, "hello from api; db says " + rows);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 500, "interrupted");
          }
        });
    server.start();
    System.out.println("api: listening on 8080");
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
