package sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.TestData;
import dev.jtest.junit.WithServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/** Leaves test data behind in every service, next to data that is not test data. */
@WithServices
class CreateDataIT {

  @Test
  void insertsRows(TestData data) throws Exception {
    try (Connection db = Api.db(); PreparedStatement insert = db.prepareStatement("INSERT INTO clients (client_name) VALUES (?)")) {
      for (String name : new String[] {data.name("client"), data.name("client"), "production client", "TESTER client"}) {
        insert.setString(1, name);
        insert.executeUpdate();
      }
    }
    assertTrue(Api.rows().size() >= 4);
  }

  @Test
  void registersClients(@ComposeService("registry") ServiceEndpoint registry, TestData data) throws Exception {
    Api.send(registry.url("/clients"), "POST", data.name("client"));
    Api.send(registry.url("/clients"), "POST", data.name("client"));
    Api.send(registry.url("/clients"), "POST", "real customer");
  }

  @Test
  void writesNotes(@ComposeService("registry") ServiceEndpoint registry, TestData data) throws Exception {
    Api.send(registry.url("/notes?title=" + Api.encode(data.name("note"))), "POST", null);
    Api.send(registry.url("/notes?title=" + Api.encode("keep me")), "POST", null);
  }
}
