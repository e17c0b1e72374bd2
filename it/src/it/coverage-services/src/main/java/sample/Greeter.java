package sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

public class Greeter {

  static volatile int shutdownSteps;

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
    server.createContext("/health", exchange -> Http.send(exchange, "up"));
    server.createContext("/hello", Greeter::hello);
    server.createContext("/unused", Greeter::unused);
    server.createContext("/options", Greeter::options);
    Runtime.getRuntime().addShutdownHook(new Thread(Greeter::onShutdown, "greeter-shutdown"));
    server.start();
    System.out.println("greeter: listening");
  }

  static void hello(HttpExchange exchange) throws IOException {
    Http.send(exchange, "hello");
  }

  static void unused(HttpExchange exchange) throws IOException {
    String body = "nobody calls this";
    Http.send(exchange, body);
  }

  static void options(HttpExchange exchange) throws IOException {
    Http.send(exchange, System.getProperty("sample.marker", "none") + "|" + System.getenv("JAVA_TOOL_OPTIONS"));
  }

  static void onShutdown() {
    // Slow, like a real flush: JaCoCo's own exit dump, racing this hook, would miss what follows.
    try {
      Thread.sleep(700);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    shutdownSteps++;
    System.out.println("greeter: shutdown hook done after " + shutdownSteps + " step");
  }
}
