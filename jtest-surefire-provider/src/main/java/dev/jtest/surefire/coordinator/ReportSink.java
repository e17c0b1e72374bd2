package dev.jtest.surefire.coordinator;

import dev.jtest.surefire.wire.ReportEvent;

/** Where the events of one finished test set go, in order: Surefire's listener in a real run. */
interface ReportSink {

  void testSetStarting(String topClass, String classText);

  void event(String topClass, ReportEvent event);

  void testSetCompleted(String topClass, String classText, int elapsedMillis);
}
