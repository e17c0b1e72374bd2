package reports;

import org.junit.jupiter.api.Test;

class ListContractIT extends AbstractContract {
  @Override
  int size() {
    return 1;
  }

  @Test
  void ownTest() {}
}
