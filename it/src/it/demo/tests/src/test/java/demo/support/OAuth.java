package demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.TestData;
import java.net.URI;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A test's OAuth client of the real authorization server. Every client it registers is named
 * through {@link TestData} ({@code TEST client 3f2a9c}) and removed after the test.
 */
public final class OAuth {

  public static final String REDIRECT_URI = "http://127.0.0.1:9/callback";

  /** A registered client. {@code secret} is null for a public one. */
  public record Client(String id, String secret, String name, List<String> redirectUris) {
    public String redirectUri() {
      return redirectUris.get(0);
    }
  }

  /** What the token endpoint answered with. */
  public record Tokens(String access, String refresh, JsonNode response) {}

  private final ServiceEndpoint auth;
  private final TestData data;

  public OAuth(ServiceEndpoint auth, TestData data) {
    this.auth = auth;
    this.data = data;
  }

  public URI url(String path) {
    return auth.url(path);
  }

  /** RFC 7591 registration of {@code metadata}, with a TEST name, removed after the test. */
  public Http.Response registerRaw(Consumer<ObjectNode> metadata) {
    ObjectNode request = Http.JSON.createObjectNode();
    request.put("client_name", data.name("client"));
    request.putArray("redirect_uris").add(REDIRECT_URI);
    request.putArray("grant_types").add("authorization_code").add("refresh_token");
    request.put("token_endpoint_auth_method", "none");
    metadata.accept(request);
    Http.Response response = Http.postJson(auth.url("/register"), request);
    if (response.status() == 201) {
      String id = response.json().get("client_id").asText();
      data.onTeardown(() -> deleteClient(id));
    }
    return response;
  }

  public Client register(Consumer<ObjectNode> metadata) {
    Http.Response response = registerRaw(metadata);
    assertEquals(201, response.status(), () -> "registration: " + response);
    JsonNode body = response.json();
    List<String> uris = Http.JSON.convertValue(body.get("redirect_uris"), List.class);
    return new Client(
        body.get("client_id").asText(),
        body.has("client_secret") ? body.get("client_secret").asText() : null,
        body.get("client_name").asText(),
        uris);
  }

  /** A public client (PKCE only, no secret), as MCP clients register. */
  public Client registerPublic() {
    return register(request -> {});
  }

  /** GET /authorize with PKCE; the raw answer (a 302 when all is well). */
  public Http.Response authorize(Client client, Pkce pkce, Map<String, String> overrides) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", client.id());
    query.put("redirect_uri", client.redirectUri());
    query.put("code_challenge", pkce.challenge());
    query.put("code_challenge_method", "S256");
    query.put("state", "st-" + System.nanoTime());
    query.putAll(overrides);
    StringBuilder uri = new StringBuilder("/authorize?");
    query.forEach(
        (k, v) -> {
          if (v != null) {
            uri.append(Http.encode(k)).append('=').append(Http.encode(v)).append('&');
          }
        });
    return Http.get(auth.url(uri.substring(0, uri.length() - 1)));
  }

  /** The code of a successful authorization (automatic consent for {@code user}). */
  public String code(Client client, Pkce pkce, String user) {
    Http.Response response = authorize(client, pkce, Map.of("login_hint", user));
    assertEquals(302, response.status(), () -> "authorize: " + response);
    Map<String, String> query = Http.query(URI.create(response.header("Location").orElseThrow()));
    return query.get("code");
  }

  /** POST /token for a code; the raw answer. */
  public Http.Response exchange(Client client, String code, String verifier, String redirectUri) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", verifier);
    return tokenRequest(client, form);
  }

  public Http.Response refresh(Client client, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return tokenRequest(client, form);
  }

  private Http.Response tokenRequest(Client client, Map<String, String> form) {
    return tokenRequestTo("/token", client, form);
  }

  /** Registration, authorization with PKCE and token exchange: a fresh access token. */
  public Tokens tokens(Client client, String user) {
    Pkce pkce = Pkce.create();
    Http.Response response =
        exchange(client, code(client, pkce, user), pkce.verifier(), client.redirectUri());
    assertEquals(200, response.status(), () -> "token: " + response);
    return tokens(response);
  }

  public static Tokens tokens(Http.Response response) {
    JsonNode body = response.json();
    return new Tokens(
        body.get("access_token").asText(),
        body.has("refresh_token") ? body.get("refresh_token").asText() : null,
        body);
  }

  /** An access token of a new public client. */
  public String accessToken() {
    return tokens(registerPublic(), "demo-user").access();
  }

  /** RFC 7662, with the resource server's credentials (as the MCP server calls it). */
  public JsonNode introspect(String token) {
    Http.Response response =
        Http.postForm(
            auth.url("/introspect"),
            Map.of("token", token),
            "Authorization",
            basic("mcp", DemoSecrets.introspectionSecret()));
    assertEquals(200, response.status(), () -> "introspect: " + response);
    return response.json();
  }

  public Http.Response revoke(Client client, String token) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token);
    return tokenRequestTo("/revoke", client, form);
  }

  /** A public client names itself; a confidential one authenticates with HTTP Basic. */
  private Http.Response tokenRequestTo(String path, Client client, Map<String, String> form) {
    if (client.secret() == null) {
      form.put("client_id", client.id());
      return Http.postForm(auth.url(path), form);
    }
    return Http.postForm(auth.url(path), form, "Authorization", basic(client.id(), client.secret()));
  }

  public JsonNode adminClients() {
    Http.Response response = Http.get(auth.url("/admin/clients"), admin());
    assertEquals(200, response.status(), () -> "admin clients: " + response);
    return response.json();
  }

  public void setRegistrationOpen(boolean open) {
    Http.Response response = Http.put(auth.url("/admin/registration"), Map.of("open", open), admin());
    assertEquals(200, response.status(), () -> "admin registration: " + response);
  }

  private void deleteClient(String id) {
    Http.Response response = Http.delete(auth.url("/admin/clients/" + id), admin());
    if (response.status() != 204) {
      throw new AssertionError("could not remove client " + id + ": " + response);
    }
  }

  private static String[] admin() {
    return new String[] {"Authorization", "Bearer " + DemoSecrets.adminToken()};
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder().encodeToString((Http.encode(user) + ":" + Http.encode(password)).getBytes());
  }
}
