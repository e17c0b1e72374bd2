package demo.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import demo.common.Exchange;
import demo.common.Json;
import demo.common.Tokens;
import java.util.Map;

/**
 * The admin API, behind {@code Authorization: Bearer $ADMIN_TOKEN}: the clients (listed and
 * removed by {@code mvn jtest:cleanup}) and the registration policy.
 */
final class Admin {

  private static final String CLIENTS = "/admin/clients";
  private static final String REGISTRATION = "/admin/registration";

  private final Store store;
  private final String token;

  Admin(Store store, String token) {
    this.store = store;
    this.token = token;
  }

  void get(Exchange exchange) throws Exception {
    if (!allowed(exchange)) {
      return;
    }
    if (exchange.path().equals(CLIENTS)) {
      ArrayNode clients = Json.MAPPER.createArrayNode();
      for (Client client : store.clients()) {
        ObjectNode entry = clients.addObject();
        entry.put("client_id", client.id());
        entry.put("client_name", client.name());
        entry.put("created_at", client.createdAt().toString());
      }
      exchange.json(200, clients);
    } else if (exchange.path().equals(REGISTRATION)) {
      exchange.json(200, Map.of("open", store.registrationOpen()));
    } else {
      exchange.json(404, Map.of("error", "not_found"));
    }
  }

  void put(Exchange exchange) throws Exception {
    if (!allowed(exchange)) {
      return;
    }
    JsonNode body = exchange.json();
    if (!exchange.path().equals(REGISTRATION)) {
      exchange.json(404, Map.of("error", "not_found"));
    } else if (body == null || !body.path("open").isBoolean()) {
      exchange.json(400, Map.of("error", "invalid_request", "error_description", "{\"open\": true|false} expected"));
    } else {
      store.setRegistrationOpen(body.get("open").asBoolean());
      exchange.json(200, Map.of("open", store.registrationOpen()));
    }
  }

  void delete(Exchange exchange) throws Exception {
    if (!allowed(exchange)) {
      return;
    }
    String path = exchange.path();
    if (!path.startsWith(CLIENTS + "/") || path.length() == CLIENTS.length() + 1) {
      exchange.json(404, Map.of("error", "not_found"));
    } else if (store.deleteClient(path.substring(CLIENTS.length() + 1))) {
      exchange.empty(204);
    } else {
      exchange.json(404, Map.of("error", "not_found", "error_description", "no such client"));
    }
  }

  private boolean allowed(Exchange exchange) {
    if (exchange.bearerToken().filter(given -> Tokens.same(given, token)).isPresent()) {
      return true;
    }
    exchange
        .header("WWW-Authenticate", "Bearer realm=\"admin\"")
        .json(401, Map.of("error", "unauthorized", "error_description", "admin token required"));
    return false;
  }
}
