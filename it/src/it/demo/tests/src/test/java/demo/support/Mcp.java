package demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jtest.junit.ServiceEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A client of the real MCP server over Streamable HTTP: JSON-RPC messages, one session. */
public final class Mcp {

  public static final String VERSION = "2025-06-18";

  private final ServiceEndpoint mcp;
  private final String token;
  private final AtomicInteger ids = new AtomicInteger();
  private String session;

  public Mcp(ServiceEndpoint mcp, String token) {
    this.mcp = mcp;
    this.token = token;
  }

  public String session() {
    return session;
  }

  /** A JSON-RPC request (with an id) or notification (without). */
  public ObjectNode message(String method, JsonNode params, boolean request) {
    ObjectNode message = Http.JSON.createObjectNode().put("jsonrpc", "2.0");
    if (request) {
      message.put("id", ids.incrementAndGet());
    }
    message.put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    return message;
  }

  /** POSTs any body with this client's token and session. */
  public Http.Response post(Object body) {
    return Http.postJson(mcp.url("/mcp"), body, headers(true));
  }

  public Http.Response delete() {
    return Http.delete(mcp.url("/mcp"), headers(false));
  }

  private String[] headers(boolean post) {
    List<String> headers = new ArrayList<>();
    headers.add("Authorization");
    headers.add("Bearer " + token);
    if (post) {
      headers.add("Accept");
      headers.add("application/json, text/event-stream");
    }
    if (session != null) {
      headers.add("Mcp-Session-Id");
      headers.add(session);
      headers.add("MCP-Protocol-Version");
      headers.add(VERSION);
    }
    return headers.toArray(String[]::new);
  }

  /** The {@code initialize} request; keeps the session id the server assigns. */
  public Http.Response initialize(String protocolVersion) {
    ObjectNode params = Http.JSON.createObjectNode().put("protocolVersion", protocolVersion);
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "jtest-demo-tests").put("version", "1.0");
    Http.Response response = post(message("initialize", params, true));
    response.header("Mcp-Session-Id").ifPresent(id -> session = id);
    return response;
  }

  /** The handshake: initialize, then notifications/initialized. */
  public Mcp open() {
    Http.Response init = initialize(VERSION);
    assertEquals(200, init.status(), () -> "initialize: " + init);
    Http.Response note = post(message("notifications/initialized", null, false));
    assertEquals(202, note.status(), () -> "notifications/initialized: " + note);
    return this;
  }

  /** A request; returns the whole JSON-RPC response after checking HTTP 200. */
  public JsonNode request(String method, JsonNode params) {
    Http.Response response = post(message(method, params, true));
    assertEquals(200, response.status(), () -> method + ": " + response);
    return response.json();
  }

  public JsonNode callTool(String name, JsonNode arguments) {
    ObjectNode params = Http.JSON.createObjectNode().put("name", name);
    params.set("arguments", arguments);
    return request("tools/call", params);
  }

  public void useSession(String id) {
    session = id;
  }
}
