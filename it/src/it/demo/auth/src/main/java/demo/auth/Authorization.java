package demo.auth;

import demo.common.Exchange;
import demo.common.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The authorization endpoint. Consent is automatic for the demo's user ({@code login_hint}, or
 * {@code demo-user}); everything else is checked as a real server must: the client, the exact
 * redirect URI, PKCE S256, the scope. The code is bound to client, redirect URI and challenge.
 */
final class Authorization {

  static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final Store store;

  Authorization(Store store) {
    this.store = store;
  }

  void authorize(Exchange exchange) throws Exception {
    Map<String, String> query = exchange.query();
    // Until client and redirect URI are known good, errors go to the user agent, never to a
    // redirect (RFC 6749 §4.1.2.1): an open redirector would leak codes.
    Optional<Client> client =
        query.containsKey("client_id") ? store.client(query.get("client_id")) : Optional.empty();
    if (client.isEmpty()) {
      refuse(exchange, "unknown or missing client_id: " + query.getOrDefault("client_id", ""));
      return;
    }
    String redirectUri = query.get("redirect_uri");
    if (redirectUri == null && client.get().redirectUris().size() == 1) {
      redirectUri = client.get().redirectUris().get(0);
    }
    if (redirectUri == null || !client.get().redirectUris().contains(redirectUri)) {
      refuse(exchange, "redirect_uri is not registered for this client: " + redirectUri);
      return;
    }
    String state = query.get("state");
    String error = check(query, client.get());
    if (error != null) {
      int colon = error.indexOf(':');
      redirect(
          exchange,
          redirectUri,
          state,
          Map.of("error", error.substring(0, colon), "error_description", error.substring(colon + 2)),
          exchange.baseUrl());
      return;
    }
    String scope = query.getOrDefault("scope", client.get().scope());
    String subject = query.getOrDefault("login_hint", "demo-user");
    String code = Tokens.random();
    store.insertCode(
        Tokens.digest(code),
        new Store.Code(
            client.get().id(),
            redirectUri,
            query.get("code_challenge"),
            scope,
            subject,
            Instant.now().plus(CODE_LIFETIME),
            false));
    redirect(exchange, redirectUri, state, Map.of("code", code), exchange.baseUrl());
  }

  /** Answers the user agent itself: no redirect to a URI that is not known good. */
  private static void refuse(Exchange exchange, String description) {
    exchange.json(400, Map.of("error", "invalid_request", "error_description", description));
  }

  /** The first problem as {@code "error: description"}, or null. */
  private static String check(Map<String, String> query, Client client) {
    if (!"code".equals(query.get("response_type"))) {
      return "unsupported_response_type: response_type must be 'code'";
    }
    if (!client.allows("authorization_code")) {
      return "unauthorized_client: the client did not register the authorization_code grant";
    }
    if (!query.containsKey("code_challenge")) {
      return "invalid_request: code_challenge is required (PKCE, RFC 7636)";
    }
    if (!"S256".equals(query.get("code_challenge_method"))) {
      return "invalid_request: code_challenge_method must be S256";
    }
    if (!Pkce.isChallenge(query.get("code_challenge"))) {
      return "invalid_request: code_challenge must be 43 base64url characters";
    }
    String scope = query.get("scope");
    if (scope != null
        && !Arrays.asList(client.scope().split(" ")).containsAll(Arrays.asList(scope.split(" ")))) {
      return "invalid_scope: the client may ask for '" + client.scope() + "' only";
    }
    String subject = query.get("login_hint");
    if (subject != null && !SUBJECT.matcher(subject).matches()) {
      return "invalid_request: login_hint must be 1 to 64 of [A-Za-z0-9._@-]";
    }
    return null;
  }

  /** Redirects with the parameters, {@code state} and {@code iss} (RFC 9207) appended. */
  private static void redirect(
      Exchange exchange,
      String redirectUri,
      String state,
      Map<String, String> parameters,
      String issuer) {
    Map<String, String> all = new LinkedHashMap<>(parameters);
    if (state != null) {
      all.put("state", state);
    }
    all.put("iss", issuer);
    StringBuilder location = new StringBuilder(redirectUri);
    char separator = redirectUri.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> entry : all.entrySet()) {
      location
          .append(separator)
          .append(entry.getKey())
          .append('=')
          .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    exchange.redirect(location.toString());
  }
}
