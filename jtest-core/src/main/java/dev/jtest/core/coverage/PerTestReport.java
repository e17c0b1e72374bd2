package dev.jtest.core.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jtest.settings.CoverageAgents;
import dev.jtest.settings.TestMapFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.ExecutionDataReader;
import org.jacoco.core.data.ExecutionDataStore;

/**
 * What each test of a {@code jtest.coverage.perTest} run covered, from the per-test data ({@code
 * per-test/<service>.exec}, one JaCoCo session per test): the index of which tests covered each
 * line ({@code per-test/index.json}), pages of the coverage report ({@code per-test.html}, linked
 * from the report's index, naming each covered class and each test; one page per class under
 * {@code @per-test/<group>/}, its source with the tests of each line, and one per test under
 * {@code @per-test/@by-test/}, the classes it covered), and the test map.
 */
public final class PerTestReport {

  /** The group name of the test JVM's own data. */
  static final String TEST_JVM_GROUP = "test JVM";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Where the class pages go in the report: {@code @} keeps it apart from every service's. */
  static final String PAGES_DIR = "@per-test";

  /** Where the test pages go, beside the groups' directories: no group's name starts with @by. */
  private static final String TESTS_DIR = PAGES_DIR + "/@by-test";

  private static final Pattern SEGMENT = Pattern.compile("\\[([^:\\]]+):([^\\]]*)\\]");

  /**
   * What to write.
   *
   * @param dataDir the per-test data, {@code target/jtest/coverage/per-test}
   * @param classDirs the class directories the coverage report analyses
   * @param testClassDirs the tests' class directories, for the test JVM's own data
   * @param sourceDirs where the report finds sources, the tests' included
   * @param reportDir the coverage report, {@code target/site/jtest/coverage}
   * @param testMap where the test map goes
   * @param commit the project's commit, or null
   */
  public record Inputs(
      Path dataDir,
      List<Path> classDirs,
      List<Path> testClassDirs,
      List<Path> sourceDirs,
      Path reportDir,
      Path testMap,
      String commit) {}

  /** What was written: counts and paths, for the console. */
  public record Result(int tests, Path index, Path page, Path testMap) {}

  /**
   * The index by group (service), class VM name and line: the ids of the tests that covered it.
   *
   * @param tests every test that ran, by id: its label
   */
  record Index(
      Map<String, String> tests, Map<String, Map<String, Map<Integer, Set<String>>>> groups) {}

  private PerTestReport() {}

  /** Whether {@code dataDir} holds per-test data: a per-test run happened with this harvest. */
  public static boolean present(Path dataDir) {
    return !execFiles(dataDir).isEmpty();
  }

  /**
   * Writes the index, the report's page and the test map.
   *
   * @throws CoverageException when a file cannot be read or written
   */
  public static Result write(Inputs inputs) {
    try {
      Map<Path, Set<String>> classNames = CoverageReport.classNames(existing(inputs.classDirs()));
      Map<Path, Set<String>> testJvmNames =
          CoverageReport.classNames(
              existing(
                  Stream.concat(inputs.classDirs().stream(), inputs.testClassDirs().stream())
                      .toList()));
      Map<String, String> labels = new TreeMap<>();
      Map<String, Set<String>> testClasses = new TreeMap<>();
      Map<String, String> classIds = new TreeMap<>();
      Map<String, Map<String, Map<Integer, Set<String>>>> groups = new TreeMap<>();
      Map<String, Map<String, IClassCoverage>> analysed = new TreeMap<>();
      // Every session names every class its JVM had loaded: each file is read once, not per test.
      Map<Path, byte[]> classBytes = new java.util.HashMap<>();
      for (Path file : execFiles(inputs.dataDir())) {
        String name = file.getFileName().toString().replaceFirst("\\.exec$", "");
        boolean testJvm = CoverageAgents.TEST_JVM.equals(name);
        String group = testJvm ? TEST_JVM_GROUP : name;
        Map<String, Map<Integer, Set<String>>> lines =
            groups.computeIfAbsent(group, g -> new TreeMap<>());
        for (Map.Entry<String, ExecutionDataStore> session : sessions(file).entrySet()) {
          String test = session.getKey();
          if (CoverageAgents.BETWEEN_TESTS.equals(test)) {
            continue;
          }
          labels.put(test, label(test));
          Set<String> ran = testClasses.computeIfAbsent(test, t -> new TreeSet<>());
          for (ExecutionData data : session.getValue().getContents()) {
            if (data.hasHits()) {
              ran.add(data.getName());
              classIds.put(data.getName(), TestMapFile.classId(data.getId()));
            }
          }
          for (IClassCoverage covered :
              analyse(session.getValue(), testJvm ? testJvmNames : classNames, classBytes)) {
            analysed.computeIfAbsent(group, g -> new TreeMap<>()).put(covered.getName(), covered);
            for (int line = covered.getFirstLine();
                line > 0 && line <= covered.getLastLine();
                line++) {
              int status = covered.getLine(line).getStatus();
              if (status == ICounter.FULLY_COVERED || status == ICounter.PARTLY_COVERED) {
                lines
                    .computeIfAbsent(covered.getName(), c -> new TreeMap<>())
                    .computeIfAbsent(line, l -> new TreeSet<>())
                    .add(test);
              }
            }
          }
        }
      }
      Index index = new Index(labels, groups);
      Path indexFile = inputs.dataDir().resolve("index.json");
      JSON.writeValue(indexFile.toFile(), index);
      Files.createDirectories(inputs.reportDir());
      Path page = inputs.reportDir().resolve("per-test.html");
      writePages(inputs.reportDir(), index, analysed, inputs.sourceDirs());
      linkFromIndex(inputs.reportDir().resolve("index.html"));
      Map<String, TestMapFile.Entry> tests = new TreeMap<>();
      testClasses.forEach(
          (test, classes) ->
              tests.put(test, new TestMapFile.Entry(labels.get(test), List.copyOf(classes))));
      new TestMapFile(Instant.now(), inputs.commit(), classIds, tests).write(inputs.testMap());
      return new Result(labels.size(), indexFile, page, inputs.testMap());
    } catch (IOException e) {
      throw new CoverageException(
          "coverage: cannot write the per-test coverage from "
              + inputs.dataDir()
              + " ("
              + e.getMessage()
              + "): check that the report directory and "
              + inputs.testMap()
              + " are writable",
          e);
    }
  }

  private static List<Path> existing(List<Path> dirs) {
    return dirs.stream().filter(Files::isDirectory).distinct().toList();
  }

  private static List<Path> execFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".exec")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The data of each session of {@code file}, by session id; a repeated id adds up. */
  static Map<String, ExecutionDataStore> sessions(Path file) throws IOException {
    Map<String, ExecutionDataStore> sessions = new LinkedHashMap<>();
    ExecutionDataStore[] current = {null};
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      ExecutionDataReader reader = new ExecutionDataReader(in);
      reader.setSessionInfoVisitor(
          info ->
              current[0] = sessions.computeIfAbsent(info.getId(), s -> new ExecutionDataStore()));
      reader.setExecutionDataVisitor(
          data -> {
            if (current[0] != null) {
              current[0].put(data);
            }
          });
      reader.read();
    }
    return sessions;
  }

  /**
   * The coverage of the classes of {@code data} found in the class directories that it hit. A
   * session also holds every other class its JVM had loaded, with no hits: those cover no line and
   * are not analysed.
   *
   * @param classBytes the class files read so far, by path; filled as files are read
   */
  private static List<IClassCoverage> analyse(
      ExecutionDataStore data, Map<Path, Set<String>> classNames, Map<Path, byte[]> classBytes)
      throws IOException {
    CoverageBuilder builder = new CoverageBuilder();
    Analyzer analyzer = new Analyzer(data, builder);
    for (ExecutionData ran : data.getContents()) {
      if (!ran.hasHits()) {
        continue;
      }
      for (Map.Entry<Path, Set<String>> dir : classNames.entrySet()) {
        if (dir.getValue().contains(ran.getName())) {
          Path classFile = dir.getKey().resolve(ran.getName() + ".class");
          byte[] bytes = classBytes.get(classFile);
          if (bytes == null) {
            bytes = Files.readAllBytes(classFile);
            classBytes.put(classFile, bytes);
          }
          analyzer.analyzeClass(bytes, classFile.toString());
          break;
        }
      }
    }
    // A class whose id differs from the local file ran from a stale image: its lines are unknown.
    return builder.getClasses().stream().filter(c -> !c.isNoMatch()).toList();
  }

  /**
   * A short name of a test for people: {@code AIT.a} for {@code
   * [...]/[class:sample.AIT]/[method:a()]}, with the invocation of a repeated or parameterized test
   * ({@code AIT.b[2]}).
   */
  static String label(String uniqueId) {
    String className = null;
    String test = null;
    String invocation = "";
    Matcher segment = SEGMENT.matcher(uniqueId);
    while (segment.find()) {
      String type = segment.group(1);
      String value = segment.group(2);
      if (type.equals("class") || type.equals("nested-class")) {
        className = value.substring(Math.max(value.lastIndexOf('.'), value.lastIndexOf('$')) + 1);
        test = null;
      } else if (type.endsWith("invocation")) {
        invocation = "[" + value.replace("#", "") + "]";
      } else if (!type.equals("engine")) {
        int paren = value.indexOf('(');
        test = paren < 0 ? value : value.substring(0, paren);
        invocation = "";
      }
    }
    if (className == null && test == null) {
      return uniqueId;
    }
    return (className == null ? "" : className)
        + (test == null ? "" : (className == null ? "" : ".") + test)
        + invocation;
  }

  /**
   * Writes {@code per-test.html}, an index of the covered classes and of the tests, one page per
   * class under {@code @per-test/<group>/} and one per test under {@code @per-test/@by-test/} (a
   * name no service's group of the JaCoCo report can take: JaCoCo turns a {@code @} into {@code
   * _}). Each page stays small on a project of thousands of classes and tests.
   */
  private static void writePages(
      Path reportDir,
      Index index,
      Map<String, Map<String, IClassCoverage>> analysed,
      List<Path> sourceDirs)
      throws IOException {
    Path pagesDir = reportDir.resolve(PAGES_DIR);
    deleteTree(pagesDir);
    // The page of each class, by group and class VM name, relative to the report's root.
    Map<String, Map<String, String>> pages = new TreeMap<>();
    // The lines each test covered, by test id, group and class.
    Map<String, Map<String, Map<String, Integer>>> touched = new TreeMap<>();
    for (Map.Entry<String, Map<String, Map<Integer, Set<String>>>> group :
        index.groups().entrySet()) {
      String dir = PAGES_DIR + "/" + groupDirectory(group.getKey());
      Set<String> taken = new HashSet<>();
      Map<String, String> groupPages = pages.computeIfAbsent(group.getKey(), g -> new TreeMap<>());
      for (Map.Entry<String, Map<Integer, Set<String>>> type : group.getValue().entrySet()) {
        String file = fileName(type.getKey(), taken);
        groupPages.put(type.getKey(), dir + "/" + file);
        IClassCoverage coverage = analysed.get(group.getKey()).get(type.getKey());
        writeClassPage(
            reportDir,
            dir + "/" + file,
            group.getKey(),
            type.getKey(),
            type.getValue(),
            index.tests(),
            coverage,
            source(coverage, sourceDirs));
        type.getValue()
            .values()
            .forEach(
                tests ->
                    tests.forEach(
                        test ->
                            touched
                                .computeIfAbsent(test, t -> new TreeMap<>())
                                .computeIfAbsent(group.getKey(), g -> new TreeMap<>())
                                .merge(type.getKey(), 1, Integer::sum)));
      }
    }
    try (Writer out =
        Files.newBufferedWriter(reportDir.resolve("per-test.html"), StandardCharsets.UTF_8)) {
      out.write(
          head("Per-test coverage", "")
              + "<h1>Per-test coverage</h1>\n<p><a href=\"index.html\">Coverage report</a>"
              + " &middot; "
              + index.tests().size()
              + " tests. Each class a test covered (open it for its source, each covered line"
              + " with the tests that covered it), then each test (open it for the classes it"
              + " covered).</p>\n");
      for (Map.Entry<String, Map<String, Map<Integer, Set<String>>>> group :
          index.groups().entrySet()) {
        out.write("<h2>" + html(group.getKey()) + "</h2>\n");
        if (group.getValue().isEmpty()) {
          out.write("<p>No test covered a line of its classes.</p>\n");
          continue;
        }
        out.write(
            "<table class=\"coverage\"><thead><tr><td>Class</td><td class=\"ctr2\">Covered"
                + " lines</td><td class=\"ctr2\">Tests</td></tr></thead><tbody>\n");
        for (Map.Entry<String, Map<Integer, Set<String>>> type : group.getValue().entrySet()) {
          Set<String> tests = new TreeSet<>();
          type.getValue().values().forEach(tests::addAll);
          out.write(
              "<tr><td>"
                  + link(
                      pages.get(group.getKey()).get(type.getKey()), type.getKey().replace('/', '.'))
                  + "</td><td class=\"ctr2\">"
                  + type.getValue().size()
                  + "</td><td class=\"ctr2\">"
                  + tests.size()
                  + "</td></tr>\n");
        }
        out.write("</tbody></table>\n");
      }
      out.write(
          "<h2 id=\"tests\">Tests</h2>\n<table class=\"coverage\"><thead><tr><td>Test</td>"
              + "<td class=\"ctr2\">Classes</td></tr></thead><tbody>\n");
      Set<String> taken = new HashSet<>();
      for (Map.Entry<String, String> test : index.tests().entrySet()) {
        Map<String, Map<String, Integer>> classes = touched.getOrDefault(test.getKey(), Map.of());
        String page = TESTS_DIR + "/" + fileName(test.getValue(), taken);
        writeTestPage(reportDir, page, test.getKey(), test.getValue(), classes, pages);
        out.write(
            "<tr><td title=\""
                + html(test.getKey())
                + "\">"
                + link(page, test.getValue())
                + "</td><td class=\"ctr2\">"
                + classes.values().stream().mapToInt(Map::size).sum()
                + "</td></tr>\n");
      }
      out.write("</tbody></table>\n</body></html>\n");
    }
  }

  /** One test's page: the classes it covered a line of, and how many lines of each. */
  private static void writeTestPage(
      Path reportDir,
      String page,
      String id,
      String label,
      Map<String, Map<String, Integer>> classes,
      Map<String, Map<String, String>> pages)
      throws IOException {
    Path file = reportDir.resolve(page);
    Files.createDirectories(file.getParent());
    String root = "../../";
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          head(label, root)
              + "<h1>"
              + html(label)
              + "</h1>\n<p>"
              + link(root + "per-test.html", "Per-test coverage")
              + "</p>\n<p class=\"t\">"
              + html(id)
              + "</p>\n");
      if (classes.isEmpty()) {
        out.write("<p>This test covered no line of the analysed classes.</p>\n");
      }
      for (Map.Entry<String, Map<String, Integer>> group : classes.entrySet()) {
        out.write(
            "<h2>"
                + html(group.getKey())
                + "</h2>\n<table class=\"coverage\"><thead><tr><td>Class</td>"
                + "<td class=\"ctr2\">Lines it covered</td></tr></thead><tbody>\n");
        for (Map.Entry<String, Integer> type : group.getValue().entrySet()) {
          out.write(
              "<tr><td>"
                  + link(
                      root + pages.get(group.getKey()).get(type.getKey()),
                      type.getKey().replace('/', '.'))
                  + "</td><td class=\"ctr2\">"
                  + type.getValue()
                  + "</td></tr>\n");
        }
        out.write("</tbody></table>\n");
      }
      out.write("</body></html>\n");
    }
  }

  /**
   * One class's page: every line of its source, the covered ones marked and naming their tests
   * (only the covered lines when the source is not found).
   */
  private static void writeClassPage(
      Path reportDir,
      String page,
      String group,
      String type,
      Map<Integer, Set<String>> lines,
      Map<String, String> labels,
      IClassCoverage coverage,
      List<String> source)
      throws IOException {
    Path file = reportDir.resolve(page);
    Files.createDirectories(file.getParent());
    String root = "../../";
    String name = type.replace('/', '.');
    StringBuilder links = new StringBuilder(link(root + "per-test.html", "Per-test coverage"));
    String jacoco = jacocoSourcePage(reportDir, group, coverage);
    if (jacoco != null) {
      links.append(" &middot; ").append(link(root + jacoco, "the report's page of the source"));
    }
    Set<String> tests = new TreeSet<>();
    lines.values().forEach(tests::addAll);
    List<String> names = new ArrayList<>();
    tests.forEach(test -> names.add(labels.get(test)));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          head(name + " (" + group + ")", root)
              + "<h1>"
              + html(name)
              + " <span class=\"t\">("
              + html(group)
              + ")</span></h1>\n<p>"
              + links
              + "</p>\n<p>"
              + lines.size()
              + " lines covered by "
              + tests.size()
              + " tests: "
              + html(String.join(", ", names))
              + "</p>\n");
      if (source.isEmpty()) {
        out.write("<p>Source not found: the covered lines only.</p>\n");
      }
      out.write(
          "<table class=\"coverage\"><thead><tr><td>Line</td><td>Source</td>"
              + "<td>Tests</td></tr></thead><tbody>\n");
      Iterable<Integer> numbers =
          source.isEmpty()
              ? lines.keySet()
              : IntStream.rangeClosed(1, source.size()).boxed().toList();
      for (int number : numbers) {
        Set<String> covering = lines.get(number);
        String text = number <= source.size() ? source.get(number - 1) : "";
        List<String> by = new ArrayList<>();
        if (covering != null) {
          covering.forEach(test -> by.add(labels.get(test)));
        }
        out.write(
            (covering == null ? "<tr>" : "<tr class=\"c\">")
                + "<td id=\"L"
                + number
                + "\">"
                + number
                + "</td><td class=\"src\">"
                + html(text)
                + "</td><td class=\"t\">"
                + html(String.join(", ", by))
                + "</td></tr>\n");
      }
      out.write("</tbody></table>\n</body></html>\n");
    }
  }

  private static String head(String title, String root) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>"
        + html(title)
        + "</title><link rel=\"stylesheet\" href=\""
        + root
        + "jacoco-resources/report.css\" type=\"text/css\"/>"
        // "table.coverage td": JaCoCo's report.css sets nowrap there, which would otherwise win
        // and lose the source's indentation.
        + "<style>table.coverage td.src{font-family:monospace;white-space:pre}"
        + ".t{font-size:smaller}table.coverage td.t{white-space:normal}"
        + "tr.c td{background-color:#ccffcc}</style></head><body>\n";
  }

  private static String link(String href, String text) {
    return "<a href=\"" + html(href) + "\">" + html(text) + "</a>";
  }

  /** The directory of a group's class pages: the name of its data file, safe as a file name. */
  static String groupDirectory(String group) {
    return group.equals(TEST_JVM_GROUP) ? CoverageAgents.TEST_JVM : safe(group);
  }

  /**
   * The file name of a class's page: its VM name with {@code .} for {@code /}, other unsafe
   * characters {@code _}, and {@code ~n} when that name (ignoring case, for the file systems that
   * do) is already taken in the group.
   */
  static String fileName(String type, Set<String> taken) {
    String base = safe(type.replace('/', '.'));
    String name = base;
    for (int n = 1; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = base + "~" + n;
    }
    return name + ".html";
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._$-]", "_");
  }

  /**
   * The JaCoCo report's page of a class's source, relative to the report's root, when it has one:
   * {@code <group>/<package with .>/<Source>.java.html}.
   */
  private static String jacocoSourcePage(Path reportDir, String group, IClassCoverage coverage) {
    if (coverage == null || coverage.getSourceFileName() == null) {
      return null;
    }
    String pkg =
        coverage.getPackageName().isEmpty()
            ? "default"
            : coverage.getPackageName().replace('/', '.');
    String page = safe(group) + "/" + pkg + "/" + coverage.getSourceFileName() + ".html";
    return Files.isRegularFile(reportDir.resolve(page)) ? page : null;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The lines of a class's source file, as the report finds it; empty when not found. */
  private static List<String> source(IClassCoverage coverage, List<Path> sourceDirs)
      throws IOException {
    if (coverage == null || coverage.getSourceFileName() == null) {
      return List.of();
    }
    String relative =
        coverage.getPackageName().isEmpty()
            ? coverage.getSourceFileName()
            : coverage.getPackageName() + "/" + coverage.getSourceFileName();
    for (Path dir : sourceDirs) {
      Path file = dir.resolve(relative);
      if (Files.isRegularFile(file)) {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
      }
    }
    return List.of();
  }

  /** Adds a link to the per-test page under the report index's title, once. */
  private static void linkFromIndex(Path index) throws IOException {
    if (!Files.isRegularFile(index)) {
      return;
    }
    String text = Files.readString(index, StandardCharsets.UTF_8);
    String link = "<p><a href=\"per-test.html\">Per-test coverage: the tests of each line</a></p>";
    if (text.contains(link)) {
      return;
    }
    Matcher heading = Pattern.compile("</h1>").matcher(text);
    if (heading.find()) {
      Files.writeString(
          index,
          text.substring(0, heading.end()) + link + text.substring(heading.end()),
          StandardCharsets.UTF_8);
    }
  }

  private static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
