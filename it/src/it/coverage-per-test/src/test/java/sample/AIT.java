package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.WithServices;
import org.junit.jupiter.api.Test;

/** Test A: calls endpoint X only. */
@WithServices
class AIT {

  @Test
  void callsX(@ComposeService("shop") ServiceEndpoint shop) throws Exception {
    assertEquals("order item0 item1 item2", ShopCalls.get(shop, "/x"));
  }
}
