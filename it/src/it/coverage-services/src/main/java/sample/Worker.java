package sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

public class Worker {

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
    server.createContext("/health", exchange -> Http.send(exchange, "up"));
    server.createContext("/work", Worker::work);
    server.start();
    System.out.println("worker: listening");
  }

  static void work(HttpExchange exchange) throws IOException {
    int sum = 0;
    for (int i = 1; i <= 10; i++) {
      sum += i;
    }
    Http.send(exchange, "worked " + sum);
  }
}
