package sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class Greeter {

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
    server.createContext("/health", exchange -> send(exchange, "up"));
    server.createContext("/greeting", Greeter::greeting);
    server.createContext("/note", Greeter::note);
    server.start();
    System.out.println("greeter: listening");
  }

  static void greeting(HttpExchange exchange) throws IOException {
    String text = Files.readString(Path.of("/etc/greeter/greeting.txt")).strip();
    System.out.println("greeter: read greeting '" + text + "'");
    send(exchange, text);
  }

  static void note(HttpExchange exchange) throws IOException {
    send(exchange, Files.readString(Path.of("/etc/greeter/extra/note.txt")).strip());
  }

  static void send(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
