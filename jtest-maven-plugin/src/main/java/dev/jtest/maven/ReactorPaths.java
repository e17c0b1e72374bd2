package dev.jtest.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** The class and source directories of every module of the build: "the project's own" code. */
final class ReactorPaths {

  private ReactorPaths() {}

  static List<Path> classDirectories(MavenSession session) {
    List<Path> dirs = new ArrayList<>();
    for (MavenProject project : session.getProjects()) {
      Path dir = Path.of(project.getBuild().getOutputDirectory());
      if (Files.isDirectory(dir)) {
        dirs.add(dir);
      }
    }
    return dirs;
  }

  static List<Path> sourceDirectories(MavenSession session) {
    List<Path> dirs = new ArrayList<>();
    for (MavenProject project : session.getProjects()) {
      for (String root : project.getCompileSourceRoots()) {
        dirs.add(Path.of(root));
      }
    }
    return dirs;
  }
}
