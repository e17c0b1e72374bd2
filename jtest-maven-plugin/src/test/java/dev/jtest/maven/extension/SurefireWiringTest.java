package dev.jtest.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.surefire.affected.ClassSources;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class SurefireWiringTest {

  @Test
  void mapsJupiterFiveToPlatformOneAndKeepsSixAsIs() {
    assertThat(SurefireWiring.platformOf("5.14.4")).isEqualTo("1.14.4");
    assertThat(SurefireWiring.platformOf("5.10.3")).isEqualTo("1.10.3");
    assertThat(SurefireWiring.platformOf("6.1.3")).isEqualTo("6.1.3");
  }

  @Test
  void mapsPlatformBackToTheJUnitVersionOfItsVintageEngine() {
    assertThat(SurefireWiring.junitOf("1.14.4")).isEqualTo("5.14.4");
    assertThat(SurefireWiring.junitOf("6.1.3")).isEqualTo("6.1.3");
  }

  @Test
  void addsVintageOnlyFromSurefireThreeSixAsStockDoes() {
    int[] since = SurefireWiring.VINTAGE_BY_DEFAULT;
    assertThat(SurefireWiring.olderThan("3.5.4", since)).isTrue();
    assertThat(SurefireWiring.olderThan("3.6.0", since)).isFalse();
  }

  @Test
  void upgradesOnlySurefireOlderThanThreeFive() {
    int[] oldest = SurefireWiring.OLDEST_SUREFIRE;
    assertThat(SurefireWiring.olderThan("3.2.5", oldest)).isTrue();
    assertThat(SurefireWiring.olderThan("2.22.2", oldest)).isTrue();
    assertThat(SurefireWiring.olderThan("3.5.0", oldest)).isFalse();
    assertThat(SurefireWiring.olderThan("3.6.1", oldest)).isFalse();
    assertThat(SurefireWiring.olderThan("4.0.0-M1", oldest)).isFalse();
  }

  private static Map<String, String> forkProperties(Plugin plugin) {
    Map<String, String> variables = new HashMap<>();
    Xpp3Dom dom = ((Xpp3Dom) plugin.getConfiguration()).getChild("systemPropertyVariables");
    for (Xpp3Dom variable : dom.getChildren()) {
      variables.put(variable.getName(), variable.getValue());
    }
    return variables;
  }

  private static Plugin surefire(String timeout) {
    Plugin plugin = new Plugin();
    plugin.setArtifactId(SurefireWiring.SUREFIRE);
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    if (timeout != null) {
      Xpp3Dom seconds = new Xpp3Dom("forkedProcessTimeoutInSeconds");
      seconds.setValue(timeout);
      configuration.addChild(seconds);
    }
    plugin.setConfiguration(configuration);
    return plugin;
  }

  @Test
  void handsTheForkThePomsSettingsTheBuildDirectoryAndTheForkTimeout() {
    MavenProject project = new MavenProject();
    project.getBuild().setDirectory("/work/demo/out");
    Plugin plugin = surefire("30");

    SurefireWiring.configure(
        plugin, new Properties(), project, Map.of("jtest.workers", "3", "jtest.dist", "fast"));

    assertThat(forkProperties(plugin))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "jtest.workers", "3",
                "jtest.dist", "fast",
                "jtest.buildDirectory", "/work/demo/out",
                "jtest.forkTimeout", "30"));
    Xpp3Dom dom = (Xpp3Dom) plugin.getConfiguration();
    assertThat(dom.getChild("forkCount").getValue()).isEqualTo("1");
  }

  @Test
  void leavesUserPropertiesAndAbsentTimeoutsToSurefire() {
    MavenProject project = new MavenProject();
    project.getBuild().setDirectory("/work/demo/target");
    Properties user = new Properties();
    user.setProperty("jtest.workers", "4");
    Plugin plugin = surefire("0");

    SurefireWiring.configure(plugin, user, project, Map.of("jtest.workers", "3"));

    assertThat(forkProperties(plugin))
        .containsExactly(Map.entry("jtest.buildDirectory", "/work/demo/target"));
  }

  @Test
  void passesEveryModulesMainSourcesAndThisProjectsTestSourcesWithTheirClassDirectories() {
    MavenProject service = new MavenProject();
    service.getBuild().setOutputDirectory("/r/svc/target/classes");
    service.addCompileSourceRoot("/r/svc/src/main/java");
    MavenProject tests = new MavenProject();
    tests.getBuild().setOutputDirectory("/r/it/target/classes");
    tests.getBuild().setTestOutputDirectory("/r/it/target/test-classes");
    tests.addCompileSourceRoot("/r/it/src/main/java");
    tests.addTestCompileSourceRoot("/r/it/src/test/java");

    String value = SurefireWiring.classSources(List.of(service, tests), tests);

    assertThat(ClassSources.parse(value).roots())
        .containsExactly(
            new ClassSources.Root(
                false, Path.of("/r/svc/src/main/java"), Path.of("/r/svc/target/classes")),
            new ClassSources.Root(
                false, Path.of("/r/it/src/main/java"), Path.of("/r/it/target/classes")),
            new ClassSources.Root(
                true, Path.of("/r/it/src/test/java"), Path.of("/r/it/target/test-classes")));
  }
}
