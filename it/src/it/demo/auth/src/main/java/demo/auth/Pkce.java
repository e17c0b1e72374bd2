package demo.auth;

import demo.common.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange, S256 only (RFC 7636; OAuth 2.1 drops {@code plain}). */
final class Pkce {

  /** RFC 7636 §4.1: 43–128 unreserved characters. */
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  /** base64url(SHA-256) without padding is always 43 characters. */
  private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Pkce() {}

  static boolean isChallenge(String challenge) {
    return challenge != null && CHALLENGE.matcher(challenge).matches();
  }

  /**
   * Checks {@code verifier} against the challenge the authorization request carried: {@code
   * BASE64URL(SHA256(ASCII(verifier))) == challenge}.
   */
  static void verify(String verifier, String challenge) throws OAuthError {
    if (verifier == null || verifier.isEmpty()) {
      throw OAuthError.invalidRequest("code_verifier is required: the code was issued with PKCE");
    }
    if (!VERIFIER.matcher(verifier).matches()) {
      throw OAuthError.invalidGrant(
          "code_verifier must be 43 to 128 characters of [A-Za-z0-9._~-] (RFC 7636 §4.1)");
    }
    String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(Tokens.sha256(verifier));
    if (!MessageDigest.isEqual(
        computed.getBytes(StandardCharsets.US_ASCII),
        challenge.getBytes(StandardCharsets.US_ASCII))) {
      throw OAuthError.invalidGrant("code_verifier does not match the code_challenge (PKCE)");
    }
  }
}
