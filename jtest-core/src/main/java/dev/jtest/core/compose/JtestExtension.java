package dev.jtest.core.compose;

import dev.jtest.core.Suggestions;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A service's {@code x-jtest} mapping: the one list of jtest's own keys and their one check.
 * Compose ignores {@code x-} keys, so nothing else checks them: each file as it is read warns of a
 * key jtest does not know (a likely typo), then the merged service gets every value jtest reads in
 * the shape it needs, or loading fails naming file, line, service and key.
 *
 * <p>The capabilities that read {@link ServiceSpec#extension()} look their keys up by the constants
 * here.
 */
public final class JtestExtension {

  /** The service key that holds jtest's keys. */
  public static final String KEY = "x-jtest";

  /** Readiness conditions, read into {@link ServiceSpec#readiness()}. */
  public static final String WAIT = "wait";

  /**
   * {@code true} or {@code false}: collect coverage from the service whatever JVM detection says.
   */
  public static final String COVERAGE = "coverage";

  /** JaCoCo patterns of the classes to cover, instead of the build's. */
  public static final String COVERAGE_INCLUDES = "coverage-includes";

  /** JaCoCo patterns of the classes not to cover, instead of the build's. */
  public static final String COVERAGE_EXCLUDES = "coverage-excludes";

  /** The service's test-data cleaners: show/clean commands or an HTTP listing. */
  public static final String CLEANUP = "cleanup";

  static final Set<String> KEYS =
      Set.of(WAIT, COVERAGE, COVERAGE_INCLUDES, COVERAGE_EXCLUDES, CLEANUP);

  // The keys of x-jtest.wait: one per WaitSpec condition, and its timeout.
  private static final String HTTP = "http";
  private static final String TCP = "tcp";
  private static final String LOG = "log";
  private static final String COMMAND = "command";
  private static final String TIMEOUT = "timeout";

  static final Set<String> WAIT_KEYS = Set.of(HTTP, TCP, LOG, COMMAND, TIMEOUT);

  private static final String MAPPING = "a mapping of jtest's keys (" + sorted(KEYS) + ")";
  private static final String WAIT_MAPPING = "a mapping (" + sorted(WAIT_KEYS) + ")";
  private static final String PATTERNS =
      "a string of JaCoCo patterns (a.b.*:c.*) or a list of them";

  private JtestExtension() {}

  /**
   * Warns of each key of one file's {@code x-jtest} (and of its {@code wait}) that jtest does not
   * read. Runs per file, before the merge, so that a warning names the file that has the key.
   *
   * @throws dev.jtest.core.ConfigurationException when either is not a mapping
   */
  static void warnUnknownKeys(String service, Located extension, List<String> warnings) {
    warnUnknown(service, KEY, extension.mapping(MAPPING), KEYS, warnings);
    Map<String, Located> wait = extension.get(WAIT).mapping(WAIT_MAPPING);
    warnUnknown(service, KEY + "." + WAIT, wait, WAIT_KEYS, warnings);
  }

  private static void warnUnknown(
      String service,
      String parent,
      Map<String, Located> entries,
      Set<String> known,
      List<String> warnings) {
    entries.forEach(
        (key, value) -> {
          if (!known.contains(key)) {
            warnings.add(
                value.location()
                    + ": service '"
                    + service
                    + "': "
                    + parent
                    + " key '"
                    + key
                    + "' is unknown and ignored (known: "
                    + sorted(known)
                    + ")"
                    + Suggestions.didYouMean(key, known));
          }
        });
  }

  /**
   * The readiness conditions of the merged service's {@code x-jtest.wait}.
   *
   * @param at where the service is declared
   */
  static WaitSpec readiness(Located extension, Location at) {
    Located wait = extension.get(WAIT);
    if (wait.isNull()) {
      return WaitSpec.none();
    }
    wait.mapping(WAIT_MAPPING);
    String http = wait.get(HTTP).text("a path such as /health");
    if (http != null && !http.startsWith("/")) {
      http = "/" + http;
    }
    Integer tcp = null;
    Located tcpNode = wait.get(TCP);
    if (!tcpNode.isNull()) {
      tcp =
          PortParser.parse(tcpNode.text("a port number"), tcpNode.location(), tcpNode.service())
              .get(0)
              .containerPort();
    }
    Pattern log = null;
    Located logNode = wait.get(LOG);
    if (!logNode.isNull()) {
      try {
        log = Pattern.compile(logNode.text("a regular expression"));
      } catch (PatternSyntaxException e) {
        throw logNode.error("x-jtest.wait.log is not a regular expression: " + e.getDescription());
      }
    }
    List<String> command = ServiceParser.commandLine(wait.get(COMMAND));
    Duration timeout = ServiceParser.duration(wait.get(TIMEOUT));
    return new WaitSpec(http, tcp, log, command, timeout, at);
  }

  /**
   * The merged service's whole {@code x-jtest} mapping as plain values, for the capabilities that
   * read it, once the shape of every key they read is checked here.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> values(Located extension) {
    if (extension.isNull()) {
      return Map.of();
    }
    extension.mapping(MAPPING);
    Located coverage = extension.get(COVERAGE);
    String covered = coverage.text(ServiceParser.BOOLEAN);
    if (covered != null
        && !covered.equalsIgnoreCase("true")
        && !covered.equalsIgnoreCase("false")) {
      throw coverage.mismatch(ServiceParser.BOOLEAN);
    }
    extension.get(COVERAGE_INCLUDES).texts(PATTERNS);
    extension.get(COVERAGE_EXCLUDES).texts(PATTERNS);
    for (Located cleaner : extension.get(CLEANUP).list("a list of cleaners")) {
      cleaner.mapping("a mapping with show/clean commands or http");
      for (String key : List.of("show", "clean")) {
        ServiceParser.commandLine(cleaner.get(key));
      }
      Located http = cleaner.get("http");
      http.mapping("a mapping with list, name, delete and optional headers");
      for (String key : List.of("list", "name", "delete")) {
        http.get(key).text();
      }
      http.get("headers")
          .mapping("a mapping of header names to values")
          .values()
          .forEach(header -> header.text(ComposeNormalizer.VALUE));
    }
    return Collections.unmodifiableMap((Map<String, Object>) extension.plain());
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }
}
