import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Compares the reports of two runs of one suite, test by test: the {@code TEST-*.xml} files of a
 * reports directory (which files, their {@code tests}/{@code failures}/{@code errors}/{@code
 * skipped}/{@code flakes}, every {@code testcase} by id {@code classname#name} as a multiset, with
 * its outcome), {@code failsafe-summary.xml}, and the console's closing "Tests run:" line.
 *
 * <p>Run as a source file, with no build: {@code java CompareReports.java EXPECTED_DIR ACTUAL_DIR
 * [EXPECTED_LOG ACTUAL_LOG]}. Prints both runs' figures and every difference (the first 25 of each
 * kind); exits 0 when there is none, 1 when there is one, 2 on bad arguments. Shared by the {@code
 * runner-stock-reports} invoker build and the benchmark in {@code bench/reports}.
 */
public final class CompareReports {

  private static final int SHOWN = 25;
  private static final Pattern CONSOLE_TOTAL =
      Pattern.compile(
          "Tests run: \\d+, Failures: \\d+, Errors: \\d+, Skipped: \\d+(, Flakes: \\d+)?\\s*$");
  private static final List<String> COUNTS =
      List.of("tests", "failures", "errors", "skipped", "flakes");

  /** One {@code testcase}: its id and outcome, e.g. {@code failure [rerunFailure, rerunFailure]}. */
  record Case(String id, String outcome) {}

  /** One {@code TEST-*.xml}: its attributes' counts and its test cases. */
  record Suite(Map<String, Integer> counts, List<Case> cases) {}

  /** What one run wrote. */
  record Run(
      String name, Map<String, Suite> suites, Map<String, String> summary, String consoleTotal) {

    List<Case> cases() {
      return suites.values().stream().flatMap(s -> s.cases().stream()).toList();
    }

    Map<String, Integer> totals() {
      Map<String, Integer> totals = new LinkedHashMap<>();
      COUNTS.forEach(k -> totals.put(k, 0));
      suites.values().forEach(s -> s.counts().forEach((k, v) -> totals.merge(k, v, Integer::sum)));
      return totals;
    }
  }

  private final List<String> differences = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    if (args.length != 2 && args.length != 4) {
      System.err.println(
          "usage: java CompareReports.java EXPECTED_DIR ACTUAL_DIR [EXPECTED_LOG ACTUAL_LOG]");
      System.exit(2);
    }
    Run expected = read("expected", Path.of(args[0]), args.length == 4 ? Path.of(args[2]) : null);
    Run actual = read("actual", Path.of(args[1]), args.length == 4 ? Path.of(args[3]) : null);
    CompareReports comparison = new CompareReports();
    comparison.compare(expected, actual);
    System.exit(comparison.differences.isEmpty() ? 0 : 1);
  }

  static Run read(String name, Path dir, Path log) throws Exception {
    if (!Files.isDirectory(dir)) {
      System.err.println(name + ": no reports directory " + dir);
      System.exit(2);
    }
    Map<String, Suite> suites = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String fileName = file.getFileName().toString();
        if (fileName.startsWith("TEST-") && fileName.endsWith(".xml")) {
          suites.put(fileName, suite(file));
        }
      }
    }
    Map<String, String> summary = new TreeMap<>();
    Path summaryFile = dir.resolve("failsafe-summary.xml");
    if (Files.exists(summaryFile)) {
      Element root = parse(summaryFile);
      for (String key : List.of("completed", "errors", "failures", "skipped", "flakes")) {
        summary.put(key, text(root, key));
      }
    }
    return new Run(name, suites, summary, log == null ? null : consoleTotal(log));
  }

  private static Suite suite(Path file) throws Exception {
    Element root = parse(file);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String key : COUNTS) {
      String value = root.getAttribute(key);
      counts.put(key, value.isEmpty() ? 0 : Integer.parseInt(value));
    }
    List<Case> cases = new ArrayList<>();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element testcase && testcase.getTagName().equals("testcase")) {
        cases.add(
            new Case(
                testcase.getAttribute("classname") + "#" + testcase.getAttribute("name"),
                outcome(testcase)));
      }
    }
    return new Suite(counts, cases);
  }

  /** passed, failure, error, skipped or flaky, then the reruns' elements in order. */
  private static String outcome(Element testcase) {
    String outcome = "passed";
    List<String> reruns = new ArrayList<>();
    for (Node n = testcase.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element child)) {
        continue;
      }
      String tag = child.getTagName();
      switch (tag) {
        case "failure", "error", "skipped" -> outcome = tag;
        case "flakyFailure", "flakyError" -> {
          outcome = outcome.equals("passed") ? "flaky" : outcome;
          reruns.add(tag);
        }
        case "rerunFailure", "rerunError" -> reruns.add(tag);
        default -> {}
      }
    }
    return reruns.isEmpty() ? outcome : outcome + " " + reruns;
  }

  /** The counts a file's own test cases add up to, as its attributes should say. */
  static Map<String, Integer> countsOfCases(Suite suite) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("tests", suite.cases().size());
    counts.put("failures", count(suite, "failure"));
    counts.put("errors", count(suite, "error"));
    counts.put("skipped", count(suite, "skipped"));
    counts.put("flakes", count(suite, "flaky"));
    return counts;
  }

  private static int count(Suite suite, String outcome) {
    return (int)
        suite.cases().stream()
            .filter(c -> c.outcome().equals(outcome) || c.outcome().startsWith(outcome + " "))
            .count();
  }

  void compare(Run expected, Run actual) {
    describe(expected);
    describe(actual);

    Set<String> files = new TreeSet<>(expected.suites().keySet());
    files.addAll(actual.suites().keySet());
    List<String> fileDiffs = new ArrayList<>();
    for (String file : files) {
      Suite e = expected.suites().get(file);
      Suite a = actual.suites().get(file);
      if (e == null || a == null) {
        fileDiffs.add(file + ": only in " + (e == null ? "actual" : "expected"));
      } else if (!e.counts().equals(a.counts())) {
        fileDiffs.add(file + ": expected " + e.counts() + ", actual " + a.counts());
      }
    }
    report("report files differ (which files, or their counts)", fileDiffs);

    Map<String, List<String>> expectedById = byId(expected.cases());
    Map<String, List<String>> actualById = byId(actual.cases());
    Set<String> ids = new TreeSet<>(expectedById.keySet());
    ids.addAll(actualById.keySet());
    List<String> idDiffs = new ArrayList<>();
    List<String> outcomeDiffs = new ArrayList<>();
    for (String id : ids) {
      List<String> e = expectedById.getOrDefault(id, List.of());
      List<String> a = actualById.getOrDefault(id, List.of());
      if (e.size() != a.size()) {
        idDiffs.add(id + ": expected " + e.size() + " time(s), actual " + a.size());
      } else if (!e.equals(a)) {
        outcomeDiffs.add(id + ": expected " + e + ", actual " + a);
      }
    }
    report("test ids differ (classname#name, as a multiset)", idDiffs);
    report("outcomes differ", outcomeDiffs);

    if (!Objects.equals(expected.totals(), actual.totals())) {
      report(
          "totals of the report files differ",
          List.of("expected " + expected.totals() + ", actual " + actual.totals()));
    }
    if (!expected.summary().equals(actual.summary())) {
      report(
          "failsafe-summary.xml differs",
          List.of("expected " + expected.summary() + ", actual " + actual.summary()));
    }
    if (!Objects.equals(expected.consoleTotal(), actual.consoleTotal())) {
      report(
          "the console's closing line differs",
          List.of(
              "expected '" + expected.consoleTotal() + "', actual '" + actual.consoleTotal() + "'"));
    }
    System.out.println(
        differences.isEmpty()
            ? "reports match: same files, ids, outcomes and totals"
            : "reports differ: " + String.join("; ", differences));
  }

  private static void describe(Run run) {
    List<Case> cases = run.cases();
    long distinct = cases.stream().map(Case::id).distinct().count();
    Map<String, Integer> outcomes = new TreeMap<>();
    cases.forEach(c -> outcomes.merge(c.outcome().split(" ")[0], 1, Integer::sum));
    List<String> inconsistent = new ArrayList<>();
    run.suites()
        .forEach(
            (file, suite) -> {
              if (!suite.counts().equals(countsOfCases(suite))) {
                inconsistent.add(file);
              }
            });
    System.out.printf(
        "%s: %d report files, %d testcases, %d distinct ids; file totals %s; outcomes %s;"
            + " summary %s; console '%s'; files whose counts disagree with their testcases: %d%s%n",
        run.name(),
        run.suites().size(),
        cases.size(),
        distinct,
        run.totals(),
        outcomes,
        run.summary(),
        run.consoleTotal(),
        inconsistent.size(),
        inconsistent.isEmpty() ? "" : " " + inconsistent.subList(0, Math.min(5, inconsistent.size())));
  }

  private static Map<String, List<String>> byId(List<Case> cases) {
    Map<String, List<String>> byId = new TreeMap<>();
    cases.forEach(c -> byId.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c.outcome()));
    byId.values().forEach(l -> l.sort(null));
    return byId;
  }

  private void report(String what, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    differences.add(lines.size() + " " + what);
    System.out.println(lines.size() + " " + what + ":");
    lines.stream().limit(SHOWN).forEach(l -> System.out.println("  " + l));
    if (lines.size() > SHOWN) {
      System.out.println("  … and " + (lines.size() - SHOWN) + " more");
    }
  }

  private static String consoleTotal(Path log) throws IOException {
    String last = null;
    for (String line : Files.readAllLines(log)) {
      Matcher m = CONSOLE_TOTAL.matcher(line);
      if (m.find()) {
        last = line.substring(m.start()).trim();
      }
    }
    return last;
  }

  private static Element parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }

  private static String text(Element root, String tag) {
    var nodes = root.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }
}
