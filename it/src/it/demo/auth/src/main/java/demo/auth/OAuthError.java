package demo.auth;

import demo.common.Exchange;
import java.util.LinkedHashMap;
import java.util.Map;

/** An OAuth error answer (RFC 6749 §5.2): {@code error}, {@code error_description}, a status. */
final class OAuthError extends Exception {

  private final int status;
  private final String error;

  OAuthError(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  static OAuthError invalidRequest(String description) {
    return new OAuthError(400, "invalid_request", description);
  }

  static OAuthError invalidGrant(String description) {
    return new OAuthError(400, "invalid_grant", description);
  }

  static OAuthError invalidClient(String description) {
    return new OAuthError(401, "invalid_client", description);
  }

  String error() {
    return error;
  }

  void send(Exchange exchange) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", getMessage());
    if (status == 401) {
      exchange.header("WWW-Authenticate", "Basic realm=\"auth\"");
    }
    exchange.header("Cache-Control", "no-store").json(status, body);
  }
}
