package dev.jtest.core.services;

import dev.jtest.core.JtestException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Who owns a run's engine resources: the run id, the project, and the owning process. Every
 * container, network and volume jtest creates carries these as labels, and cleanup acts on nothing
 * else.
 *
 * @param runId 8 hex digits, unique per start
 * @param projectId stable per project directory: its name and a digest of its absolute path
 * @param pid the owning process
 * @param host the owning process's host name
 * @param processStart when the owning process started (epoch ms), so a reused pid is not mistaken
 *     for the owner
 */
public record RunIdentity(
    String runId, String projectId, long pid, String host, long processStart) {

  public static final String RUN = "dev.jtest.run";
  public static final String PROJECT = "dev.jtest.project";
  public static final String SERVICE = "dev.jtest.service";
  public static final String OWNER_PID = "dev.jtest.owner.pid";
  public static final String OWNER_HOST = "dev.jtest.owner.host";
  public static final String OWNER_START = "dev.jtest.owner.start";
  public static final String KEEP = "dev.jtest.keep";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new run of the project in {@code projectDir}, owned by this process. */
  public static RunIdentity create(Path projectDir) {
    byte[] id = new byte[4];
    RANDOM.nextBytes(id);
    ProcessHandle self = ProcessHandle.current();
    return new RunIdentity(
        HexFormat.of().formatHex(id),
        projectId(projectDir),
        self.pid(),
        hostName(),
        self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
  }

  /** The stable id of the project in {@code dir}: {@code <name>-<8 hex digits of its path>}. */
  public static String projectId(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    String name = absolute.getFileName() == null ? "root" : absolute.getFileName().toString();
    String clean =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(absolute.toString().getBytes(StandardCharsets.UTF_8));
      return (clean.isEmpty() ? "project" : clean) + "-" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new JtestException(
          "this Java runtime has no SHA-256, which every Java platform must provide: run the build"
              + " with a standard JDK",
          e);
    }
  }

  /** The labels of a resource of this run; {@code service} may be {@code null}. */
  public Map<String, String> labels(String service, boolean keep) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(RUN, runId);
    labels.put(PROJECT, projectId);
    if (service != null) {
      labels.put(SERVICE, service);
    }
    labels.put(OWNER_PID, Long.toString(pid));
    labels.put(OWNER_HOST, host);
    labels.put(OWNER_START, Long.toString(processStart));
    if (keep) {
      labels.put(KEEP, "true");
    }
    return labels;
  }

  /** The name of a resource of this run: {@code jtest-<run>-<name>}. */
  public String resourceName(String name) {
    return "jtest-" + runId + "-" + name;
  }

  /**
   * Whether the process that labelled a resource with {@code labels} is gone, judged on this host;
   * resources owned on another host are never judged orphaned.
   */
  public static boolean ownerIsGone(Map<String, String> labels, String thisHost) {
    if (!thisHost.equals(labels.get(OWNER_HOST))) {
      return false;
    }
    long pid;
    long start;
    try {
      pid = Long.parseLong(labels.getOrDefault(OWNER_PID, ""));
      start = Long.parseLong(labels.getOrDefault(OWNER_START, "0"));
    } catch (NumberFormatException e) {
      return false;
    }
    return ProcessHandle.of(pid)
        .map(
            process ->
                start != 0
                    && process
                        .info()
                        .startInstant()
                        .map(Instant::toEpochMilli)
                        .map(s -> Math.abs(s - start) > 1000)
                        .orElse(false))
        .orElse(true);
  }

  static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
