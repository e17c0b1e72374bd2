package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import demo.support.Http;
import demo.support.OAuth;
import demo.support.Pkce;
import dev.jtest.junit.ComposeService;
import dev.jtest.junit.RunSerially;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.TestData;
import dev.jtest.junit.WithServices;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration, the authorization code flow with PKCE, token exchange and refresh. */
@WithServices
class OAuthFlowIT {

  private final ServiceEndpoint auth;
  private final OAuth oauth;

  OAuthFlowIT(@ComposeService("auth") ServiceEndpoint auth, TestData data) {
    this.auth = auth;
    this.oauth = new OAuth(auth, data);
  }

  @Test
  void metadataDescribesTheServer() {
    Http.Response response = Http.get(auth.url("/.well-known/oauth-authorization-server"));

    assertEquals(200, response.status());
    JsonNode metadata = response.json();
    String issuer = auth.url().toString();
    assertEquals(issuer, metadata.get("issuer").asText());
    assertEquals(issuer + "/authorize", metadata.get("authorization_endpoint").asText());
    assertEquals(issuer + "/token", metadata.get("token_endpoint").asText());
    assertEquals(issuer + "/register", metadata.get("registration_endpoint").asText());
    assertEquals(issuer + "/introspect", metadata.get("introspection_endpoint").asText());
    assertEquals("[\"S256\"]", metadata.get("code_challenge_methods_supported").toString());
    assertEquals("[\"code\"]", metadata.get("response_types_supported").toString());
  }

  @Test
  void registersAPublicClient() {
    Http.Response response = oauth.registerRaw(request -> {});

    assertEquals(201, response.status(), response::toString);
    JsonNode client = response.json();
    assertTrue(client.get("client_name").asText().startsWith("TEST client "));
    assertEquals("none", client.get("token_endpoint_auth_method").asText());
    assertFalse(client.has("client_secret"), "a public client gets no secret");
    assertEquals("[\"" + OAuth.REDIRECT_URI + "\"]", client.get("redirect_uris").toString());
    String id = client.get("client_id").asText();
    assertTrue(
        oauth.adminClients().findValuesAsText("client_id").contains(id),
        "the admin API lists the new client");
  }

  @Test
  void authorizationCodeFlowWithPkce() {
    OAuth.Client client = oauth.registerPublic();
    Pkce pkce = Pkce.create();

    Http.Response authorize = oauth.authorize(client, pkce, Map.of("state", "xyz-1", "login_hint", "alice"));

    assertEquals(302, authorize.status(), authorize::toString);
    URI location = URI.create(authorize.header("Location").orElseThrow());
    assertTrue(location.toString().startsWith(OAuth.REDIRECT_URI + "?"), location::toString);
    Map<String, String> query = Http.query(location);
    assertEquals("xyz-1", query.get("state"));
    assertEquals(auth.url().toString(), query.get("iss"));
    String code = query.get("code");
    assertNotNull(code);

    Http.Response token = oauth.exchange(client, code, pkce.verifier(), client.redirectUri());

    assertEquals(200, token.status(), token::toString);
    assertEquals("no-store", token.header("Cache-Control").orElse(""));
    JsonNode body = token.json();
    assertEquals("Bearer", body.get("token_type").asText());
    assertEquals("mcp:tools", body.get("scope").asText());
    assertTrue(body.get("expires_in").asInt() > 0);
    JsonNode introspection = oauth.introspect(body.get("access_token").asText());
    assertTrue(introspection.get("active").asBoolean());
    assertEquals("alice", introspection.get("sub").asText());
    assertEquals(client.id(), introspection.get("client_id").asText());
  }

  @Test
  void confidentialClientAuthenticatesWithItsSecret() {
    OAuth.Client client =
        oauth.register(request -> request.put("token_endpoint_auth_method", "client_secret_basic"));
    assertNotNull(client.secret(), "a confidential client gets a secret");

    OAuth.Tokens tokens = oauth.tokens(client, "bob");

    assertTrue(oauth.introspect(tokens.access()).get("active").asBoolean());
    OAuth.Client impostor = new OAuth.Client(client.id(), "not-the-secret", client.name(), client.redirectUris());
    Http.Response refused = oauth.refresh(impostor, tokens.refresh());
    assertEquals(401, refused.status(), refused::toString);
    assertEquals("invalid_client", refused.json().get("error").asText());
  }

  @Test
  void refreshRotatesTheRefreshToken() {
    OAuth.Client client = oauth.registerPublic();
    OAuth.Tokens first = oauth.tokens(client, "carol");

    Http.Response refreshed = oauth.refresh(client, first.refresh());

    assertEquals(200, refreshed.status(), refreshed::toString);
    OAuth.Tokens second = OAuth.tokens(refreshed);
    assertNotEquals(first.access(), second.access());
    assertNotEquals(first.refresh(), second.refresh());
    assertEquals("carol", oauth.introspect(second.access()).get("sub").asText());
    Http.Response reused = oauth.refresh(client, first.refresh());
    assertEquals(400, reused.status(), reused::toString);
    assertEquals("invalid_grant", reused.json().get("error").asText());
  }

  @Test
  void clientWithoutTheRefreshGrantGetsNoRefreshToken() {
    OAuth.Client client = oauth.register(request -> request.putArray("grant_types").add("authorization_code"));

    OAuth.Tokens tokens = oauth.tokens(client, "dave");

    assertNull(tokens.refresh());
  }

  /** Closing registration changes what every other test would see: it runs alone. */
  @Test
  @RunSerially
  void administratorCanCloseRegistration() {
    oauth.setRegistrationOpen(false);
    try {
      Http.Response refused = oauth.registerRaw(request -> {});
      assertEquals(403, refused.status(), refused::toString);
      assertEquals("access_denied", refused.json().get("error").asText());
    } finally {
      oauth.setRegistrationOpen(true);
    }
    assertEquals(201, oauth.registerRaw(request -> {}).status());
  }
}
