package demo.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import demo.common.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The authorization server's state in PostgreSQL: clients, authorization codes, tokens (codes and
 * tokens by digest only) and the registration policy, through a small HikariCP pool.
 */
final class Store {

  /** An authorization code as issued, and whether it had been presented before. */
  record Code(
      String clientId,
      String redirectUri,
      String challenge,
      String scope,
      String subject,
      Instant expiresAt,
      boolean usedBefore) {}

  /** An access or refresh token. */
  record Token(
      String kind,
      String clientId,
      String scope,
      String subject,
      Instant issuedAt,
      Instant expiresAt,
      boolean revoked) {

    boolean activeAt(Instant now) {
      return !revoked && now.isBefore(expiresAt);
    }
  }

  private static final Logger LOG = Logger.getLogger(Store.class.getName());

  private static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS clients (
        client_id TEXT PRIMARY KEY,
        secret_digest TEXT,
        client_name TEXT NOT NULL,
        redirect_uris TEXT NOT NULL,
        grant_types TEXT NOT NULL,
        auth_method TEXT NOT NULL,
        scope TEXT NOT NULL,
        access_token_seconds INTEGER NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now());
      CREATE TABLE IF NOT EXISTS codes (
        code_digest TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients ON DELETE CASCADE,
        redirect_uri TEXT NOT NULL,
        challenge TEXT NOT NULL,
        scope TEXT NOT NULL,
        subject TEXT NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        used_at TIMESTAMPTZ);
      CREATE TABLE IF NOT EXISTS tokens (
        token_digest TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        client_id TEXT NOT NULL REFERENCES clients ON DELETE CASCADE,
        code_digest TEXT,
        scope TEXT NOT NULL,
        subject TEXT NOT NULL,
        issued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        expires_at TIMESTAMPTZ NOT NULL,
        revoked BOOLEAN NOT NULL DEFAULT false);
      CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      """;

  private final HikariDataSource pool;

  private Store(HikariDataSource pool) {
    this.pool = pool;
  }

  /** Waits up to {@code patience} for the database, then creates the schema if it is missing. */
  static Store open(String url, String user, Duration patience) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(5_000);
    // Start even while the database is still coming up: the loop below waits for it.
    config.setInitializationFailTimeout(-1);
    Store store = new Store(new HikariDataSource(config));
    Instant deadline = Instant.now().plus(patience);
    while (true) {
      try (Connection connection = store.connect()) {
        connection.createStatement().execute(SCHEMA);
        return store;
      } catch (SQLException e) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("database " + url + " not reachable: " + e, e);
        }
        LOG.info("waiting for the database: " + e.getMessage());
        Thread.sleep(200);
      }
    }
  }

  private Connection connect() throws SQLException {
    return pool.getConnection();
  }

  boolean healthy() {
    try (Connection connection = connect()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  // --- clients

  void insertClient(Client client) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO clients (client_id, secret_digest, client_name, redirect_uris,"
                    + " grant_types, auth_method, scope, access_token_seconds, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, client.id());
      s.setString(2, client.secretDigest());
      s.setString(3, client.name());
      s.setString(4, json(client.redirectUris()));
      s.setString(5, json(client.grantTypes()));
      s.setString(6, client.authMethod());
      s.setString(7, client.scope());
      s.setInt(8, client.accessTokenSeconds());
      s.setTimestamp(9, Timestamp.from(client.createdAt()));
      s.executeUpdate();
    }
  }

  Optional<Client> client(String id) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("SELECT * FROM clients WHERE client_id = ?")) {
      s.setString(1, id);
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? Optional.of(client(row)) : Optional.empty();
      }
    }
  }

  List<Client> clients() throws SQLException {
    try (Connection c = connect();
        ResultSet row =
            c.createStatement().executeQuery("SELECT * FROM clients ORDER BY created_at")) {
      List<Client> clients = new ArrayList<>();
      while (row.next()) {
        clients.add(client(row));
      }
      return clients;
    }
  }

  /** Removes the client with its codes and tokens; false if there was none. */
  boolean deleteClient(String id) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("DELETE FROM clients WHERE client_id = ?")) {
      s.setString(1, id);
      return s.executeUpdate() == 1;
    }
  }

  private static Client client(ResultSet row) throws SQLException {
    return new Client(
        row.getString("client_id"),
        row.getString("secret_digest"),
        row.getString("client_name"),
        list(row.getString("redirect_uris")),
        list(row.getString("grant_types")),
        row.getString("auth_method"),
        row.getString("scope"),
        row.getInt("access_token_seconds"),
        row.getTimestamp("created_at").toInstant());
  }

  // --- authorization codes

  void insertCode(String digest, Code code) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO codes (code_digest, client_id, redirect_uri, challenge, scope,"
                    + " subject, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, digest);
      s.setString(2, code.clientId());
      s.setString(3, code.redirectUri());
      s.setString(4, code.challenge());
      s.setString(5, code.scope());
      s.setString(6, code.subject());
      s.setTimestamp(7, Timestamp.from(code.expiresAt()));
      s.executeUpdate();
    }
  }

  /**
   * Marks the code used and returns it as it was: a code is good for one exchange, whatever its
   * outcome, so two concurrent requests cannot both redeem it (the row is locked meanwhile).
   */
  Optional<Code> consumeCode(String digest) throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement select =
              c.prepareStatement("SELECT * FROM codes WHERE code_digest = ? FOR UPDATE");
          PreparedStatement mark =
              c.prepareStatement("UPDATE codes SET used_at = now() WHERE code_digest = ?")) {
        select.setString(1, digest);
        Code code;
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            c.rollback();
            return Optional.empty();
          }
          code =
              new Code(
                  row.getString("client_id"),
                  row.getString("redirect_uri"),
                  row.getString("challenge"),
                  row.getString("scope"),
                  row.getString("subject"),
                  row.getTimestamp("expires_at").toInstant(),
                  row.getTimestamp("used_at") != null);
        }
        if (!code.usedBefore()) {
          mark.setString(1, digest);
          mark.executeUpdate();
        }
        c.commit();
        return Optional.of(code);
      }
    }
  }

  // --- tokens

  void insertToken(String digest, String kind, String codeDigest, Token token)
      throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO tokens (token_digest, kind, client_id, code_digest, scope, subject,"
                    + " issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, digest);
      s.setString(2, kind);
      s.setString(3, token.clientId());
      s.setString(4, codeDigest);
      s.setString(5, token.scope());
      s.setString(6, token.subject());
      s.setTimestamp(7, Timestamp.from(token.issuedAt()));
      s.setTimestamp(8, Timestamp.from(token.expiresAt()));
      s.executeUpdate();
    }
  }

  Optional<Token> token(String digest) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("SELECT * FROM tokens WHERE token_digest = ?")) {
      s.setString(1, digest);
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? Optional.of(token(row)) : Optional.empty();
      }
    }
  }

  /**
   * Revokes a refresh token and returns it as it was, if it was not revoked yet: rotation (OAuth
   * 2.1 §4.3.1) lets each refresh token be used once.
   */
  Optional<Token> redeemRefreshToken(String digest) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE tokens SET revoked = true WHERE token_digest = ? AND kind = 'refresh'"
                    + " AND NOT revoked RETURNING *")) {
      s.setString(1, digest);
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? Optional.of(token(row)) : Optional.empty();
      }
    }
  }

  /** Revokes the tokens issued for a code that was presented twice (RFC 6749 §4.1.2). */
  int revokeTokensOfCode(String codeDigest) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement("UPDATE tokens SET revoked = true WHERE code_digest = ?")) {
      s.setString(1, codeDigest);
      return s.executeUpdate();
    }
  }

  /** Revokes a token of {@code clientId}; RFC 7009 answers the same whether it existed or not. */
  void revoke(String digest, String clientId) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE tokens SET revoked = true WHERE token_digest = ? AND client_id = ?")) {
      s.setString(1, digest);
      s.setString(2, clientId);
      s.executeUpdate();
    }
  }

  private static Token token(ResultSet row) throws SQLException {
    return new Token(
        row.getString("kind"),
        row.getString("client_id"),
        row.getString("scope"),
        row.getString("subject"),
        row.getTimestamp("issued_at").toInstant(),
        row.getTimestamp("expires_at").toInstant(),
        row.getBoolean("revoked"));
  }

  // --- registration policy

  boolean registrationOpen() throws SQLException {
    try (Connection c = connect();
        ResultSet row =
            c.createStatement()
                .executeQuery("SELECT value FROM settings WHERE name = 'registration'")) {
      return !row.next() || !"closed".equals(row.getString(1));
    }
  }

  void setRegistrationOpen(boolean open) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO settings (name, value) VALUES ('registration', ?)"
                    + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
      s.setString(1, open ? "open" : "closed");
      s.executeUpdate();
    }
  }

  private static String json(List<String> values) {
    try {
      return Json.MAPPER.writeValueAsString(values);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> list(String json) {
    try {
      return Json.MAPPER.readValue(json, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("unreadable column value " + json, e);
    }
  }
}
