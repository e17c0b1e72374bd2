package sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

public class Greeter {

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
    server.createContext("/health", exchange -> Http.send(exchange, "up"));
    server.createContext("/hello", Greeter::hello);
    server.createContext("/bye", Greeter::bye);
    server.createContext("/unused", Greeter::unused);
    server.start();
    System.out.println("greeter: listening");
  }

  static void hello(HttpExchange exchange) throws IOException {
    Http.send(exchange, "hello");
  }

  static void bye(HttpExchange exchange) throws IOException {
    Http.send(exchange, "bye");
  }

  static void unused(HttpExchange exchange) throws IOException {
    String body = "nobody calls this";
    Http.send(exchange, body);
  }
}
