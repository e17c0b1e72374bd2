package demo.auth;

import demo.common.Exchange;
import demo.common.HttpService;
import demo.common.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small OAuth 2.1 authorization server: dynamic client registration (RFC 7591), metadata (RFC
 * 8414), the authorization code grant with PKCE S256 (RFC 7636), refresh token rotation,
 * introspection (RFC 7662), revocation (RFC 7009), and an admin API. State in PostgreSQL.
 *
 * <p>Environment: {@code DB_URL}, {@code DB_USER}, {@code ADMIN_TOKEN}, {@code
 * INTROSPECTION_CLIENT_ID} and {@code INTROSPECTION_SECRET} (the resource server's credentials),
 * optional {@code ACCESS_TOKEN_SECONDS} (3600), {@code ISSUER} (else derived from {@code Host}),
 * {@code PORT} (8080).
 */
public final class AuthServer {

  static final List<String> SCOPES = List.of("mcp:tools");

  private AuthServer() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
    Store store = Store.open(env("DB_URL", null), env("DB_USER", "auth"), Duration.ofSeconds(60));
    Optional<String> issuer = Optional.ofNullable(System.getenv("ISSUER"));
    Registration registration =
        new Registration(store, Integer.parseInt(env("ACCESS_TOKEN_SECONDS", "3600")));
    Authorization authorization = new Authorization(store);
    TokenEndpoint tokens =
        new TokenEndpoint(
            store,
            env("INTROSPECTION_CLIENT_ID", null),
            env("INTROSPECTION_SECRET", null),
            issuer);
    Admin admin = new Admin(store, env("ADMIN_TOKEN", null));
    new HttpService("auth")
        .route("GET", "/health", exchange -> health(exchange, store))
        .route(
            "GET",
            "/.well-known/oauth-authorization-server",
            exchange -> exchange.json(200, metadata(issuer.orElse(exchange.baseUrl()))))
        .route("POST", "/register", registration::register)
        .route("GET", "/authorize", authorization::authorize)
        .route("POST", "/token", tokens::token)
        .route("POST", "/introspect", tokens::introspect)
        .route("POST", "/revoke", tokens::revoke)
        .routePrefix("GET", "/admin/", admin::get)
        .routePrefix("PUT", "/admin/", admin::put)
        .routePrefix("DELETE", "/admin/", admin::delete)
        .start(Integer.parseInt(env("PORT", "8080")));
  }

  private static void health(Exchange exchange, Store store) {
    if (store.healthy()) {
      exchange.json(200, Map.of("status", "ok"));
    } else {
      exchange.json(503, Map.of("status", "database unreachable"));
    }
  }

  /** RFC 8414 §2. */
  static ObjectNode metadata(String issuer) {
    ObjectNode metadata = Json.object();
    metadata.put("issuer", issuer);
    metadata.put("authorization_endpoint", issuer + "/authorize");
    metadata.put("token_endpoint", issuer + "/token");
    metadata.put("registration_endpoint", issuer + "/register");
    metadata.put("introspection_endpoint", issuer + "/introspect");
    metadata.put("revocation_endpoint", issuer + "/revoke");
    metadata.putPOJO("scopes_supported", SCOPES);
    metadata.putPOJO("response_types_supported", List.of("code"));
    metadata.putPOJO("grant_types_supported", List.of("authorization_code", "refresh_token"));
    metadata.putPOJO(
        "token_endpoint_auth_methods_supported",
        List.of("none", "client_secret_basic", "client_secret_post"));
    metadata.putPOJO("code_challenge_methods_supported", List.of("S256"));
    metadata.put("authorization_response_iss_parameter_supported", true);
    return metadata;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      if (fallback == null) {
        throw new IllegalStateException("environment variable " + name + " is required");
      }
      return fallback;
    }
    return value;
  }
}
