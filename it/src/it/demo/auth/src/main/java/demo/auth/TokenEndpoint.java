package demo.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import demo.common.Exchange;
import demo.common.Json;
import demo.common.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The token endpoint (authorization code and refresh grants), introspection and revocation. */
final class TokenEndpoint {

  static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

  private final Store store;
  private final String resourceServerId;
  private final String resourceServerSecret;
  private final Optional<String> issuer;

  TokenEndpoint(
      Store store, String resourceServerId, String resourceServerSecret, Optional<String> issuer) {
    this.store = store;
    this.resourceServerId = resourceServerId;
    this.resourceServerSecret = resourceServerSecret;
    this.issuer = issuer;
  }

  void token(Exchange exchange) throws Exception {
    try {
      Map<String, String> form = form(exchange);
      Client client = authenticate(exchange, form);
      String grant = form.get("grant_type");
      if (grant == null) {
        throw OAuthError.invalidRequest("grant_type is required");
      }
      ObjectNode response =
          switch (grant) {
            case "authorization_code" -> redeemCode(client, form);
            case "refresh_token" -> refresh(client, form);
            default ->
                throw new OAuthError(
                    400, "unsupported_grant_type", "grant_type '" + grant + "' is not supported");
          };
      exchange.header("Cache-Control", "no-store").json(200, response);
    } catch (OAuthError error) {
      error.send(exchange);
    }
  }

  private ObjectNode redeemCode(Client client, Map<String, String> form) throws Exception {
    String code = form.get("code");
    if (code == null) {
      throw OAuthError.invalidRequest("code is required");
    }
    String codeDigest = Tokens.digest(code);
    Store.Code issued =
        store
            .consumeCode(codeDigest)
            .orElseThrow(() -> OAuthError.invalidGrant("unknown authorization code"));
    if (issued.usedBefore()) {
      int revoked = store.revokeTokensOfCode(codeDigest);
      throw OAuthError.invalidGrant(
          "authorization code already used; the " + revoked + " token(s) issued for it are revoked");
    }
    if (Instant.now().isAfter(issued.expiresAt())) {
      throw OAuthError.invalidGrant("authorization code expired");
    }
    if (!issued.clientId().equals(client.id())) {
      throw OAuthError.invalidGrant("authorization code was issued to another client");
    }
    if (!issued.redirectUri().equals(form.get("redirect_uri"))) {
      throw OAuthError.invalidGrant(
          "redirect_uri does not match the one of the authorization request");
    }
    Pkce.verify(form.get("code_verifier"), issued.challenge());
    return issue(client, issued.scope(), issued.subject(), codeDigest);
  }

  private ObjectNode refresh(Client client, Map<String, String> form) throws Exception {
    if (!client.allows("refresh_token")) {
      throw new OAuthError(
          400, "unauthorized_client", "the client did not register the refresh_token grant");
    }
    String token = form.get("refresh_token");
    if (token == null) {
      throw OAuthError.invalidRequest("refresh_token is required");
    }
    Store.Token old =
        store
            .redeemRefreshToken(Tokens.digest(token))
            .orElseThrow(
                () -> OAuthError.invalidGrant("refresh token unknown, revoked or already used"));
    if (!old.clientId().equals(client.id())) {
      throw OAuthError.invalidGrant("refresh token was issued to another client");
    }
    if (!Instant.now().isBefore(old.expiresAt())) {
      throw OAuthError.invalidGrant("refresh token expired");
    }
    String scope = form.getOrDefault("scope", old.scope());
    if (!Arrays.asList(old.scope().split(" ")).containsAll(Arrays.asList(scope.split(" ")))) {
      throw new OAuthError(400, "invalid_scope", "a refresh may narrow the scope, not widen it");
    }
    return issue(client, scope, old.subject(), null);
  }

  private ObjectNode issue(Client client, String scope, String subject, String codeDigest)
      throws Exception {
    Instant now = Instant.now();
    String access = Tokens.random();
    store.insertToken(
        Tokens.digest(access),
        "access",
        codeDigest,
        new Store.Token(
            "access",
            client.id(),
            scope,
            subject,
            now,
            now.plusSeconds(client.accessTokenSeconds()),
            false));
    ObjectNode response = Json.object();
    response.put("access_token", access);
    response.put("token_type", "Bearer");
    response.put("expires_in", client.accessTokenSeconds());
    response.put("scope", scope);
    if (client.allows("refresh_token")) {
      String refresh = Tokens.random();
      store.insertToken(
          Tokens.digest(refresh),
          "refresh",
          codeDigest,
          new Store.Token(
              "refresh", client.id(), scope, subject, now, now.plus(REFRESH_LIFETIME), false));
      response.put("refresh_token", refresh);
    }
    return response;
  }

  /** RFC 7662, for the resource server (HTTP Basic with its credentials). */
  void introspect(Exchange exchange) throws Exception {
    try {
      String[] credentials =
          exchange
              .basicCredentials()
              .orElseThrow(
                  () -> OAuthError.invalidClient("introspection needs the resource server's credentials"));
      if (!Tokens.same(credentials[0], resourceServerId)
          || !Tokens.same(credentials[1], resourceServerSecret)) {
        throw OAuthError.invalidClient("wrong resource server credentials");
      }
      String token = form(exchange).get("token");
      if (token == null) {
        throw OAuthError.invalidRequest("token is required");
      }
      Optional<Store.Token> found = store.token(Tokens.digest(token));
      ObjectNode response = Json.object();
      if (found.isEmpty() || !found.get().activeAt(Instant.now())) {
        response.put("active", false);
      } else {
        Store.Token active = found.get();
        response.put("active", true);
        response.put("scope", active.scope());
        response.put("client_id", active.clientId());
        response.put("sub", active.subject());
        response.put("username", active.subject());
        response.put("token_type", active.kind().equals("access") ? "Bearer" : "refresh_token");
        response.put("iat", active.issuedAt().getEpochSecond());
        response.put("exp", active.expiresAt().getEpochSecond());
        response.put("iss", issuer.orElse(exchange.baseUrl()));
      }
      exchange.header("Cache-Control", "no-store").json(200, response);
    } catch (OAuthError error) {
      error.send(exchange);
    }
  }

  /** RFC 7009: the same 200 whether the token existed, so nothing can be probed. */
  void revoke(Exchange exchange) throws Exception {
    try {
      Map<String, String> form = form(exchange);
      Client client = authenticate(exchange, form);
      String token = form.get("token");
      if (token == null) {
        throw OAuthError.invalidRequest("token is required");
      }
      store.revoke(Tokens.digest(token), client.id());
      exchange.empty(200);
    } catch (OAuthError error) {
      error.send(exchange);
    }
  }

  private static Map<String, String> form(Exchange exchange) throws OAuthError {
    String type = exchange.header("Content-Type").orElse("");
    if (!type.startsWith("application/x-www-form-urlencoded")) {
      throw OAuthError.invalidRequest("the body must be application/x-www-form-urlencoded");
    }
    return exchange.form();
  }

  /**
   * The client: a public one names itself with {@code client_id}; a confidential one proves it
   * with its secret, in {@code Authorization: Basic} or the form (RFC 6749 §2.3.1).
   */
  private Client authenticate(Exchange exchange, Map<String, String> form) throws Exception {
    Optional<String[]> basic = exchange.basicCredentials();
    String id = basic.map(c -> c[0]).orElse(form.get("client_id"));
    String secret = basic.map(c -> c[1]).orElse(form.get("client_secret"));
    if (id == null) {
      throw OAuthError.invalidClient("client authentication failed: no client_id");
    }
    Client client =
        store
            .client(id)
            .orElseThrow(() -> OAuthError.invalidClient("client authentication failed: unknown client"));
    if (client.isPublic()) {
      return client;
    }
    String expected =
        client.authMethod().equals("client_secret_basic") ? "client_secret_basic" : "client_secret_post";
    boolean usedBasic = basic.isPresent();
    if (secret == null
        || usedBasic != expected.equals("client_secret_basic")
        || !Tokens.same(Tokens.digest(secret), client.secretDigest())) {
      throw OAuthError.invalidClient(
          "client authentication failed: the client must authenticate with " + expected);
    }
    return client;
  }
}
