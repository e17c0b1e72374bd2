package demo.auth;

import java.time.Instant;
import java.util.List;

/**
 * A registered client (RFC 7591). {@code secretDigest} is null for a public client ({@code
 * token_endpoint_auth_method=none}).
 */
record Client(
    String id,
    String secretDigest,
    String name,
    List<String> redirectUris,
    List<String> grantTypes,
    String authMethod,
    String scope,
    int accessTokenSeconds,
    Instant createdAt) {

  boolean isPublic() {
    return "none".equals(authMethod);
  }

  boolean allows(String grantType) {
    return grantTypes.contains(grantType);
  }
}
