package sample;

/** Endpoint Y's code: only test B calls it. */
final class Payments {

  private Payments() {}

  static String pay(int amount) {
    int cents = amount * 100;
    String receipt = "paid " + cents;
    return receipt;
  }
}
