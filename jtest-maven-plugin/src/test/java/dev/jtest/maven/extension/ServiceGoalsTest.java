package dev.jtest.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class ServiceGoalsTest {

  @Test
  void everyBoundExecutionCarriesThePluginsConfiguration() {
    Plugin plugin = new Plugin();
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    Xpp3Dom files = new Xpp3Dom("composeFiles");
    Xpp3Dom file = new Xpp3Dom("composeFile");
    file.setValue("../docker-compose.yml");
    files.addChild(file);
    configuration.addChild(files);
    plugin.setConfiguration(configuration);

    ServiceGoals.bind(plugin);

    assertThat(plugin.getExecutions()).hasSize(4);
    for (PluginExecution execution : plugin.getExecutions()) {
      Xpp3Dom bound = (Xpp3Dom) execution.getConfiguration();
      assertThat(bound.getChild("composeFiles").getChild("composeFile").getValue())
          .as(execution.getId())
          .isEqualTo("../docker-compose.yml");
    }
    Xpp3Dom cleanup = (Xpp3Dom) plugin.getExecutionsAsMap().get("jtest-cleanup").getConfiguration();
    assertThat(cleanup.getChild("afterTests").getValue()).isEqualTo("true");
    // Copies: a change to one execution's configuration reaches no other.
    assertThat(plugin.getExecutions().get(0).getConfiguration()).isNotSameAs(configuration);
  }

  @Test
  void withoutPluginConfigurationOnlyTheCleanupIsConfigured() {
    Plugin plugin = new Plugin();

    ServiceGoals.bind(plugin);

    assertThat(plugin.getExecutionsAsMap().get("jtest-start").getConfiguration()).isNull();
    assertThat(plugin.getExecutionsAsMap().get("jtest-cleanup").getConfiguration()).isNotNull();
  }
}
