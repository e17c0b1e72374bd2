package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import demo.support.Http;
import demo.support.Mcp;
import demo.support.OAuth;
import demo.support.Pkce;
import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.TestData;
import dev.jtest.junit.WithServices;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real refusals: 401s from the MCP server, and every way a token request can be wrong. */
@WithServices
class ErrorHandlingIT {

  private final ServiceEndpoint mcp;
  private final OAuth oauth;

  ErrorHandlingIT(
      @ComposeService("auth") ServiceEndpoint auth, @ComposeService("mcp") ServiceEndpoint mcp, TestData data) {
    this.mcp = mcp;
    this.oauth = new OAuth(auth, data);
  }

  private void assertInvalidToken(String token) {
    Http.Response response = new Mcp(mcp, token).initialize(Mcp.VERSION);
    assertEquals(401, response.status(), response::toString);
    String challenge = response.header("WWW-Authenticate").orElse("");
    assertTrue(challenge.startsWith("Bearer "), challenge);
    assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
  }

  @Test
  void noTokenIs401PointingAtTheResourceMetadata() {
    Http.Response response =
        Http.postJson(mcp.url("/mcp"), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");

    assertEquals(401, response.status());
    String metadataUrl = mcp.url("/.well-known/oauth-protected-resource/mcp").toString();
    assertEquals(
        "Bearer resource_metadata=\"" + metadataUrl + "\"",
        response.header("WWW-Authenticate").orElse(""));
    JsonNode metadata = Http.get(URI.create(metadataUrl)).json();
    assertEquals("[\"mcp:tools\"]", metadata.get("scopes_supported").toString());
    assertEquals("[\"header\"]", metadata.get("bearer_methods_supported").toString());
  }

  @Test
  void anUnknownTokenIs401() {
    assertInvalidToken("made-up-token-that-auth-never-issued");
  }

  @Test
  void anExpiredTokenIs401() throws InterruptedException {
    // Three seconds: long enough to be seen valid first even on a loaded machine.
    OAuth.Client client = oauth.register(request -> request.put("x_access_token_ttl", 3));
    OAuth.Tokens tokens = oauth.tokens(client, "erin");
    assertEquals(3, tokens.response().get("expires_in").asInt());
    assertEquals(200, new Mcp(mcp, tokens.access()).initialize(Mcp.VERSION).status(), "valid at first");
    long expiresAt = oauth.introspect(tokens.access()).get("exp").asLong() * 1000;

    // exp is in whole seconds and rounded down: past it by more than a second, the token is dead.
    Thread.sleep(Math.max(0, expiresAt + 1_100 - System.currentTimeMillis()));

    assertInvalidToken(tokens.access());
  }

  @Test
  void aRevokedTokenIs401() {
    OAuth.Client client = oauth.registerPublic();
    OAuth.Tokens tokens = oauth.tokens(client, "frank");

    assertEquals(200, oauth.revoke(client, tokens.access()).status());

    assertInvalidToken(tokens.access());
  }

  @Test
  void aWrongPkceVerifierIsRefused() {
    OAuth.Client client = oauth.registerPublic();
    Pkce pkce = Pkce.create();
    String code = oauth.code(client, pkce, "gina");

    Http.Response response = oauth.exchange(client, code, Pkce.create().verifier(), client.redirectUri());

    assertEquals(400, response.status(), response::toString);
    assertEquals("invalid_grant", response.json().get("error").asText());
    assertTrue(response.json().get("error_description").asText().contains("PKCE"));
  }

  @Test
  void aMissingPkceVerifierIsRefused() {
    OAuth.Client client = oauth.registerPublic();
    String code = oauth.code(client, Pkce.create(), "gina");

    Http.Response response = oauth.exchange(client, code, "", client.redirectUri());

    assertEquals(400, response.status(), response::toString);
    assertEquals("invalid_request", response.json().get("error").asText());
  }

  @Test
  void aReusedCodeIsRefusedAndRevokesWhatItGave() {
    OAuth.Client client = oauth.registerPublic();
    Pkce pkce = Pkce.create();
    String code = oauth.code(client, pkce, "hank");
    Http.Response first = oauth.exchange(client, code, pkce.verifier(), client.redirectUri());
    assertEquals(200, first.status(), first::toString);

    Http.Response second = oauth.exchange(client, code, pkce.verifier(), client.redirectUri());

    assertEquals(400, second.status(), second::toString);
    assertEquals("invalid_grant", second.json().get("error").asText());
    assertFalse(oauth.introspect(OAuth.tokens(first).access()).get("active").asBoolean());
    assertInvalidToken(OAuth.tokens(first).access());
  }

  @Test
  void anUnregisteredRedirectUriIsNeverRedirectedTo() {
    OAuth.Client client = oauth.registerPublic();

    Http.Response response =
        oauth.authorize(client, Pkce.create(), Map.of("redirect_uri", "http://127.0.0.1:9/evil"));

    assertEquals(400, response.status(), response::toString);
    assertTrue(response.header("Location").isEmpty());
  }

  @Test
  void theTokenRequestMustRepeatTheRedirectUri() {
    OAuth.Client client =
        oauth.register(
            request ->
                request.putArray("redirect_uris").add(OAuth.REDIRECT_URI).add("http://127.0.0.1:9/other"));
    Pkce pkce = Pkce.create();
    String code = oauth.code(client, pkce, "ivy");

    Http.Response response = oauth.exchange(client, code, pkce.verifier(), "http://127.0.0.1:9/other");

    assertEquals(400, response.status(), response::toString);
    assertEquals("invalid_grant", response.json().get("error").asText());
  }

  @Test
  void authorizationWithoutPkceIsRefusedThroughTheRedirect() {
    OAuth.Client client = oauth.registerPublic();
    Map<String, String> noChallenge = new HashMap<>();
    noChallenge.put("code_challenge", null);
    noChallenge.put("code_challenge_method", null);

    Http.Response missing = oauth.authorize(client, Pkce.create(), noChallenge);
    Http.Response plain =
        oauth.authorize(client, Pkce.create(), Map.of("code_challenge_method", "plain"));

    for (Http.Response response : new Http.Response[] {missing, plain}) {
      assertEquals(302, response.status(), response::toString);
      Map<String, String> query = Http.query(URI.create(response.header("Location").orElseThrow()));
      assertEquals("invalid_request", query.get("error"), query::toString);
      assertFalse(query.containsKey("code"));
    }
  }

  @Test
  void registrationChecksTheRedirectUris() {
    Http.Response none = oauth.registerRaw(request -> request.putArray("redirect_uris"));
    Http.Response remoteHttp =
        oauth.registerRaw(request -> request.putArray("redirect_uris").add("http://example.test/cb"));

    assertEquals(400, none.status(), none::toString);
    assertEquals("invalid_redirect_uri", none.json().get("error").asText());
    assertEquals(400, remoteHttp.status(), remoteHttp::toString);
    assertEquals("invalid_redirect_uri", remoteHttp.json().get("error").asText());
  }

  @Test
  void introspectionNeedsTheResourceServersCredentials() {
    Http.Response response =
        Http.postForm(
            oauth.url("/introspect"), Map.of("token", "x"), "Authorization", OAuth.basic("mcp", "guess"));

    assertEquals(401, response.status(), response::toString);
    assertEquals("invalid_client", response.json().get("error").asText());
  }
}
