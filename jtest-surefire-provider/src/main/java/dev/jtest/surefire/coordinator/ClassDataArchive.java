package dev.jtest.surefire.coordinator;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The AppCDS archive the worker JVMs start from: jtest's and the JUnit Platform's classes, mapped
 * from {@code target/jtest/cds/<key>.jsa} instead of read, verified and parsed in every worker.
 *
 * <p>The key covers all that makes an archive usable: the java (its home, version and module
 * image), the JVM options that are not system properties, {@code JAVA_TOOL_OPTIONS} and {@code
 * JDK_JAVA_OPTIONS}, and every class path entry with its size and modification time (jtest's own
 * jars among them, so a new jtest is a new key). A run with no archive for its key dumps one in a
 * JVM of its own while the tests run; it is written to a temporary file, checked by a JVM that must
 * map it ({@code -Xshare:on}) and moved into place atomically, since the JVM crashes on a truncated
 * archive even with {@code -Xshare:auto}. Workers map it with {@code -Xshare:auto} and the JVM's
 * CDS messages off, so any mismatch falls back to a normal start without a word in the reports;
 * {@code worker-<pid>.log} beside it records each worker's class path check.
 */
final class ClassDataArchive implements AutoCloseable {

  private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(120);

  /** Files of other keys older than this are removed: no build still runs with them. */
  private static final Duration STALE = Duration.ofHours(1);

  private final String classPath;
  private final List<String> options;
  private final Dump dump;

  /** A dump under way: its process, the file it writes, and the one it becomes. */
  private record Dump(Process process, Path temporary, Path archive, Path log, Launch check) {}

  /** How to start a JVM from the archive's class path: java, options and class path. */
  private record Launch(Path java, List<String> options, String classPath) {}

  private ClassDataArchive(String classPath, List<String> options, Dump dump) {
    this.classPath = classPath;
    this.options = options;
    this.dump = dump;
  }

  /** The worker JVMs as they are without an archive. */
  static ClassDataArchive none(String classPath, List<String> options) {
    return new ClassDataArchive(classPath, options, null);
  }

  /**
   * The worker class path and options for this run, starting the dump of an archive when there is
   * none for its key yet.
   *
   * @param workDirectory {@code target/jtest}
   * @param options the worker JVM options (the fork's)
   * @param classPath the worker class path (the fork's, Surefire's booter jar)
   * @param debug where the reason for starting without an archive goes
   */
  static ClassDataArchive open(
      Path workDirectory,
      Path javaHome,
      List<String> options,
      String classPath,
      Map<String, String> environment,
      Consumer<String> debug) {
    String unusable = unusable(options, environment);
    if (unusable != null) {
      debug.accept("jtest: worker JVMs start without a class-data archive: " + unusable);
      return none(classPath, options);
    }
    try {
      return prepare(
          workDirectory.resolve("cds"), javaHome, options, classPath, environment, debug);
    } catch (IOException e) {
      debug.accept("jtest: worker JVMs start without a class-data archive: " + e);
      return none(classPath, options);
    }
  }

  private static ClassDataArchive prepare(
      Path dir,
      Path javaHome,
      List<String> options,
      String classPath,
      Map<String, String> environment,
      Consumer<String> debug)
      throws IOException {
    List<Path> entries = WorkerClassPath.entries(classPath, File.pathSeparator);
    String key = WorkerClassPath.key(keyParts(javaHome, options, entries, environment));
    Path jar = dir.resolve(key + ".jar");
    Path names = dir.resolve(key + ".names");
    Path archive = dir.resolve(key + ".jsa");
    Path failed = dir.resolve(key + ".failed");
    if (!Files.exists(jar)) {
      Files.createDirectories(dir);
      List<Path> front = WorkerClassPath.front(entries, WorkerClassPath::names);
      String manifestPath =
          WorkerClassPath.manifestClassPath(WorkerClassPath.reordered(entries, front), dir);
      if (front.isEmpty() || manifestPath == null) {
        debug.accept("jtest: worker JVMs start without a class-data archive: no jar to archive");
        return none(classPath, options);
      }
      List<String> frontNames = new ArrayList<>();
      for (Path entry : front) {
        frontNames.add(">" + entry);
        frontNames.addAll(WorkerClassPath.names(entry));
      }
      writeAtomically(
          names, out -> out.write(String.join("\n", frontNames).getBytes(StandardCharsets.UTF_8)));
      writeAtomically(jar, out -> writeManifestJar(out, manifestPath));
    }
    List<String> lines = Files.readAllLines(names, StandardCharsets.UTF_8);
    List<String> frontJars = new ArrayList<>();
    List<String> frontNames = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(">")) {
        frontJars.add(line.substring(1));
      } else {
        frontNames.add(line);
      }
    }
    String shadow = WorkerClassPath.shadowedByDirectory(entries, frontNames);
    if (shadow != null) {
      debug.accept(
          "jtest: worker JVMs start without a class-data archive: "
              + shadow
              + " shadows a class of the jars it would hold");
      return none(classPath, options);
    }
    Path java = javaHome.resolve("bin").resolve("java");
    List<String> workerOptions = new ArrayList<>(options);
    if (Files.isRegularFile(archive)) {
      deleteWorkerLogs(dir);
      workerOptions.add("-XX:SharedArchiveFile=" + archive);
      workerOptions.add("-Xshare:auto");
      workerOptions.addAll(quiet());
      workerOptions.add("-Xlog:class+path=info:file=" + quoted(dir.resolve("worker-%p.log")));
      return new ClassDataArchive(jar.toString(), workerOptions, null);
    }
    if (Files.exists(failed)) {
      return new ClassDataArchive(jar.toString(), workerOptions, null);
    }
    removeStale(dir, key);
    Path temporary = Files.createTempFile(dir, key + "-", ".jsa.tmp");
    Files.delete(temporary);
    Path log = dir.resolve(key + ".log");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(options);
    command.add("-XX:ArchiveClassesAtExit=" + temporary);
    command.add("-cp");
    command.add(jar.toString());
    command.add(ClassDataDump.class.getName());
    command.addAll(frontJars);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    debug.accept("jtest: dumping the worker class-data archive " + archive);
    return new ClassDataArchive(
        jar.toString(),
        workerOptions,
        new Dump(process, temporary, archive, log, new Launch(java, options, jar.toString())));
  }

  /** The class path of the worker JVMs. */
  String classPath() {
    return classPath;
  }

  /** The JVM options of the worker JVMs. */
  List<String> options() {
    return options;
  }

  /**
   * Waits for the dump of this run, if any, and puts its archive in place when a JVM maps it;
   * otherwise notes the failure beside it so that later runs with the same key do not try again.
   */
  @Override
  public void close() {
    if (dump == null) {
      return;
    }
    try {
      boolean written =
          dump.process.waitFor(DUMP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
              && dump.process.exitValue() == 0
              && Files.isRegularFile(dump.temporary)
              && maps(dump);
      if (written) {
        Files.setLastModifiedTime(dump.temporary, FileTime.from(Instant.now()));
        move(dump.temporary, dump.archive);
      } else {
        dump.process.destroyForcibly();
        Files.writeString(
            dump.archive.resolveSibling(
                dump.archive.getFileName().toString().replace(".jsa", ".failed")),
            "no usable archive: see " + dump.log.getFileName() + "\n");
      }
    } catch (IOException e) {
      // No archive this time: the next run tries again.
    } catch (InterruptedException e) {
      dump.process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Files.deleteIfExists(dump.temporary);
      } catch (IOException e) {
        // A temporary file of ours, left for mvn clean.
      }
    }
  }

  /** Whether a JVM with the workers' options and class path maps the archive, or refuses it. */
  private static boolean maps(Dump dump) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(dump.check.java.toString());
    command.addAll(dump.check.options);
    command.add("-XX:SharedArchiveFile=" + dump.temporary);
    command.add("-Xshare:on");
    command.add("-cp");
    command.add(dump.check.classPath);
    command.add("-version");
    Process check =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dump.log.toFile()))
            .start();
    if (!check.waitFor(60, TimeUnit.SECONDS)) {
      check.destroyForcibly();
      return false;
    }
    return check.exitValue() == 0;
  }

  /**
   * Why the workers cannot use an archive, or null when they can: a java agent (coverage must see
   * every class as it loads, and the JVM archives none of them then), or a JVM without CDS (OpenJ9)
   * or with sharing off.
   */
  static String unusable(List<String> options, Map<String, String> environment) {
    List<String> all = new ArrayList<>(options);
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
      String value = environment.get(variable);
      if (value != null) {
        all.addAll(List.of(value.trim().split("\\s+")));
      }
    }
    for (String option : all) {
      if (option.startsWith("-javaagent:")
          || option.startsWith("-agentpath:")
          || option.startsWith("-agentlib:")) {
        return "a java agent is present (" + option.split("=", 2)[0] + ")";
      }
      if (option.startsWith("-Xshare:off") || option.startsWith("-XX:SharedArchiveFile")) {
        return "the JVM options set " + option.split("=", 2)[0];
      }
    }
    HotSpotDiagnosticMXBean hotSpot =
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    try {
      if (hotSpot == null || !hotSpot.getVMOption("UseSharedSpaces").getValue().equals("true")) {
        return "this JVM does not share class data";
      }
      hotSpot.getVMOption("ArchiveClassesAtExit");
    } catch (IllegalArgumentException e) {
      return "this JVM has no dynamic class-data archives ("
          + System.getProperty("java.vm.name")
          + ")";
    }
    return null;
  }

  /** What the key covers: see the class comment. */
  static List<String> keyParts(
      Path javaHome, List<String> options, List<Path> entries, Map<String, String> environment) {
    List<String> parts = new ArrayList<>();
    parts.add("jtest cds 1");
    parts.add(javaHome.toString());
    parts.add(System.getProperty("java.vm.version", ""));
    parts.add(WorkerClassPath.describe(javaHome.resolve("lib").resolve("modules")));
    parts.add(WorkerClassPath.describe(javaHome.resolve("bin").resolve("java")));
    for (String option : options) {
      boolean property =
          option.startsWith("-D")
              && !option.startsWith("-Djava.")
              && !option.startsWith("-Djdk.")
              && !option.startsWith("-Dsun.");
      if (!property) {
        parts.add("option " + option);
      }
    }
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
      parts.add(variable + "=" + environment.getOrDefault(variable, ""));
    }
    for (Path entry : entries) {
      parts.add(WorkerClassPath.describe(entry));
    }
    return parts;
  }

  /** Options that keep the JVM's CDS messages (a mismatch, a missing file) out of test output. */
  static List<String> quiet() {
    return List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  private static String quoted(Path file) {
    return "\"" + file + "\"";
  }

  private interface Content {
    void write(OutputStream out) throws IOException;
  }

  /** Writes {@code file} whole or not at all: concurrent builds each write their own copy. */
  private static void writeAtomically(Path file, Content writer) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + "-", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        writer.write(out);
      }
      move(temporary, file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void writeManifestJar(OutputStream out, String classPath) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    new JarOutputStream(out, manifest).close();
  }

  /** Removes the workers' logs of an earlier run, so that those left are this run's. */
  private static void deleteWorkerLogs(Path dir) throws IOException {
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(dir, "worker-*.log")) {
      for (Path log : logs) {
        Files.deleteIfExists(log);
      }
    }
  }

  /** Removes what other keys left that no build has used for a while. */
  private static void removeStale(Path dir, String key) throws IOException {
    Instant before = Instant.now().minus(STALE);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!name.startsWith(key)
            && !name.startsWith("worker-")
            && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
