package shards;

/** Sleeps: the tests' durations are what the shards are balanced by. */
final class Work {
  private Work() {}

  static void takes(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }
}
