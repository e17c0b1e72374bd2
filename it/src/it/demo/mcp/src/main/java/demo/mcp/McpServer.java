package demo.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import demo.common.Exchange;
import demo.common.HttpService;
import demo.common.Json;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * An MCP server over Streamable HTTP (MCP 2025-06-18): JSON-RPC 2.0 on {@code POST /mcp}, answered
 * as {@code application/json}; sessions by {@code Mcp-Session-Id}; {@code DELETE /mcp} ends one.
 * Every request needs a bearer token that the authorization server's introspection calls active
 * and that carries the {@code mcp:tools} scope; otherwise 401 (or 403) with a {@code
 * WWW-Authenticate} header pointing at the protected resource metadata (RFC 9728).
 *
 * <p>Environment: {@code AUTH_URL} (as this server reaches auth), {@code INTROSPECTION_CLIENT_ID},
 * {@code INTROSPECTION_SECRET}, optional {@code AUTH_ISSUER} (as clients reach auth; defaults to
 * {@code AUTH_URL}), {@code PORT} (8080).
 */
public final class McpServer {

  static final String SCOPE = "mcp:tools";
  static final List<String> VERSIONS = List.of("2025-06-18", "2025-03-26");
  private static final String METADATA = "/.well-known/oauth-protected-resource";
  private static final Logger LOG = Logger.getLogger(McpServer.class.getName());

  private final Introspection introspection;
  private final String authIssuer;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  McpServer(Introspection introspection, String authIssuer) {
    this.introspection = introspection;
    this.authIssuer = authIssuer;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
    String authUrl = env("AUTH_URL");
    McpServer server =
        new McpServer(
            new Introspection(
                URI.create(authUrl), env("INTROSPECTION_CLIENT_ID"), env("INTROSPECTION_SECRET")),
            Optional.ofNullable(System.getenv("AUTH_ISSUER")).orElse(authUrl));
    new HttpService("mcp")
        .route("GET", "/health", exchange -> exchange.json(200, Map.of("status", "ok")))
        .route("GET", METADATA, server::metadata)
        .route("GET", METADATA + "/mcp", server::metadata)
        .route("POST", "/mcp", server::post)
        .route("DELETE", "/mcp", server::delete)
        .route("GET", "/mcp", server::get)
        .start(Integer.parseInt(Optional.ofNullable(System.getenv("PORT")).orElse("8080")));
  }

  /** RFC 9728 protected resource metadata. */
  private void metadata(Exchange exchange) {
    ObjectNode metadata = Json.object();
    metadata.put("resource", exchange.baseUrl() + "/mcp");
    metadata.putArray("authorization_servers").add(authIssuer);
    metadata.putArray("scopes_supported").add(SCOPE);
    metadata.putArray("bearer_methods_supported").add("header");
    metadata.put("resource_name", "jtest demo MCP server");
    exchange.json(200, metadata);
  }

  private void post(Exchange exchange) throws Exception {
    Optional<Introspection.Grant> grant = authenticate(exchange);
    if (grant.isEmpty()) {
      return;
    }
    if (!exchange.header("Content-Type").orElse("").startsWith("application/json")) {
      error(exchange, 415, null, new RpcError(RpcError.INVALID_REQUEST, "Content-Type must be application/json"));
      return;
    }
    String accept = exchange.header("Accept").orElse("*/*");
    if (!accept.contains("application/json") && !accept.contains("*/*")) {
      error(exchange, 406, null, new RpcError(RpcError.INVALID_REQUEST, "Accept must include application/json"));
      return;
    }
    JsonNode message = exchange.json();
    if (message == null) {
      error(exchange, 400, null, new RpcError(RpcError.PARSE_ERROR, "Parse error"));
      return;
    }
    JsonNode id = message.isObject() ? message.get("id") : null;
    try {
      if (!message.isObject()) {
        throw new RpcError(
            RpcError.INVALID_REQUEST,
            message.isArray() ? "Batches are not supported" : "A message must be an object",
            400);
      }
      if (!"2.0".equals(message.path("jsonrpc").asText())
          || (id != null && !id.isTextual() && !id.isIntegralNumber())) {
        throw new RpcError(RpcError.INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\" and id a string or integer", 400);
      }
      if (!message.path("method").isTextual()) {
        // A response or an error from the client: nothing to answer.
        exchange.empty(202);
        return;
      }
      String method = message.get("method").asText();
      if (method.equals("initialize")) {
        initialize(exchange, id, message.path("params"), grant.get());
        return;
      }
      Session session = session(exchange, grant.get());
      if (session == null) {
        return;
      }
      if (id == null) {
        if (method.equals("notifications/initialized")) {
          session.initialized = true;
        }
        exchange.empty(202);
        return;
      }
      JsonNode result = request(session, method, message.path("params"), grant.get());
      reply(exchange, id, result);
    } catch (RpcError e) {
      error(exchange, e.httpStatus, id, e);
    }
  }

  private void initialize(
      Exchange exchange, JsonNode id, JsonNode params, Introspection.Grant grant) throws RpcError {
    if (id == null) {
      throw new RpcError(RpcError.INVALID_REQUEST, "initialize must be a request, with an id", 400);
    }
    String requested = params.path("protocolVersion").asText(null);
    if (requested == null) {
      throw new RpcError(RpcError.INVALID_PARAMS, "Invalid params: protocolVersion is required");
    }
    // Version negotiation: the client's version if supported, else the latest this server speaks.
    String version = VERSIONS.contains(requested) ? requested : VERSIONS.get(0);
    Session session = new Session(UUID.randomUUID().toString(), grant.clientId(), version);
    sessions.put(session.id, session);
    LOG.info("session " + session.id + " opened by client " + grant.clientId());
    ObjectNode result = Json.object();
    result.put("protocolVersion", version);
    result.putObject("capabilities").putObject("tools").put("listChanged", false);
    result.putObject("serverInfo").put("name", "jtest-demo-mcp").put("version", "1.0");
    result.put("instructions", "Tools: echo, divide, whoami.");
    exchange.header("Mcp-Session-Id", session.id);
    reply(exchange, id, result);
  }

  private JsonNode request(
      Session session, String method, JsonNode params, Introspection.Grant grant) throws RpcError {
    switch (method) {
      case "ping":
        return Json.object();
      case "tools/list":
        requireInitialized(session);
        ObjectNode list = Json.object();
        list.set("tools", Tools.list());
        return list;
      case "tools/call":
        requireInitialized(session);
        if (!params.path("name").isTextual()) {
          throw new RpcError(RpcError.INVALID_PARAMS, "Invalid params: name is required");
        }
        return Tools.call(params.get("name").asText(), params.get("arguments"), grant);
      default:
        throw new RpcError(RpcError.METHOD_NOT_FOUND, "Method not found: " + method);
    }
  }

  private static void requireInitialized(Session session) throws RpcError {
    if (!session.initialized) {
      throw new RpcError(
          RpcError.INVALID_REQUEST,
          "Session not initialized: send notifications/initialized first");
    }
  }

  private void delete(Exchange exchange) throws Exception {
    Optional<Introspection.Grant> grant = authenticate(exchange);
    if (grant.isEmpty()) {
      return;
    }
    Session session = session(exchange, grant.get());
    if (session != null) {
      sessions.remove(session.id);
      LOG.info("session " + session.id + " ended");
      exchange.empty(204);
    }
  }

  /** No server-initiated stream is offered: 405, as the transport allows. */
  private void get(Exchange exchange) throws Exception {
    if (authenticate(exchange).isPresent()) {
      exchange.header("Allow", "POST, DELETE").json(405, Map.of("error", "no SSE stream on GET"));
    }
  }

  /**
   * The session named by {@code Mcp-Session-Id}, or null after answering 400 (header missing) or
   * 404 (unknown, ended, or another client's session: the client must initialize again).
   */
  private Session session(Exchange exchange, Introspection.Grant grant) {
    Optional<String> id = exchange.header("Mcp-Session-Id");
    if (id.isEmpty()) {
      error(exchange, 400, null, new RpcError(RpcError.INVALID_REQUEST, "Bad Request: Mcp-Session-Id header is required"));
      return null;
    }
    Session session = sessions.get(id.get());
    if (session == null || !session.clientId.equals(grant.clientId())) {
      error(exchange, 404, null, new RpcError(-32001, "Session not found"));
      return null;
    }
    Optional<String> version = exchange.header("MCP-Protocol-Version");
    if (version.isPresent() && !version.get().equals(session.protocolVersion)) {
      error(exchange, 400, null, new RpcError(RpcError.INVALID_REQUEST, "Bad Request: unsupported MCP-Protocol-Version " + version.get()));
      return null;
    }
    return session;
  }

  /**
   * The grant of the request's bearer token, or empty after answering 401 (missing, unknown,
   * expired or revoked token), 403 (scope missing) or 503 (auth unreachable).
   */
  private Optional<Introspection.Grant> authenticate(Exchange exchange) {
    String resourceMetadata = exchange.baseUrl() + METADATA + "/mcp";
    Optional<String> token = exchange.bearerToken();
    if (token.isEmpty()) {
      exchange
          .header("WWW-Authenticate", "Bearer resource_metadata=\"" + resourceMetadata + "\"")
          .json(401, Map.of("error", "unauthorized", "error_description", "bearer token required"));
      return Optional.empty();
    }
    Optional<Introspection.Grant> grant;
    try {
      grant = introspection.check(token.get());
    } catch (Introspection.Unavailable e) {
      LOG.warning(e.getMessage());
      exchange.json(503, Map.of("error", "temporarily_unavailable", "error_description", "cannot check the token"));
      return Optional.empty();
    }
    if (grant.isEmpty()) {
      exchange
          .header(
              "WWW-Authenticate",
              "Bearer error=\"invalid_token\", error_description=\"the token is unknown, expired or revoked\", resource_metadata=\""
                  + resourceMetadata
                  + "\"")
          .json(401, Map.of("error", "invalid_token"));
      return Optional.empty();
    }
    if (!grant.get().has(SCOPE)) {
      exchange
          .header(
              "WWW-Authenticate",
              "Bearer error=\"insufficient_scope\", scope=\"" + SCOPE + "\", resource_metadata=\"" + resourceMetadata + "\"")
          .json(403, Map.of("error", "insufficient_scope"));
      return Optional.empty();
    }
    return grant;
  }

  private static void reply(Exchange exchange, JsonNode id, JsonNode result) {
    ObjectNode response = Json.object().put("jsonrpc", "2.0");
    response.set("id", id);
    response.set("result", result);
    exchange.json(200, response);
  }

  private static void error(Exchange exchange, int status, JsonNode id, RpcError error) {
    ObjectNode response = Json.object().put("jsonrpc", "2.0");
    response.set("id", id);
    response.putObject("error").put("code", error.code).put("message", error.getMessage());
    exchange.json(status, response);
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is required");
    }
    return value;
  }
}
