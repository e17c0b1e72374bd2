package dev.jtest.maven.extension;

import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * jtest's build extension (the plugin declared with {@code <extensions>true</extensions>}): once
 * the projects are read, wires jtest into each project that declares the plugin.
 */
@Named("jtest")
@Singleton
public class JtestLifecycleParticipant extends AbstractMavenLifecycleParticipant {

  @Override
  public void afterProjectsRead(MavenSession session) throws MavenExecutionException {
    for (MavenProject project : session.getProjects()) {
      if (SurefireWiring.declaresJtest(project)) {
        SurefireWiring.wire(session, project);
      }
    }
  }
}
