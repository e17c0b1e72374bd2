package demo.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One HTTP request and its answer, over the JDK's HTTP server. */
public final class Exchange {

  private final HttpExchange exchange;
  private byte[] body;

  Exchange(HttpExchange exchange) {
    this.exchange = exchange;
  }

  public String method() {
    return exchange.getRequestMethod();
  }

  public String path() {
    return exchange.getRequestURI().getPath();
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  /** {@code http://host:port} as the client addressed this server: issuer and metadata URLs. */
  public String baseUrl() {
    return "http://" + header("Host").orElse("localhost");
  }

  public Map<String, String> query() {
    return decode(exchange.getRequestURI().getRawQuery());
  }

  public byte[] body() {
    if (body == null) {
      try {
        body = exchange.getRequestBody().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return body;
  }

  /** The {@code application/x-www-form-urlencoded} body; a repeated parameter keeps its first. */
  public Map<String, String> form() {
    return decode(new String(body(), StandardCharsets.UTF_8));
  }

  /** The JSON body, or {@code null} when it is not JSON. */
  public JsonNode json() {
    try {
      return Json.MAPPER.readTree(body());
    } catch (IOException e) {
      return null;
    }
  }

  /** {@code Basic} credentials as {user, password}, if the request carries them. */
  public Optional<String[]> basicCredentials() {
    return header("Authorization")
        .filter(value -> value.regionMatches(true, 0, "Basic ", 0, 6))
        .map(
            value -> {
              String decoded;
              try {
                decoded =
                    new String(
                        Base64.getDecoder().decode(value.substring(6).trim()),
                        StandardCharsets.UTF_8);
              } catch (IllegalArgumentException e) {
                return null;
              }
              int colon = decoded.indexOf(':');
              return colon < 0
                  ? null
                  : new String[] {
                    urlDecode(decoded.substring(0, colon)), urlDecode(decoded.substring(colon + 1))
                  };
            });
  }

  /** The token of an {@code Authorization: Bearer} header, if any. */
  public Optional<String> bearerToken() {
    return header("Authorization")
        .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(value -> value.substring(7).trim())
        .filter(token -> !token.isEmpty());
  }

  public Exchange header(String name, String value) {
    exchange.getResponseHeaders().add(name, value);
    return this;
  }

  public void json(int status, Object value) {
    try {
      send(status, "application/json", Json.MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void text(int status, String text) {
    send(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  public void empty(int status) {
    send(status, null, new byte[0]);
  }

  public void redirect(String location) {
    header("Location", location);
    empty(302);
  }

  private void send(int status, String contentType, byte[] bytes) {
    try {
      if (contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
      }
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      exchange.close();
    }
  }

  static Map<String, String> decode(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = urlDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : urlDecode(pair.substring(eq + 1));
      values.putIfAbsent(name, value);
    }
    return values;
  }

  private static String urlDecode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
