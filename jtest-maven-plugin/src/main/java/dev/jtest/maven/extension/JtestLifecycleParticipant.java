package dev.jtest.maven.extension;

import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build extension: in every project that declares {@code dev.jtest:jtest-maven-plugin} with
 * {@code <extensions>true</extensions>}, wires jtest into the lifecycle so that the pom needs no
 * further configuration.
 */
@Named("jtest")
@Singleton
public class JtestLifecycleParticipant extends AbstractMavenLifecycleParticipant {

  static final String PLUGIN_KEY = "dev.jtest:jtest-maven-plugin";
  static final String COVERAGE_PROFILE = "coverage";

  private final Logger log = LoggerFactory.getLogger(JtestLifecycleParticipant.class);

  @Inject
  public JtestLifecycleParticipant() {}

  @Override
  public void afterProjectsRead(MavenSession session) {
    List<String> unknown = JtestProperties.unknown(session.getUserProperties());
    if (!unknown.isEmpty()) {
      log.warn(
          "jtest: unknown propert{} {} (ignored; known: {})",
          unknown.size() == 1 ? "y" : "ies",
          String.join(", ", unknown.stream().map(u -> "-D" + u).toList()),
          String.join(", ", new java.util.TreeSet<>(JtestProperties.KNOWN)));
    }
    for (MavenProject project : session.getProjects()) {
      Plugin jtest = project.getBuild().getPluginsAsMap().get(PLUGIN_KEY);
      if (jtest != null) {
        ServiceGoals.bind(jtest);
        ServiceGoals.orderBeforeFailsafe(project.getBuild(), jtest);
      }
    }
    claimCoverageProfile(session);
  }

  /**
   * {@code -Pcoverage} turns coverage on without the user declaring a profile. Maven checks for
   * missing requested profiles only after the extensions ran, so jtest takes the id out of the
   * request (no "profile could not be activated" warning), unless a project defines it: then the
   * user's profile is activated as usual and may set {@code jtest.coverage} itself.
   */
  static void claimCoverageProfile(MavenSession session) {
    List<String> requested = session.getRequest().getActiveProfiles();
    if (!requested.contains(COVERAGE_PROFILE)) {
      return;
    }
    boolean defined =
        session.getProjects().stream()
            .flatMap(p -> p.getModel().getProfiles().stream())
            .anyMatch(profile -> COVERAGE_PROFILE.equals(profile.getId()));
    if (!defined) {
      List<String> rest = new java.util.ArrayList<>(requested);
      rest.remove(COVERAGE_PROFILE);
      session.getRequest().setActiveProfiles(rest);
      session.getUserProperties().setProperty("jtest.coverage", "true");
    }
  }
}
