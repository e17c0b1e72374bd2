package demo.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** A PKCE pair as a client makes it (RFC 7636 §4.1–4.2, S256). */
public record Pkce(String verifier, String challenge) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public static Pkce create() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  public static Pkce of(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
