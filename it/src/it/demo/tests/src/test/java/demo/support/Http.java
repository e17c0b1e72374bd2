package demo.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Real HTTP to the services; redirects are never followed, so tests see each 302. */
public final class Http {

  public static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private Http() {}

  /** A response with its body as text. */
  public record Response(int status, HttpResponse<String> raw) {

    public String body() {
      return raw.body();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON (HTTP " + status + "): " + raw.body(), e);
      }
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + raw.body();
    }
  }

  public static Response get(URI uri, String... headers) {
    return send(HttpRequest.newBuilder(uri).GET(), headers);
  }

  public static Response delete(URI uri, String... headers) {
    return send(HttpRequest.newBuilder(uri).DELETE(), headers);
  }

  public static Response postForm(URI uri, Map<String, String> form, String... headers) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  public static Response postJson(URI uri, Object json, String... headers) {
    String body;
    try {
      body = json instanceof String text ? text : JSON.writeValueAsString(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  public static Response put(URI uri, Object json, String... headers) {
    try {
      return send(
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json))),
          headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response send(HttpRequest.Builder request, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The query parameters of a redirect's {@code Location}. */
  public static Map<String, String> query(URI location) {
    String raw = location.getRawQuery();
    if (raw == null) {
      return Map.of();
    }
    return java.util.Arrays.stream(raw.split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                kv -> java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                kv -> kv.length < 2 ? "" : java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
  }
}
