package dev.jtest.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class EarlyStartPolicyTest {

  private final Map<String, String> properties = new HashMap<>();

  private Plugin bound() {
    Plugin plugin = new Plugin();
    ServiceGoals.bind(plugin);
    return plugin;
  }

  @Test
  void buildsThatReachPreIntegrationTestStartEarly() {
    for (String goal :
        List.of("verify", "install", "deploy", "integration-test", "pre-integration-test")) {
      assertThat(EarlyStartPolicy.refusal(List.of("clean", goal), properties::get, bound()))
          .as(goal)
          .isEmpty();
    }
  }

  @Test
  void buildsThatStopEarlierStartNothing() {
    // jtest:start named on the command line runs in a class realm of its own: nothing to adopt.
    for (String goal :
        List.of("test", "package", "compile", "clean", "jtest:help", "jtest:start", "jtest:stop")) {
      assertThat(EarlyStartPolicy.refusal(List.of(goal), properties::get, bound()))
          .as(goal)
          .hasValueSatisfying(reason -> assertThat(reason).contains("does not reach"));
    }
  }

  @Test
  void skipsMeanNoEarlyStart() {
    for (String skip : List.of("jtest.skip", "skipTests", "skipITs", "maven.test.skip")) {
      properties.clear();
      properties.put(skip, "true");
      assertThat(EarlyStartPolicy.refusal(List.of("verify"), properties::get, bound()))
          .as(skip)
          .hasValue(skip + " is set");
    }
    properties.clear();
    properties.put("skipITs", "false");
    assertThat(EarlyStartPolicy.refusal(List.of("verify"), properties::get, bound())).isEmpty();
  }

  @Test
  void earlyStartFalseTurnsItOff() {
    properties.put("jtest.earlyStart", "false");

    assertThat(EarlyStartPolicy.refusal(List.of("verify"), properties::get, bound()))
        .hasValue("jtest.earlyStart=false");
  }

  @Test
  void coverageMeansNoEarlyStart() {
    properties.put("jtest.coverage", "true");

    assertThat(EarlyStartPolicy.refusal(List.of("verify"), properties::get, bound()))
        .hasValue("coverage is on");
  }

  @Test
  void aStartParameterOnlyTheGoalSeesMeansNoEarlyStart() {
    Plugin plugin = new Plugin();
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    configuration.addChild(new Xpp3Dom("pullTimeout"));
    plugin.setConfiguration(configuration);
    ServiceGoals.bind(plugin);

    assertThat(EarlyStartPolicy.refusal(List.of("verify"), properties::get, plugin))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("<pullTimeout>"));
  }

  @Test
  void aStartExecutionsOwnConfigurationCountsToo() {
    Plugin plugin = new Plugin();
    PluginExecution start = new PluginExecution();
    start.addGoal("start");
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    configuration.addChild(new Xpp3Dom("composeFiles"));
    start.setConfiguration(configuration);
    plugin.addExecution(start);

    assertThat(EarlyStartPolicy.refusal(List.of("verify"), properties::get, plugin))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("<composeFiles>"));
  }

  @Test
  void coverageRulesDoNotStopAnEarlyStart() {
    Plugin plugin = new Plugin();
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    configuration.addChild(new Xpp3Dom("coverage"));
    plugin.setConfiguration(configuration);
    ServiceGoals.bind(plugin);

    assertThat(EarlyStartPolicy.refusal(List.of("verify"), properties::get, plugin)).isEmpty();
  }
}
