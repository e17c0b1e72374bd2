package sample;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the tests do to the real services: rows in PostgreSQL, clients and notes in the registry. */
final class Api {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  static Connection db() throws SQLException {
    Connection connection =
        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + System.getProperty("jtest.db.port") + "/postgres", "app", "");
    connection.createStatement().execute("CREATE TABLE IF NOT EXISTS clients (id serial PRIMARY KEY, client_name text NOT NULL)");
    return connection;
  }

  static List<String> rows() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection db = db(); var result = db.createStatement().executeQuery("SELECT client_name FROM clients ORDER BY id")) {
      while (result.next()) {
        names.add(result.getString(1));
      }
    }
    return names;
  }

  static String send(URI uri, String method, String body) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(uri).method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private Api() {}
}
