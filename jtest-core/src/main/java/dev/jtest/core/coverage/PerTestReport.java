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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * line ({@code per-test/index.json}), a page of the coverage report listing them beside the source
 * ({@code per-test.html}, linked from the report's index), and the test map.
 */
public final class PerTestReport {

  /** The group name of the test JVM's own data. */
  static final String TEST_JVM_GROUP = "test JVM";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
              analyse(session.getValue(), testJvm ? testJvmNames : classNames)) {
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
      writePage(page, index, analysed, inputs.sourceDirs());
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

  /** The classes of {@code data} found in the class directories, analysed. */
  private static List<IClassCoverage> analyse(
      ExecutionDataStore data, Map<Path, Set<String>> classNames) throws IOException {
    CoverageBuilder builder = new CoverageBuilder();
    Analyzer analyzer = new Analyzer(data, builder);
    for (ExecutionData ran : data.getContents()) {
      for (Map.Entry<Path, Set<String>> dir : classNames.entrySet()) {
        if (dir.getValue().contains(ran.getName())) {
          Path classFile = dir.getKey().resolve(ran.getName() + ".class");
          try (InputStream in = Files.newInputStream(classFile)) {
            analyzer.analyzeClass(in, classFile.toString());
          }
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

  private static void writePage(
      Path page,
      Index index,
      Map<String, Map<String, IClassCoverage>> analysed,
      List<Path> sourceDirs)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
      out.write(
          "<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>Per-test coverage</title>"
              + "<link rel=\"stylesheet\" href=\"jacoco-resources/report.css\" type=\"text/css\"/>"
              + "<style>td.src{font-family:monospace;white-space:pre}td.t{font-size:smaller}"
              + "</style></head><body>\n<h1>Per-test coverage</h1>\n<p><a href=\"index.html\">"
              + "Coverage report</a> &middot; "
              + index.tests().size()
              + " tests. Each covered line of each class, with the tests that covered it.</p>\n");
      for (Map.Entry<String, Map<String, Map<Integer, Set<String>>>> group :
          index.groups().entrySet()) {
        out.write("<h2>" + html(group.getKey()) + "</h2>\n");
        if (group.getValue().isEmpty()) {
          out.write("<p>No test covered a line of its classes.</p>\n");
        }
        for (Map.Entry<String, Map<Integer, Set<String>>> type : group.getValue().entrySet()) {
          IClassCoverage coverage = analysed.get(group.getKey()).get(type.getKey());
          List<String> source = source(coverage, sourceDirs);
          out.write(
              "<h3 id=\""
                  + html((group.getKey() + ":" + type.getKey()).replace(' ', '-'))
                  + "\">"
                  + html(type.getKey().replace('/', '.'))
                  + "</h3>\n<table class=\"coverage\"><thead><tr><td>Line</td><td>Source</td>"
                  + "<td>Tests</td></tr></thead><tbody>\n");
          for (Map.Entry<Integer, Set<String>> line : type.getValue().entrySet()) {
            int number = line.getKey();
            String text = number <= source.size() ? source.get(number - 1) : "";
            List<String> names = new ArrayList<>();
            line.getValue().forEach(test -> names.add(index.tests().get(test)));
            out.write(
                "<tr><td>"
                    + number
                    + "</td><td class=\"src\">"
                    + html(text)
                    + "</td><td class=\"t\">"
                    + html(String.join(", ", names))
                    + "</td></tr>\n");
          }
          out.write("</tbody></table>\n");
        }
      }
      out.write("</body></html>\n");
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
