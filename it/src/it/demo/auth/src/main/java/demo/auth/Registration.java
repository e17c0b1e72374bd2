package demo.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import demo.common.Exchange;
import demo.common.Json;
import demo.common.Tokens;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Dynamic client registration (RFC 7591), unless the admin closed it. */
final class Registration {

  private static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token");
  private static final Set<String> AUTH_METHODS =
      Set.of("none", "client_secret_basic", "client_secret_post");

  private final Store store;
  private final int defaultTokenSeconds;

  Registration(Store store, int defaultTokenSeconds) {
    this.store = store;
    this.defaultTokenSeconds = defaultTokenSeconds;
  }

  void register(Exchange exchange) throws Exception {
    try {
      if (!store.registrationOpen()) {
        throw new OAuthError(
            403, "access_denied", "dynamic client registration is closed by the administrator");
      }
      JsonNode request = exchange.json();
      if (request == null || !request.isObject()) {
        throw metadataError("the body must be a JSON object of client metadata");
      }
      Client client = client(request);
      String secret = client.isPublic() ? null : Tokens.random();
      Client stored =
          new Client(
              client.id(),
              secret == null ? null : Tokens.digest(secret),
              client.name(),
              client.redirectUris(),
              client.grantTypes(),
              client.authMethod(),
              client.scope(),
              client.accessTokenSeconds(),
              client.createdAt());
      store.insertClient(stored);
      ObjectNode response = Json.object();
      response.put("client_id", stored.id());
      response.put("client_id_issued_at", stored.createdAt().getEpochSecond());
      if (secret != null) {
        response.put("client_secret", secret);
        response.put("client_secret_expires_at", 0);
      }
      response.put("client_name", stored.name());
      response.putPOJO("redirect_uris", stored.redirectUris());
      response.putPOJO("grant_types", stored.grantTypes());
      response.putPOJO("response_types", List.of("code"));
      response.put("token_endpoint_auth_method", stored.authMethod());
      response.put("scope", stored.scope());
      response.put("x_access_token_ttl", stored.accessTokenSeconds());
      exchange.header("Cache-Control", "no-store").json(201, response);
    } catch (OAuthError error) {
      error.send(exchange);
    }
  }

  private Client client(JsonNode request) throws OAuthError {
    List<String> redirectUris = strings(request, "redirect_uris", List.of());
    if (redirectUris.isEmpty()) {
      throw new OAuthError(
          400, "invalid_redirect_uri", "redirect_uris is required: at least one redirect URI");
    }
    for (String uri : redirectUris) {
      checkRedirectUri(uri);
    }
    List<String> grants = strings(request, "grant_types", List.of("authorization_code"));
    for (String grant : grants) {
      if (!GRANTS.contains(grant)) {
        throw metadataError("grant_types: '" + grant + "' is not supported; use " + GRANTS);
      }
    }
    List<String> responseTypes = strings(request, "response_types", List.of("code"));
    if (!responseTypes.equals(List.of("code"))) {
      throw metadataError("response_types: only [\"code\"] is supported");
    }
    String method = text(request, "token_endpoint_auth_method", "client_secret_basic");
    if (!AUTH_METHODS.contains(method)) {
      throw metadataError(
          "token_endpoint_auth_method: '" + method + "' is not supported; use " + AUTH_METHODS);
    }
    String scope = text(request, "scope", String.join(" ", AuthServer.SCOPES));
    for (String each : scope.split(" ")) {
      if (!AuthServer.SCOPES.contains(each)) {
        throw new OAuthError(400, "invalid_client_metadata", "scope: unknown scope '" + each + "'");
      }
    }
    int ttl = defaultTokenSeconds;
    JsonNode ttlNode = request.get("x_access_token_ttl");
    if (ttlNode != null) {
      if (!ttlNode.canConvertToInt() || ttlNode.asInt() < 1 || ttlNode.asInt() > 86400) {
        throw metadataError("x_access_token_ttl must be a number of seconds from 1 to 86400");
      }
      ttl = ttlNode.asInt();
    }
    return new Client(
        UUID.randomUUID().toString(),
        null,
        text(request, "client_name", ""),
        redirectUris,
        grants,
        method,
        scope,
        ttl,
        Instant.now());
  }

  /** Absolute, no fragment (RFC 6749 §3.1.2); plain http only to the loopback (OAuth 2.1). */
  private static void checkRedirectUri(String text) throws OAuthError {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new OAuthError(400, "invalid_redirect_uri", "not a URI: " + text);
    }
    if (!uri.isAbsolute() || uri.getFragment() != null) {
      throw new OAuthError(
          400, "invalid_redirect_uri", "must be absolute and without a fragment: " + text);
    }
    if ("http".equals(uri.getScheme())
        && !Arrays.asList("localhost", "127.0.0.1", "[::1]").contains(uri.getHost())) {
      throw new OAuthError(
          400, "invalid_redirect_uri", "plain http is allowed for the loopback only: " + text);
    }
  }

  private static List<String> strings(JsonNode request, String field, List<String> fallback)
      throws OAuthError {
    JsonNode node = request.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isArray()) {
      throw metadataError(field + " must be an array of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw metadataError(field + " must be an array of strings");
      }
      values.add(element.asText());
    }
    return values;
  }

  private static String text(JsonNode request, String field, String fallback) throws OAuthError {
    JsonNode node = request.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isTextual()) {
      throw metadataError(field + " must be a string");
    }
    return node.asText();
  }

  private static OAuthError metadataError(String description) {
    return new OAuthError(400, "invalid_client_metadata", description);
  }
}
