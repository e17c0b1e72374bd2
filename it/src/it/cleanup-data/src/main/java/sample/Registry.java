package sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Registered clients and notes, in memory, with an admin API. */
public class Registry {

  static final Map<Integer, String> CLIENTS = new ConcurrentSkipListMap<>();
  static final Map<String, Boolean> NOTES = new ConcurrentHashMap<>();
  static final AtomicInteger IDS = new AtomicInteger();

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
    server.createContext("/health", e -> send(e, 200, "up"));
    server.createContext("/clients", e -> {
      String name = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int id = IDS.incrementAndGet();
      CLIENTS.put(id, name);
      send(e, 201, json(id, name));
    });
    server.createContext("/admin/clients", e -> {
      if ("DELETE".equals(e.getRequestMethod())) {
        int id = Integer.parseInt(e.getRequestURI().getPath().substring("/admin/clients/".length()));
        send(e, CLIENTS.remove(id) == null ? 404 : 204, "");
      } else {
        send(e, 200, CLIENTS.entrySet().stream().map(c -> json(c.getKey(), c.getValue())).collect(Collectors.joining(",", "[", "]")));
      }
    });
    server.createContext("/notes", e -> {
      String query = e.getRequestURI().getRawQuery();
      String title = query == null ? "" : URLDecoder.decode(query.replaceFirst("^title=", ""), StandardCharsets.UTF_8);
      switch (e.getRequestMethod()) {
        case "POST" -> { NOTES.put(title, true); send(e, 201, ""); }
        case "DELETE" -> send(e, NOTES.remove(title) == null ? 404 : 204, "");
        default -> send(e, 200, String.join("\n", NOTES.keySet()));
      }
    });
    server.start();
    System.out.println("registry: listening");
  }

  static String json(int id, String name) {
    return "{\"client_id\":" + id + ",\"client_name\":\"" + name.replace("\"", "\\\"") + "\"}";
  }

  static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    if (status != 204) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }
}
