package demo.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import demo.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Asks the authorization server whether a bearer token is active (RFC 7662). No cache: a revoked
 * token is refused on its next request.
 */
final class Introspection {

  /** What an active token grants. */
  record Grant(String clientId, String subject, String scope) {
    boolean has(String wanted) {
      for (String each : scope.split(" ")) {
        if (each.equals(wanted)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The authorization server could not answer. */
  static final class Unavailable extends Exception {
    Unavailable(String message) {
      super(message);
    }
  }

  private final URI endpoint;
  private final String credentials;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(3))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  Introspection(URI authServer, String clientId, String secret) {
    this.endpoint = authServer.resolve("/introspect");
    this.credentials =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** The grant of an active access token; empty when the token is unknown, expired or revoked. */
  Optional<Grant> check(String token) throws Unavailable {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", credentials)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "&token_type_hint=access_token"))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unavailable("introspection at " + endpoint + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
    if (response.statusCode() != 200) {
      throw new Unavailable(
          "introspection at " + endpoint + " answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new Unavailable("introspection answered no JSON: " + response.body());
    }
    if (!body.path("active").asBoolean(false) || !"Bearer".equals(body.path("token_type").asText())) {
      return Optional.empty();
    }
    return Optional.of(
        new Grant(
            body.path("client_id").asText(), body.path("sub").asText(), body.path("scope").asText()));
  }
}
