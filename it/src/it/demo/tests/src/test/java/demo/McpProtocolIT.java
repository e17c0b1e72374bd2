package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import demo.support.Http;
import demo.support.Mcp;
import demo.support.OAuth;
import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.TestData;
import dev.jtest.junit.WithServices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MCP handshake, JSON-RPC errors and the session lifecycle over real Streamable HTTP. */
@WithServices
class McpProtocolIT {

  private final ServiceEndpoint mcpService;
  private final OAuth oauth;
  private final Mcp mcp;

  McpProtocolIT(
      @ComposeService("auth") ServiceEndpoint auth, @ComposeService("mcp") ServiceEndpoint mcp, TestData data) {
    this.mcpService = mcp;
    this.oauth = new OAuth(auth, data);
    this.mcp = new Mcp(mcp, oauth.accessToken());
  }

  private static ObjectNode object() {
    return Http.JSON.createObjectNode();
  }

  @Test
  void initializeOpensASession() {
    Http.Response response = mcp.initialize(Mcp.VERSION);

    assertEquals(200, response.status(), response::toString);
    assertTrue(response.header("Mcp-Session-Id").orElse("").length() >= 32);
    JsonNode message = response.json();
    assertEquals("2.0", message.get("jsonrpc").asText());
    assertEquals(1, message.get("id").asInt());
    JsonNode result = message.get("result");
    assertEquals(Mcp.VERSION, result.get("protocolVersion").asText());
    assertEquals("jtest-demo-mcp", result.at("/serverInfo/name").asText());
    assertTrue(result.at("/capabilities/tools").isObject());
  }

  @Test
  void negotiatesTheProtocolVersion() {
    assertEquals(
        "2025-03-26",
        mcp.initialize("2025-03-26").json().at("/result/protocolVersion").asText(),
        "a version the server speaks is kept");
    assertEquals(
        Mcp.VERSION,
        new Mcp(mcpService, oauth.accessToken()).initialize("2024-01-01").json().at("/result/protocolVersion").asText(),
        "an unknown version gets the server's latest");
  }

  @Test
  void initializedNotificationIsAcceptedWithoutABody() {
    mcp.initialize(Mcp.VERSION);

    Http.Response response = mcp.post(mcp.message("notifications/initialized", null, false));

    assertEquals(202, response.status());
    assertEquals("", response.body());
  }

  @Test
  void toolsAreListedWithTheirSchemas() {
    JsonNode tools = mcp.open().request("tools/list", null).at("/result/tools");

    assertEquals(List.of("echo", "divide", "whoami"), tools.findValuesAsText("name"));
    for (JsonNode tool : tools) {
      assertEquals("object", tool.at("/inputSchema/type").asText(), tool::toString);
    }
    assertEquals("[\"dividend\",\"divisor\"]", tools.get(1).at("/inputSchema/required").toString());
  }

  @Test
  void toolsRunAndReportTheirOwnErrors() {
    mcp.open();

    JsonNode echo = mcp.callTool("echo", object().put("text", "héllo")).get("result");
    assertEquals("héllo", echo.at("/content/0/text").asText());
    assertFalse(echo.get("isError").asBoolean());

    JsonNode quotient = mcp.callTool("divide", object().put("dividend", 1).put("divisor", 8)).get("result");
    assertEquals("0.125", quotient.at("/content/0/text").asText());
    assertEquals(0.125, quotient.at("/structuredContent/quotient").asDouble());

    JsonNode byZero = mcp.callTool("divide", object().put("dividend", 1).put("divisor", 0)).get("result");
    assertTrue(byZero.get("isError").asBoolean(), "a failing tool answers isError, not a protocol error");
    assertEquals("cannot divide by zero", byZero.at("/content/0/text").asText());
  }

  @Test
  void unknownMethodIsMethodNotFound() {
    JsonNode response = mcp.open().request("resources/list", null);

    assertEquals(-32601, response.at("/error/code").asInt(), response::toString);
  }

  @Test
  void unknownToolAndBadArgumentsAreInvalidParams() {
    mcp.open();

    assertEquals(-32602, mcp.callTool("rm", object()).at("/error/code").asInt());
    JsonNode bad = mcp.callTool("divide", object().put("dividend", "one").put("divisor", 2));
    assertEquals(-32602, bad.at("/error/code").asInt(), bad::toString);
    assertTrue(bad.at("/error/message").asText().contains("dividend"));
  }

  @Test
  void malformedJsonIsAParseError() {
    Http.Response response = mcp.post("{\"jsonrpc\": \"2.0\", \"method\": ");

    assertEquals(400, response.status());
    assertEquals(-32700, response.json().at("/error/code").asInt());
    assertTrue(response.json().get("id").isNull());
  }

  @Test
  void invalidRequestsAreRejected() {
    mcp.open();

    Http.Response wrongVersion = mcp.post(object().put("jsonrpc", "1.0").put("id", 7).put("method", "ping"));
    assertEquals(-32600, wrongVersion.json().at("/error/code").asInt(), wrongVersion::toString);
    assertEquals(7, wrongVersion.json().get("id").asInt());

    Http.Response batch = mcp.post(List.of(mcp.message("ping", null, true)));
    assertEquals(-32600, batch.json().at("/error/code").asInt(), batch::toString);
  }

  @Test
  void toolsNeedTheInitializedNotificationFirst() {
    mcp.initialize(Mcp.VERSION);

    JsonNode response = mcp.request("tools/list", null);

    assertEquals(-32600, response.at("/error/code").asInt(), response::toString);
    assertTrue(mcp.request("ping", null).get("result").isObject(), "ping works at any time");
  }

  @Test
  void aRequestWithoutSessionIsABadRequest() {
    Http.Response response = mcp.post(mcp.message("ping", null, true));

    assertEquals(400, response.status(), response::toString);
  }

  @Test
  void anUnknownSessionIsNotFound() {
    mcp.useSession("00000000-0000-0000-0000-000000000000");

    assertEquals(404, mcp.post(mcp.message("ping", null, true)).status());
  }

  @Test
  void deleteEndsTheSession() {
    mcp.open();
    assertEquals(200, mcp.post(mcp.message("ping", null, true)).status());

    assertEquals(204, mcp.delete().status());

    assertEquals(404, mcp.post(mcp.message("ping", null, true)).status(), "the session is gone");
    assertEquals(404, mcp.delete().status());
  }

  @Test
  void anotherClientCannotUseTheSession() {
    mcp.open();
    Mcp intruder = new Mcp(mcpService, oauth.accessToken());
    intruder.useSession(mcp.session());

    assertEquals(404, intruder.post(intruder.message("ping", null, true)).status());
  }
}
