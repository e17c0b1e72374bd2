package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.WithServices;
import org.junit.jupiter.api.Test;

/** Test B: calls endpoint Y only. */
@WithServices
class BIT {

  @Test
  void callsY(@ComposeService("shop") ServiceEndpoint shop) throws Exception {
    assertEquals("paid 700", ShopCalls.get(shop, "/y"));
  }
}
