package sample;

final class XHandler {

  private XHandler() {}

  static String answer() {
    return "x version 1";
  }
}
