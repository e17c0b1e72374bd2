package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.WithServices;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run against the kept stack after jtest:cleanup: exactly the test data is gone. */
@WithServices
class CheckAfterCleanupIT {

  @Test
  void onlyTestRowsWereDeleted() throws Exception {
    assertEquals(List.of("production client", "TESTER client"), Api.rows());
  }

  @Test
  void onlyTestClientsWereDeleted(@ComposeService("registry") ServiceEndpoint registry) throws Exception {
    assertEquals("[{\"client_id\":3,\"client_name\":\"real customer\"}]", Api.send(registry.url("/admin/clients"), "GET", null));
  }

  @Test
  void onlyTestNotesWereDeleted(@ComposeService("registry") ServiceEndpoint registry) throws Exception {
    assertEquals(List.of("keep me"), Arrays.asList(Api.send(registry.url("/notes"), "GET", null).split("\n")));
  }
}
