package demo.common;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A JDK HTTP server with routes by method and path prefix, a JSON 500 for anything a handler
 * throws, and a graceful stop on SIGTERM: requests in flight finish (for up to 2 s), then the JVM
 * exits. The server is stopped with no delay once they are done: on Java 17, {@code
 * HttpServer.stop(n)} waits the full n seconds even when nothing is in flight (JDK-8304065).
 */
public final class HttpService {

  /** A request handler. */
  @FunctionalInterface
  public interface Handler {
    void handle(Exchange exchange) throws Exception;
  }

  private record Route(String method, Predicate<String> path, Handler handler) {}

  private static final Logger LOG = Logger.getLogger(HttpService.class.getName());

  private final String name;
  private final List<Route> routes = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger inFlight =
      new java.util.concurrent.atomic.AtomicInteger();

  public HttpService(String name) {
    this.name = name;
  }

  public HttpService route(String method, String path, Handler handler) {
    routes.add(new Route(method, path::equals, handler));
    return this;
  }

  /** Routes every path that starts with {@code prefix}. */
  public HttpService routePrefix(String method, String prefix, Handler handler) {
    routes.add(new Route(method, p -> p.startsWith(prefix), handler));
    return this;
  }

  public void start(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
    ExecutorService threads = Executors.newFixedThreadPool(16);
    server.setExecutor(threads);
    server.createContext("/", http -> dispatch(new Exchange(http)));
    server.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                  while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                    try {
                      Thread.sleep(10);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      break;
                    }
                  }
                  server.stop(0);
                  threads.shutdown();
                  try {
                    threads.awaitTermination(5, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  LOG.info(name + " stopped");
                }));
    LOG.info(name + " listening on port " + port);
  }

  private void dispatch(Exchange exchange) {
    inFlight.incrementAndGet();
    try {
      boolean pathKnown = false;
      for (Route route : routes) {
        if (route.path().test(exchange.path())) {
          pathKnown = true;
          if (route.method().equals(exchange.method())) {
            route.handler().handle(exchange);
            return;
          }
        }
      }
      if (pathKnown) {
        exchange.json(405, Map.of("error", "method_not_allowed"));
      } else {
        exchange.json(404, Map.of("error", "not_found", "path", exchange.path()));
      }
    } catch (Exception e) {
      LOG.log(Level.SEVERE, exchange.method() + " " + exchange.path() + " failed", e);
      try {
        exchange.json(500, Map.of("error", "server_error"));
      } catch (RuntimeException ignored) {
        // the answer had already begun: nothing more to tell the client
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
