package dev.jtest.maven.extension;

import dev.jtest.core.coverage.CoverageRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Checks the coverage rules written in the pom ({@code <coverage><rules><rule>}) when the build
 * starts, with the parser {@code jtest:report} uses: a rule it would refuse at {@code verify},
 * after the whole test run, fails the build before anything starts instead, coverage on or not.
 */
final class CoverageRulesCheck {

  private CoverageRulesCheck() {}

  /**
   * @param pom the pom's file name, for the message
   * @throws dev.jtest.core.ConfigurationException naming the pom, the rule's counter and minimum,
   *     and what is accepted
   */
  static void check(Plugin jtest, String pom) {
    List<Object> configurations = new ArrayList<>();
    configurations.add(jtest.getConfiguration());
    for (PluginExecution execution : jtest.getExecutions()) {
      configurations.add(execution.getConfiguration());
    }
    for (Object configuration : configurations) {
      if (!(configuration instanceof Xpp3Dom dom)
          || dom.getChild("coverage") == null
          || dom.getChild("coverage").getChild("rules") == null) {
        continue;
      }
      for (Xpp3Dom rule : dom.getChild("coverage").getChild("rules").getChildren("rule")) {
        String counter = text(rule, "counter");
        String minimum = text(rule, "minimum");
        CoverageRule.of(
            counter,
            minimum,
            "Invalid <coverage><rules> rule in "
                + pom
                + " (counter '"
                + counter
                + "', minimum '"
                + minimum
                + "')");
      }
    }
  }

  private static String text(Xpp3Dom rule, String name) {
    Xpp3Dom child = rule.getChild(name);
    return child == null || child.getValue() == null ? "" : child.getValue();
  }
}
