package dev.jtest.surefire.coordinator;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
    Files.createDirectories(dir);
    List<Path> front = front(dir, entries);
    if (front.isEmpty()) {
      debug.accept("jtest: worker JVMs start without a class-data archive: no jar to archive");
      return none(classPath, options);
    }
    List<Path> order = WorkerClassPath.reordered(entries, front);
    // The archive holds classes of the jars before the first directory, and the JVM checks only
    // those entries against it: what follows may change (a rebuilt project jar) and keep the key.
    int split = 0;
    while (split < order.size() && Files.isRegularFile(order.get(split))) {
      split++;
    }
    List<Path> prefix = order.subList(0, split);
    List<Path> rest = order.subList(split, order.size());
    // The JVM also checks that an entry missing at the dump (target/classes of a project without
    // main code) is still missing.
    List<Path> keyed = new ArrayList<>(prefix);
    rest.stream().filter(entry -> !Files.exists(entry)).forEach(keyed::add);
    String key = WorkerClassPath.key(keyParts(javaHome, options, keyed, environment));
    Path names = dir.resolve(key + ".names");
    Path archive = dir.resolve(key + ".jsa");
    Path failed = dir.resolve(key + ".failed");
    if (!Files.exists(names)) {
      List<String> frontNames = new ArrayList<>();
      for (Path entry : front) {
        frontNames.addAll(WorkerClassPath.names(entry));
      }
      ArchiveFiles.write(names, String.join("\n", frontNames));
    }
    String shadow =
        WorkerClassPath.shadowedByDirectory(
            rest, Files.readAllLines(names, StandardCharsets.UTF_8));
    if (shadow != null) {
      debug.accept(
          "jtest: worker JVMs start without a class-data archive: "
              + shadow
              + " shadows a class of the jars it would hold");
      return none(classPath, options);
    }
    String workerClassPath = classPath(dir, prefix, rest);
    if (workerClassPath == null) {
      debug.accept(
          "jtest: worker JVMs start without a class-data archive: the class path is not on the"
              + " drive of "
              + dir);
      return none(classPath, options);
    }
    ArchiveFiles.used(names);
    Path java = javaHome.resolve("bin").resolve("java");
    List<String> workerOptions = new ArrayList<>(options);
    if (Files.isRegularFile(archive)) {
      ArchiveFiles.deleteWorkerLogs(dir);
      workerOptions.add("-XX:SharedArchiveFile=" + archive);
      workerOptions.add("-Xshare:auto");
      workerOptions.addAll(quiet());
      workerOptions.add("-Xlog:class+path=info:file=" + quoted(dir.resolve("worker-%p.log")));
      return new ClassDataArchive(workerClassPath, workerOptions, null);
    }
    if (Files.exists(failed)) {
      return new ClassDataArchive(workerClassPath, workerOptions, null);
    }
    ArchiveFiles.removeStale(dir);
    Path temporary = Files.createTempFile(dir, key + "-", ".jsa.tmp");
    Files.delete(temporary);
    Path log = dir.resolve(key + ".log");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(options);
    command.add("-XX:ArchiveClassesAtExit=" + temporary);
    command.add("-cp");
    command.add(workerClassPath);
    command.add(ClassDataDump.class.getName());
    front.forEach(jar -> command.add(jar.toString()));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    debug.accept("jtest: dumping the worker class-data archive " + archive);
    return new ClassDataArchive(
        workerClassPath,
        workerOptions,
        new Dump(process, temporary, archive, log, new Launch(java, options, workerClassPath)));
  }

  /**
   * The jars that move to the front of this class path, decided once per class path (it reads every
   * jar before them) and kept in {@code order-<hash>.txt}.
   */
  private static List<Path> front(Path dir, List<Path> entries) throws IOException {
    List<String> described = new ArrayList<>();
    entries.forEach(entry -> described.add(WorkerClassPath.describe(entry)));
    Path file = dir.resolve("order-" + WorkerClassPath.key(described) + ".txt");
    if (!Files.exists(file)) {
      List<String> front = new ArrayList<>();
      WorkerClassPath.front(entries, WorkerClassPath::names).forEach(p -> front.add(p.toString()));
      ArchiveFiles.write(file, String.join("\n", front));
    }
    ArchiveFiles.used(file);
    List<Path> front = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        front.add(Path.of(line));
      }
    }
    return front;
  }

  /**
   * The jars of {@code prefix} by name, then a manifest jar ({@code rest-<hash>.jar}) listing the
   * rest, so that the command line stays short; null when the rest cannot be listed relative to
   * {@code dir}.
   */
  private static String classPath(Path dir, List<Path> prefix, List<Path> rest) throws IOException {
    List<String> elements = new ArrayList<>();
    prefix.forEach(jar -> elements.add(jar.toString()));
    if (!rest.isEmpty()) {
      String manifestPath = WorkerClassPath.manifestClassPath(rest, dir);
      if (manifestPath == null) {
        return null;
      }
      Path jar = dir.resolve("rest-" + WorkerClassPath.key(List.of(manifestPath)) + ".jar");
      if (!Files.exists(jar)) {
        ArchiveFiles.writeManifestJar(jar, manifestPath);
      }
      ArchiveFiles.used(jar);
      elements.add(jar.toString());
    }
    return String.join(File.pathSeparator, elements);
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
        ArchiveFiles.move(dump.temporary, dump.archive);
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
}
