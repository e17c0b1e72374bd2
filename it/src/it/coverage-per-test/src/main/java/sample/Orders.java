package sample;

/** Endpoint X's code: only test A calls it. */
final class Orders {

  private Orders() {}

  static String order(int items) {
    StringBuilder order = new StringBuilder("order");
    for (int i = 0; i < items; i++) {
      order.append(" item").append(i);
    }
    return order.toString();
  }
}
