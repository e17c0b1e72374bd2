package sample;

final class YHandler {

  private YHandler() {}

  static String answer() {
    return "y";
  }
}
