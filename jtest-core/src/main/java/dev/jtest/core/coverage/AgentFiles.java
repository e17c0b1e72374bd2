package dev.jtest.core.coverage;

import dev.jtest.agent.ShutdownDump;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jacoco.agent.AgentJar;

/** The two agent jars jtest puts into covered containers. */
final class AgentFiles {

  /** What to do about a jar that lacks what jtest put into it. */
  private static final String REINSTALL =
      ": jtest's installation is damaged; delete dev/jtest and org/jacoco from the local Maven"
          + " repository (~/.m2/repository) and build again";

  private AgentFiles() {}

  /**
   * JaCoCo's runtime agent, unmodified, from the {@code org.jacoco.agent} artifact.
   *
   * @throws CoverageException when jtest's class path lacks it
   */
  static byte[] jacocoAgent() {
    try (InputStream in = AgentJar.getResourceAsStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new CoverageException(
          "coverage: cannot read JaCoCo's agent jar from org.jacoco.agent ("
              + e.getMessage()
              + ")"
              + REINSTALL,
          e);
    }
  }

  /**
   * jtest's shutdown-dump agent as a jar, built from its class: the class is on jtest's class path
   * whether that is a jar or a reactor's classes directory.
   *
   * @throws CoverageException when jtest's class path lacks the class
   */
  static byte[] dumpAgent() {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", ShutdownDump.class.getName());
    String resource = ShutdownDump.class.getName().replace('.', '/') + ".class";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest);
        InputStream in = ShutdownDump.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new CoverageException(
            "coverage: class " + resource + " is missing from jtest's class path" + REINSTALL);
      }
      jar.putNextEntry(new JarEntry(resource));
      in.transferTo(jar);
      jar.closeEntry();
    } catch (IOException e) {
      throw new CoverageException(
          "coverage: cannot build the shutdown-dump agent jar from "
              + resource
              + " ("
              + e.getMessage()
              + ")"
              + REINSTALL,
          e);
    }
    return bytes.toByteArray();
  }
}
