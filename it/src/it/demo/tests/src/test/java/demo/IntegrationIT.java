package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import demo.support.Http;
import demo.support.Mcp;
import demo.support.OAuth;
import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.TestData;
import dev.jtest.junit.WithServices;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole path a real MCP client takes, from a 401 to a tool call, then the database state it
 * left: nothing is taken for granted that the services do not say themselves.
 */
@WithServices
class IntegrationIT {

  private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata=\"([^\"]+)\"");

  @Test
  void fromDiscoveryToAToolCall(
      @ComposeService("auth") ServiceEndpoint auth,
      @ComposeService("mcp") ServiceEndpoint mcp,
      @ComposeService("db") ServiceEndpoint db,
      TestData data)
      throws Exception {
    OAuth oauth = new OAuth(auth, data);

    // 1. The MCP server refuses an anonymous client and says where to learn more (RFC 9728).
    Http.Response anonymous = Http.postJson(mcp.url("/mcp"), "{}");
    assertEquals(401, anonymous.status());
    Matcher metadataUrl = RESOURCE_METADATA.matcher(anonymous.header("WWW-Authenticate").orElse(""));
    assertTrue(metadataUrl.find(), anonymous.header("WWW-Authenticate").orElse("no header"));
    JsonNode resource = Http.get(URI.create(metadataUrl.group(1))).json();
    assertEquals(mcp.url("/mcp").toString(), resource.get("resource").asText());
    // The authorization server, as the stack names it; the test reaches it on its published port.
    assertEquals("http://auth:8080", resource.at("/authorization_servers/0").asText());

    // 2. The authorization server's metadata gives the registration endpoint (RFC 8414, 7591).
    JsonNode metadata = Http.get(auth.url("/.well-known/oauth-authorization-server")).json();
    assertEquals(auth.url("/register").toString(), metadata.get("registration_endpoint").asText());
    OAuth.Client client = oauth.registerPublic();

    // 3. Authorization code with PKCE, then the token exchange.
    OAuth.Tokens tokens = oauth.tokens(client, "alice");

    // 4. The MCP session: handshake, a tool that shows whose token it got, then the end.
    Mcp session = new Mcp(mcp, tokens.access()).open();
    JsonNode whoami = session.callTool("whoami", Http.JSON.createObjectNode());
    assertEquals(
        "client " + client.id() + " for user alice (scope mcp:tools)",
        whoami.at("/result/content/0/text").asText());
    assertEquals(204, session.delete().status());

    // 5. The database: the client is there under its TEST name, its tokens only as digests.
    try (Connection sql =
        DriverManager.getConnection(
            "jdbc:postgresql://" + db.host() + ":" + db.port() + "/postgres", "auth", "")) {
      try (PreparedStatement query =
          sql.prepareStatement("SELECT client_name FROM clients WHERE client_id = ?")) {
        query.setString(1, client.id());
        try (ResultSet row = query.executeQuery()) {
          assertTrue(row.next(), "client row");
          assertEquals(client.name(), row.getString(1));
        }
      }
      List<String> digests = new ArrayList<>();
      try (PreparedStatement query =
          sql.prepareStatement("SELECT token_digest, kind FROM tokens WHERE client_id = ? ORDER BY kind")) {
        query.setString(1, client.id());
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            digests.add(row.getString(1));
          }
        }
      }
      assertEquals(2, digests.size(), "an access and a refresh token");
      assertFalse(digests.contains(tokens.access()) || digests.contains(tokens.refresh()), "no token in clear");
    }
  }
}
