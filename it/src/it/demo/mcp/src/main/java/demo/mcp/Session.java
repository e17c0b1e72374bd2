package demo.mcp;

/** One MCP session: created by {@code initialize}, owned by the client that created it. */
final class Session {

  final String id;
  final String clientId;
  final String protocolVersion;
  volatile boolean initialized;

  Session(String id, String clientId, String protocolVersion) {
    this.id = id;
    this.clientId = clientId;
    this.protocolVersion = protocolVersion;
  }
}
