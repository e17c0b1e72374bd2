package dev.jtest.maven.extension;

import dev.jtest.core.JtestException;
import dev.jtest.settings.Settings;
import dev.jtest.surefire.affected.ClassSources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Exclusion;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the jtest provider into a project's Surefire {@code test} and Failsafe {@code
 * integration-test} runs: the provider and the JUnit Platform launcher that matches the project's
 * JUnit as plugin dependencies (with Surefire 3.6 or newer also the Vintage engine, as stock
 * Surefire adds it for JUnit 4 tests), {@code forkCount=1} (that fork is jtest's coordinator), the
 * pom's {@code jtest.*} properties passed to the fork, and a Failsafe plugin with {@code
 * integration-test} and {@code verify} goals when the pom has none. Everything else the user
 * configured is left as it is.
 */
public final class SurefireWiring {

  static final String JTEST_GROUP = "dev.jtest";
  static final String JTEST_PLUGIN = "jtest-maven-plugin";
  static final String PROVIDER = "jtest-surefire-provider";
  static final String PLUGINS_GROUP = "org.apache.maven.plugins";
  static final String SUREFIRE = "maven-surefire-plugin";
  static final String FAILSAFE = "maven-failsafe-plugin";
  static final String PLATFORM_GROUP = "org.junit.platform";
  static final String LAUNCHER = "junit-platform-launcher";
  static final String VINTAGE_GROUP = "org.junit.vintage";
  static final String VINTAGE = "junit-vintage-engine";

  /**
   * The first Surefire whose own JUnit Platform provider adds the Vintage engine when {@code
   * junit:junit} is on the test class path, so that JUnit 3 and 4 tests run beside Jupiter's.
   */
  static final int[] VINTAGE_BY_DEFAULT = {3, 6, 0};

  /** The oldest Surefire whose provider API jtest's provider is built against. */
  static final int[] OLDEST_SUREFIRE = {3, 5, 0};

  private static final Logger LOG = LoggerFactory.getLogger(SurefireWiring.class);

  private SurefireWiring() {}

  /** True when the project's build declares jtest's plugin. */
  public static boolean declaresJtest(MavenProject project) {
    return project.getBuildPlugins().stream()
        .anyMatch(
            p -> JTEST_GROUP.equals(p.getGroupId()) && JTEST_PLUGIN.equals(p.getArtifactId()));
  }

  /** Wires jtest's provider into the project's test runs. */
  public static void wire(MavenSession session, MavenProject project) {
    if ("pom".equals(project.getPackaging())) {
      return; // No tests of its own to run.
    }
    Map<String, String> jtestProperties = JtestProperties.of(project.getProperties());
    jtestProperties.put(
        Settings.CLASS_SOURCES.name(), classSources(session.getProjects(), project));
    Properties versions = versions();
    String platform =
        platformVersion(project).orElseGet(() -> platformOf(versions.getProperty("junit")));
    Plugin surefire = plugin(project, SUREFIRE, versions);
    Plugin failsafe = plugin(project, FAILSAFE, versions);
    if (failsafe.getExecutions().stream()
        .noneMatch(e -> e.getGoals().contains("integration-test"))) {
      PluginExecution execution = new PluginExecution();
      execution.setId("jtest-integration-test");
      execution.addGoal("integration-test");
      execution.addGoal("verify");
      // Maven copied plugin-level configuration into the executions it read; this one is new.
      if (failsafe.getConfiguration() != null) {
        execution.setConfiguration(new Xpp3Dom((Xpp3Dom) failsafe.getConfiguration()));
      }
      failsafe.addExecution(execution);
    }
    for (Plugin plugin : List.of(surefire, failsafe)) {
      addDependency(plugin, JTEST_GROUP, PROVIDER, versions.getProperty("jtest"));
      addDependency(plugin, PLATFORM_GROUP, LAUNCHER, platform);
      if (!olderThan(plugin.getVersion(), VINTAGE_BY_DEFAULT) && !declaresVintage(project)) {
        addVintage(plugin, junitOf(platform));
      }
      configure(plugin, session.getUserProperties(), project, jtestProperties);
    }
    LOG.debug(
        "jtest: {} runs tests with the jtest provider (JUnit Platform launcher {})",
        project.getArtifactId(),
        platform);
  }

  /**
   * For {@code jtest.affected}: the main source roots of every module of the build with the class
   * directory each compiles to (the class directories {@code jtest:report} reads), and the
   * project's own test source roots with its test class directory.
   */
  static String classSources(List<MavenProject> modules, MavenProject project) {
    List<ClassSources.Root> roots = new ArrayList<>();
    for (MavenProject module : modules) {
      Path classes = Path.of(module.getBuild().getOutputDirectory());
      module
          .getCompileSourceRoots()
          .forEach(r -> roots.add(new ClassSources.Root(false, Path.of(r), classes)));
    }
    Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
    project
        .getTestCompileSourceRoots()
        .forEach(r -> roots.add(new ClassSources.Root(true, Path.of(r), testClasses)));
    return ClassSources.format(roots);
  }

  /**
   * The JUnit Platform version the project's tests use, from its declared or managed JUnit
   * artifacts: Jupiter 5.x.y runs on Platform 1.x.y; from 6.0 on the numbers are the same.
   */
  static Optional<String> platformVersion(MavenProject project) {
    List<Dependency> candidates = new ArrayList<>(project.getDependencies());
    if (project.getDependencyManagement() != null) {
      candidates.addAll(project.getDependencyManagement().getDependencies());
    }
    for (Dependency dependency : candidates) {
      String group = dependency.getGroupId();
      String artifact = dependency.getArtifactId();
      String version = dependency.getVersion();
      if (version == null || version.isBlank()) {
        continue;
      }
      if (PLATFORM_GROUP.equals(group) && artifact.startsWith("junit-platform-")) {
        return Optional.of(version);
      }
      if ("org.junit.jupiter".equals(group) && artifact.startsWith("junit-jupiter")
          || "org.junit".equals(group) && artifact.equals("junit-bom")) {
        return Optional.of(platformOf(version));
      }
    }
    return Optional.empty();
  }

  /** The Platform version of a JUnit (Jupiter or BOM) version. */
  static String platformOf(String junitVersion) {
    return junitVersion.startsWith("5.") ? "1." + junitVersion.substring(2) : junitVersion;
  }

  /**
   * The project's plugin, or a new one added to the build: from its {@code <pluginManagement>}
   * entry when there is one (Maven applied management only to plugins the pom declared).
   */
  private static Plugin plugin(MavenProject project, String artifactId, Properties versions) {
    String key = PLUGINS_GROUP + ":" + artifactId;
    Plugin plugin = project.getPlugin(key);
    if (plugin == null) {
      Plugin managed =
          project.getPluginManagement() == null
              ? null
              : project.getPluginManagement().getPluginsAsMap().get(key);
      plugin = managed != null ? managed.clone() : new Plugin();
      plugin.setGroupId(PLUGINS_GROUP);
      plugin.setArtifactId(artifactId);
      if (plugin.getVersion() == null || olderThan(plugin.getVersion(), OLDEST_SUREFIRE)) {
        plugin.setVersion(versions.getProperty("surefire"));
      }
      project.getBuild().addPlugin(plugin);
    } else if (plugin.getVersion() == null || olderThan(plugin.getVersion(), OLDEST_SUREFIRE)) {
      LOG.info(
          "jtest: using {} {} (the provider needs 3.5 or newer; the build had {})",
          artifactId,
          versions.getProperty("surefire"),
          plugin.getVersion());
      plugin.setVersion(versions.getProperty("surefire"));
    }
    return plugin;
  }

  /** The JUnit (Jupiter, Vintage) version of a Platform version: the inverse of platformOf. */
  static String junitOf(String platformVersion) {
    return platformVersion.startsWith("1.") ? "5." + platformVersion.substring(2) : platformVersion;
  }

  private static boolean declaresVintage(MavenProject project) {
    return project.getDependencies().stream()
        .anyMatch(d -> VINTAGE_GROUP.equals(d.getGroupId()) && VINTAGE.equals(d.getArtifactId()));
  }

  /**
   * The Vintage engine, as stock Surefire adds it, but without the JUnit 4 it depends on: the
   * provider lets it run only when the project's own test class path has JUnit 4, where stock adds
   * it only then (that class path is not resolved yet when this runs).
   */
  private static void addVintage(Plugin plugin, String version) {
    Dependency vintage = addDependency(plugin, VINTAGE_GROUP, VINTAGE, version);
    if (vintage != null) {
      Exclusion junit = new Exclusion();
      junit.setGroupId("junit");
      junit.setArtifactId("junit");
      vintage.addExclusion(junit);
    }
  }

  /** Adds a plugin dependency unless the plugin has one on that artifact; returns it, or null. */
  private static Dependency addDependency(
      Plugin plugin, String group, String artifact, String version) {
    boolean present =
        plugin.getDependencies().stream()
            .anyMatch(d -> group.equals(d.getGroupId()) && artifact.equals(d.getArtifactId()));
    if (present) {
      return null;
    }
    Dependency dependency = new Dependency();
    dependency.setGroupId(group);
    dependency.setArtifactId(artifact);
    dependency.setVersion(version);
    plugin.addDependency(dependency);
    return dependency;
  }

  /**
   * Sets {@code forkCount=1} and {@code reuseForks=true}, and adds the pom's {@code jtest.*}
   * properties and the build directory to {@code systemPropertyVariables} where the user has not
   * set them, at plugin level and in every execution (Maven has already copied plugin-level
   * configuration into each execution).
   */
  static void configure(
      Plugin plugin, Properties userProperties, MavenProject project, Map<String, String> jtest) {
    // Surefire's fork timeout is measured from the first test set the fork reports, which jtest
    // reports only when a class is done; the provider reports one as it starts when it knows a
    // timeout is set.
    String timeoutProperty =
        plugin.getArtifactId().equals(FAILSAFE) ? "failsafe.timeout" : "surefire.timeout";
    String timeoutDefault =
        userProperties.getProperty(
            timeoutProperty, project.getProperties().getProperty(timeoutProperty));
    List<Object> configurations = new ArrayList<>();
    if (plugin.getConfiguration() == null) {
      plugin.setConfiguration(new Xpp3Dom("configuration"));
    }
    configurations.add(plugin.getConfiguration());
    for (PluginExecution execution : plugin.getExecutions()) {
      if (execution.getConfiguration() == null) {
        execution.setConfiguration(new Xpp3Dom("configuration"));
      }
      configurations.add(execution.getConfiguration());
    }
    for (Object configuration : configurations) {
      Xpp3Dom dom = (Xpp3Dom) configuration;
      Xpp3Dom forkCount = child(dom, "forkCount");
      if (forkCount.getValue() != null && !forkCount.getValue().trim().equals("1")) {
        LOG.warn(
            "jtest: {} forkCount={} replaced by 1: that fork coordinates jtest's workers (set"
                + " {} instead)",
            plugin.getArtifactId(),
            forkCount.getValue(),
            Settings.WORKERS.name());
      }
      forkCount.setValue("1");
      child(dom, "reuseForks").setValue("true");
      Xpp3Dom variables = child(dom, "systemPropertyVariables");
      Map<String, String> wanted = new HashMap<>(jtest);
      wanted.put(Settings.BUILD_DIRECTORY.name(), project.getBuild().getDirectory());
      Xpp3Dom timeout = dom.getChild("forkedProcessTimeoutInSeconds");
      int seconds =
          Settings.FORK_TIMEOUT.parse(
              timeout != null && timeout.getValue() != null ? timeout.getValue() : timeoutDefault);
      if (seconds > 0) {
        wanted.put(Settings.FORK_TIMEOUT.name(), Integer.toString(seconds));
      }
      // A user property reaches the fork by itself, and Surefire warns when a variable names it.
      wanted.keySet().removeAll(userProperties.stringPropertyNames());
      wanted.forEach(
          (key, value) -> {
            if (variables.getChild(key) == null) {
              Xpp3Dom variable = new Xpp3Dom(key);
              variable.setValue(value);
              variables.addChild(variable);
            }
          });
    }
  }

  private static Xpp3Dom child(Xpp3Dom parent, String name) {
    Xpp3Dom child = parent.getChild(name);
    if (child == null) {
      child = new Xpp3Dom(name);
      parent.addChild(child);
    }
    return child;
  }

  static boolean olderThan(String version, int[] oldest) {
    String[] parts = version.split("[.-]");
    for (int i = 0; i < oldest.length; i++) {
      int part;
      try {
        part = i < parts.length ? Integer.parseInt(parts[i]) : 0;
      } catch (NumberFormatException e) {
        return false; // A qualifier where a number was expected: leave the user's choice alone.
      }
      if (part != oldest[i]) {
        return part < oldest[i];
      }
    }
    return false;
  }

  /**
   * The versions this plugin was built with, written into its jar by the build.
   *
   * @throws JtestException when the jar lacks them: it is damaged
   */
  private static Properties versions() {
    Properties versions = new Properties();
    String damaged =
        ": the jar is damaged; delete dev/jtest from the local Maven repository"
            + " (~/.m2/repository) and build again";
    try (InputStream in = SurefireWiring.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        throw new JtestException("jtest's plugin jar lacks its versions.properties" + damaged);
      }
      versions.load(in);
    } catch (IOException e) {
      throw new JtestException(
          "jtest's plugin jar cannot read its versions.properties ("
              + e.getMessage()
              + ")"
              + damaged,
          e);
    }
    return versions;
  }
}
