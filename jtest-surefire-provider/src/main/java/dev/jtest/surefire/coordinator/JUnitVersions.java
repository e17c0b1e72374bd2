package dev.jtest.surefire.coordinator;

import dev.jtest.surefire.JtestRunException;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Checks that the JUnit Platform launcher in the fork is the version of the platform the tests were
 * built against: a mismatch is known to discover nothing and still report success.
 */
final class JUnitVersions {

  private JUnitVersions() {}

  static void check() {
    String launcher = LauncherFactory.class.getPackage().getImplementationVersion();
    String engine = TestEngine.class.getPackage().getImplementationVersion();
    if (launcher != null && engine != null && !launcher.equals(engine)) {
      throw new JtestRunException(
          "jtest: the JUnit Platform launcher on the fork's class path is "
              + launcher
              + " but the test class path has JUnit Platform "
              + engine
              + " (junit-platform-engine). jtest's extension adds the matching launcher when the"
              + " project declares its JUnit version (junit-bom, junit-jupiter or a"
              + " junit-platform artifact) in <dependencies> or <dependencyManagement>; if the"
              + " surefire or failsafe plugin declares junit-platform-launcher itself, make it "
              + engine
              + ".");
    }
  }
}
