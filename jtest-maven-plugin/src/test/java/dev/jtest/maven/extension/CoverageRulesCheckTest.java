package dev.jtest.maven.extension;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.io.StringReader;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class CoverageRulesCheckTest {

  private static Plugin plugin(String rules) throws Exception {
    Plugin plugin = new Plugin();
    plugin.setConfiguration(
        Xpp3DomBuilder.build(
            new StringReader(
                "<configuration><coverage><rules>"
                    + rules
                    + "</rules></coverage></configuration>")));
    return plugin;
  }

  @Test
  void acceptsRulesTheReportAccepts() throws Exception {
    Plugin plugin =
        plugin(
            "<rule><counter>line</counter><minimum>0.80</minimum></rule>"
                + "<rule><counter>BRANCH</counter><minimum>0</minimum></rule>");

    assertThatCode(() -> CoverageRulesCheck.check(plugin, "pom.xml")).doesNotThrowAnyException();
  }

  @Test
  void rejectsARatioAboveOneNamingThePomAndTheRule() throws Exception {
    Plugin plugin = plugin("<rule><counter>line</counter><minimum>2</minimum></rule>");

    assertThatThrownBy(() -> CoverageRulesCheck.check(plugin, "pom.xml"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Invalid <coverage><rules> rule in pom.xml (counter 'line', minimum '2'): ratio 2 for"
                + " line is outside 0..1 (0.80 means 80 %)");
  }

  @Test
  void rejectsAnUnknownCounterInAnExecutionsConfiguration() throws Exception {
    Plugin plugin = new Plugin();
    PluginExecution execution = new PluginExecution();
    execution.setConfiguration(
        plugin("<rule><counter>lines</counter><minimum>0.5</minimum></rule>").getConfiguration());
    plugin.addExecution(execution);

    assertThatThrownBy(() -> CoverageRulesCheck.check(plugin, "pom.xml"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("unknown coverage counter 'lines'");
  }
}
