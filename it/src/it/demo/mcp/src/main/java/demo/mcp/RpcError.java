package demo.mcp;

/** A JSON-RPC 2.0 error: code, message, and the HTTP status its answer goes with. */
final class RpcError extends Exception {

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;

  final int code;
  final int httpStatus;

  RpcError(int code, String message) {
    this(code, message, 200);
  }

  RpcError(int code, String message, int httpStatus) {
    super(message, null, false, false);
    this.code = code;
    this.httpStatus = httpStatus;
  }
}
