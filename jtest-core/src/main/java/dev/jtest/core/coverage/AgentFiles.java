package dev.jtest.core.coverage;

import dev.jtest.agent.ShutdownDump;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jacoco.agent.AgentJar;

/** The two agent jars jtest puts into covered containers. */
final class AgentFiles {

  private AgentFiles() {}

  /** JaCoCo's runtime agent, unmodified, from the {@code org.jacoco.agent} artifact. */
  static byte[] jacocoAgent() {
    try (InputStream in = AgentJar.getResourceAsStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JaCoCo's agent jar", e);
    }
  }

  /**
   * jtest's shutdown-dump agent as a jar, built from its class: the class is on jtest's class path
   * whether that is a jar or a reactor's classes directory.
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
        throw new IllegalStateException(
            "class " + resource + " is missing from jtest's class path");
      }
      jar.putNextEntry(new JarEntry(resource));
      in.transferTo(jar);
      jar.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the shutdown-dump agent jar", e);
    }
    return bytes.toByteArray();
  }
}
