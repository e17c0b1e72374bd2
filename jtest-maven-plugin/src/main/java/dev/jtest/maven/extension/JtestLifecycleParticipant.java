package dev.jtest.maven.extension;

import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;

/**
 * The build extension: in every project that declares {@code dev.jtest:jtest-maven-plugin} with
 * {@code <extensions>true</extensions>}, wires jtest into the lifecycle so that the pom needs no
 * further configuration.
 */
@Named("jtest")
@Singleton
public class JtestLifecycleParticipant extends AbstractMavenLifecycleParticipant {

  static final String PLUGIN_KEY = "dev.jtest:jtest-maven-plugin";

  @Override
  public void afterProjectsRead(MavenSession session) {
    for (MavenProject project : session.getProjects()) {
      Plugin jtest = project.getBuild().getPluginsAsMap().get(PLUGIN_KEY);
      if (jtest != null) {
        ServiceGoals.bind(jtest);
      }
    }
  }
}
