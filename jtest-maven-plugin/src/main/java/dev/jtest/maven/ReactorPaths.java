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

  /** The tests' class directories: the test JVM's own classes, for per-test coverage. */
  static List<Path> testClassDirectories(MavenSession session) {
    List<Path> dirs = new ArrayList<>();
    for (MavenProject project : session.getProjects()) {
      dirs.add(Path.of(project.getBuild().getTestOutputDirectory()));
    }
    return dirs;
  }

  /** The tests' source directories. */
  static List<Path> testSourceDirectories(MavenSession session) {
    return roots(session, MavenProject::getTestCompileSourceRoots);
  }

  static List<Path> sourceDirectories(MavenSession session) {
    return roots(session, MavenProject::getCompileSourceRoots);
  }

  private static List<Path> roots(
      MavenSession session, java.util.function.Function<MavenProject, List<String>> roots) {
    List<Path> dirs = new ArrayList<>();
    for (MavenProject project : session.getProjects()) {
      for (String root : roots.apply(project)) {
        dirs.add(Path.of(root));
      }
    }
    return dirs;
  }
}
