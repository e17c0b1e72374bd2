package dev.jtest.core.cleanup;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cleaner over a service's HTTP API: GET {@code list} returns a JSON array; the elements whose
 * {@code name} (a JSON pointer) starts with the prefix are the test data; each is removed with a
 * DELETE on {@code delete}, whose {@code {field}}s are taken from the element. jtest selects by the
 * prefix itself before anything is deleted, so nothing else can be. {@code headers} (e.g. an admin
 * API's {@code Authorization}) go with every request and are never printed.
 */
final class HttpCleaner implements Cleaner {

  private static final Pattern FIELD = Pattern.compile("\\{([^}]+)}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final URI base;
  private final String list;
  private final JsonPointer name;
  private final String delete;
  private final Map<String, String> headers;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  HttpCleaner(
      String id, URI base, String list, String name, String delete, Map<String, String> headers) {
    this.id = id;
    this.base = base;
    this.list = list.startsWith("/") ? list : "/" + list;
    this.name = JsonPointer.compile(name.startsWith("/") ? name : "/" + name);
    this.delete = delete.startsWith("/") ? delete : "/" + delete;
    this.headers = Map.copyOf(headers);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<String> show(String prefix) {
    return selected(prefix).stream().map(e -> e.at(name).asText() + "  " + e).toList();
  }

  @Override
  public int clean(String prefix) {
    int removed = 0;
    for (JsonNode element : selected(prefix)) {
      URI target = base.resolve(fill(element));
      HttpResponse<String> response =
          send(HttpRequest.newBuilder(target).DELETE(), "DELETE " + target.getPath());
      if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
        throw new CleanupException(
            id
                + ": DELETE "
                + target.getPath()
                + " answered "
                + response.statusCode()
                + body(response));
      }
      removed++;
    }
    return removed;
  }

  private List<JsonNode> selected(String prefix) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(base.resolve(list)).GET(), "GET " + list);
    if (response.statusCode() / 100 != 2) {
      throw new CleanupException(
          id + ": GET " + list + " answered " + response.statusCode() + body(response));
    }
    JsonNode array;
    try {
      array = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new CleanupException(
          id + ": GET " + list + " did not return JSON (" + e.getMessage() + ")" + body(response));
    }
    if (array == null || !array.isArray()) {
      throw new CleanupException(
          id
              + ": GET "
              + list
              + " must return a JSON array, got "
              + (array == null ? "nothing" : array.getNodeType().name().toLowerCase())
              + body(response));
    }
    List<JsonNode> selected = new ArrayList<>();
    for (JsonNode element : array) {
      JsonNode value = element.at(name);
      if (value.isMissingNode()) {
        throw new CleanupException(
            id
                + ": the JSON pointer "
                + name
                + " selects nothing in an element of GET "
                + list
                + ": "
                + element
                + " (fix 'name')");
      }
      if (value.isTextual() && value.asText().startsWith(prefix)) {
        selected.add(element);
      }
    }
    return selected;
  }

  private String fill(JsonNode element) {
    Matcher matcher = FIELD.matcher(delete);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      JsonNode value = element.at(JsonPointer.compile("/" + matcher.group(1).replace(".", "/")));
      if (value.isMissingNode() || value.isNull()) {
        throw new CleanupException(
            id
                + ": '{"
                + matcher.group(1)
                + "}' in delete path "
                + delete
                + " is not a field of "
                + element);
      }
      matcher.appendReplacement(
          out,
          Matcher.quoteReplacement(
              URLEncoder.encode(value.asText(), StandardCharsets.UTF_8).replace("+", "%20")));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String what) {
    headers.forEach(request::header);
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CleanupException(id + ": " + what + " on " + base + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CleanupException(id + ": " + what + " interrupted");
    }
  }

  private static String body(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body().strip();
    return body.isEmpty()
        ? ""
        : ": " + (body.length() > 300 ? body.substring(0, 297) + "..." : body);
  }
}
