package dev.jtest.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtest.settings.CoverageAgents;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.ExecutionDataWriter;
import org.jacoco.core.data.SessionInfo;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.IRuntime;
import org.jacoco.core.runtime.LoggerRuntime;
import org.jacoco.core.runtime.RuntimeData;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerTestReportTest {

  private static final String A = "[engine:junit-jupiter]/[class:sample.AIT]/[method:callsX()]";
  private static final String B = "[engine:junit-jupiter]/[class:sample.BIT]/[method:callsY()]";
  private static final String SHOP = "dev/jtest/core/coverage/PerTestShop";
  private static final Path SOURCES = Path.of("src/test/java");

  /**
   * What one test covers of {@link PerTestShop}: the class instrumented by JaCoCo, loaded alone,
   * its {@code method} run, and the agent's data collected, as a service's agent would dump it.
   */
  private static ExecutionData[] run(String method) throws Exception {
    byte[] original;
    try (InputStream in = PerTestShop.class.getResourceAsStream("PerTestShop.class")) {
      original = in.readAllBytes();
    }
    IRuntime runtime = new LoggerRuntime();
    byte[] instrumented = new Instrumenter(runtime).instrument(original, SHOP);
    RuntimeData data = new RuntimeData();
    runtime.startup(data);
    try {
      Class<?> shop =
          new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
              if (!name.equals(SHOP.replace('/', '.'))) {
                throw new ClassNotFoundException(name);
              }
              return defineClass(name, instrumented, 0, instrumented.length);
            }
          }.loadClass(SHOP.replace('/', '.'));
      shop.getMethod(method).invoke(null);
      ExecutionDataStore store = new ExecutionDataStore();
      data.collect(store, new SessionInfoStore(), false);
      return store.getContents().toArray(ExecutionData[]::new);
    } finally {
      runtime.shutdown();
    }
  }

  /** A per-test run of the "shop" service: A ran orders(), B payments(). */
  private static PerTestReport.Inputs perTestRun(Path dir, List<Path> sourceDirs) throws Exception {
    Path data = Files.createDirectories(dir.resolve("per-test"));
    Path exec = data.resolve("shop.exec");
    append(exec, A, run("orders"));
    append(exec, B, run("payments"));
    Path classes = dir.resolve("classes");
    Path classFile = classes.resolve(SHOP + ".class");
    Files.createDirectories(classFile.getParent());
    try (InputStream in = PerTestShop.class.getResourceAsStream("PerTestShop.class")) {
      Files.copy(in, classFile);
    }
    return new PerTestReport.Inputs(
        data,
        List.of(classes),
        List.of(),
        sourceDirs,
        dir.resolve("report"),
        dir.resolve("test-map.json"),
        null);
  }

  private static int line(String text) throws Exception {
    List<String> source =
        Files.readAllLines(SOURCES.resolve(SHOP + ".java"), StandardCharsets.UTF_8);
    return source.indexOf(source.stream().filter(l -> l.contains(text)).findFirst().get()) + 1;
  }

  /** The row of line {@code number} of a class page. */
  private static String row(String page, int number) {
    int start = page.indexOf("<td id=\"L" + number + "\">");
    return page.substring(page.lastIndexOf("<tr", start), page.indexOf("</tr>", start));
  }

  @Test
  void theIndexLinksEachCoveredClassToItsPageOfSourceAndTests(@TempDir Path dir) throws Exception {
    PerTestReport.Inputs inputs = perTestRun(dir, List.of(SOURCES));
    Path report = inputs.reportDir();
    // JaCoCo's page of the source, where the coverage report puts it; and a page of an earlier run.
    Path jacoco = report.resolve("shop/dev.jtest.core.coverage/PerTestShop.java.html");
    Files.createDirectories(jacoco.getParent());
    Files.writeString(jacoco, "<html></html>");
    Path stale = report.resolve("@per-test/gone/sample.Gone.html");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "old");

    PerTestReport.Result result = PerTestReport.write(inputs);

    assertThat(result.tests()).isEqualTo(2);
    String index = Files.readString(result.page());
    String href = "@per-test/shop/dev.jtest.core.coverage.PerTestShop.html";
    assertThat(index)
        .contains("<h2>shop</h2>")
        .contains("<a href=\"" + href + "\">dev.jtest.core.coverage.PerTestShop</a>")
        .contains("href=\"jacoco-resources/report.css\"");
    // Per class: its covered lines and the number of tests; per test: the classes it touched.
    int covered =
        new ObjectMapper()
            .readTree(result.index().toFile())
            .path("groups")
            .path("shop")
            .path(SHOP)
            .size();
    assertThat(index).contains("<td class=\"ctr2\">" + covered + "</td><td class=\"ctr2\">2</td>");
    assertThat(index)
        .contains("<a href=\"@per-test/@by-test/AIT.callsX.html\">AIT.callsX</a>")
        .contains("<a href=\"@per-test/@by-test/BIT.callsY.html\">BIT.callsY</a>");
    String byTest = Files.readString(report.resolve("@per-test/@by-test/AIT.callsX.html"));
    assertThat(byTest)
        .contains("<a href=\"../../" + href + "\">dev.jtest.core.coverage.PerTestShop</a>")
        .contains(A)
        .contains("<a href=\"../../per-test.html\">");
    assertThat(index).doesNotContain("order.add(");
    assertThat(stale).doesNotExist();

    String page = Files.readString(report.resolve(href));
    List<String> source =
        Files.readAllLines(SOURCES.resolve(SHOP + ".java"), StandardCharsets.UTF_8);
    // Every line of the source, the covered ones marked with their tests, escaped.
    assertThat(page.split("<td id=\"L", -1)).hasSize(source.size() + 1);
    assertThat(row(page, line("orders.add(")))
        .startsWith("<tr class=\"c\">")
        .contains("orders.add(&quot;order &lt;1&gt; &amp; co&quot;);")
        .endsWith("<td class=\"t\">AIT.callsX</td>");
    assertThat(row(page, line("total += i;"))).endsWith("<td class=\"t\">BIT.callsY</td>");
    assertThat(row(page, line("return \"never\";")))
        .startsWith("<tr><td")
        .endsWith("<td class=\"t\"></td>");
    assertThat(row(page, line("package "))).startsWith("<tr><td");
    assertThat(page)
        .contains("<a href=\"../../per-test.html\">")
        .contains("<a href=\"../../shop/dev.jtest.core.coverage/PerTestShop.java.html\">")
        .contains("href=\"../../jacoco-resources/report.css\"");
  }

  @Test
  void withoutSourcesAClassPageShowsItsCoveredLinesOnly(@TempDir Path dir) throws Exception {
    PerTestReport.Inputs inputs = perTestRun(dir, List.of());

    PerTestReport.write(inputs);

    String page =
        Files.readString(
            inputs.reportDir().resolve("@per-test/shop/dev.jtest.core.coverage.PerTestShop.html"));
    assertThat(page).contains("Source not found").doesNotContain("PerTestShop.java.html");
    assertThat(page.split("<tr class=\"c\">", -1).length - 1)
        .isEqualTo(page.split("<td id=\"L", -1).length - 1)
        .isPositive();
    assertThat(row(page, line("orders.add("))).contains("AIT.callsX");
  }

  @Test
  void pageNamesAreSafeAndDistinctOnFileSystemsThatIgnoreCase() {
    Set<String> taken = new HashSet<>();
    assertThat(PerTestReport.fileName("a/b/Foo$Bar", taken)).isEqualTo("a.b.Foo$Bar.html");
    assertThat(PerTestReport.fileName("a/b/foo$bar", taken)).isEqualTo("a.b.foo$bar~1.html");
    assertThat(PerTestReport.fileName("a/b/Ünï", taken)).isEqualTo("a.b._n_.html");
    assertThat(PerTestReport.groupDirectory(PerTestReport.TEST_JVM_GROUP))
        .isEqualTo(CoverageAgents.TEST_JVM);
    assertThat(PerTestReport.groupDirectory("shop")).isEqualTo("shop");
  }

  /** Appends one session as the worker does: a header of its own, then the session. */
  private static void append(Path file, String session, ExecutionData... data) throws Exception {
    try (OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      ExecutionDataWriter writer = new ExecutionDataWriter(out);
      writer.visitSessionInfo(new SessionInfo(session, 1, 2));
      for (ExecutionData one : data) {
        writer.visitClassExecution(one);
      }
    }
  }

  @Test
  void splitsAppendedSessionsByTestAndAddsUpRepeatedOnes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shop.exec");
    append(
        file,
        CoverageAgents.BETWEEN_TESTS,
        new ExecutionData(1, "a/Main", new boolean[] {true, false}));
    append(file, A, new ExecutionData(2, "a/Orders", new boolean[] {true}));
    append(
        file,
        CoverageAgents.BETWEEN_TESTS,
        new ExecutionData(1, "a/Main", new boolean[] {false, true}));

    Map<String, ExecutionDataStore> sessions = PerTestReport.sessions(file);

    assertThat(sessions).containsOnlyKeys(CoverageAgents.BETWEEN_TESTS, A);
    assertThat(sessions.get(A).get(2).getProbes()).containsExactly(true);
    assertThat(sessions.get(CoverageAgents.BETWEEN_TESTS).get(1).getProbes())
        .containsExactly(true, true);
    // JaCoCo's own loader reads the same file whole, as the harvest merges it.
    ExecFileLoader whole = new ExecFileLoader();
    whole.load(file.toFile());
    assertThat(whole.getSessionInfoStore().getInfos()).hasSize(3);
    assertThat(whole.getExecutionDataStore().get(1).getProbes()).containsExactly(true, true);
  }

  @Test
  void labelsTestsByClassAndMethodAsPeopleNameThem() {
    assertThat(PerTestReport.label(A)).isEqualTo("AIT.callsX");
    assertThat(
            PerTestReport.label(
                "[engine:junit-jupiter]/[class:sample.OuterIT]/[nested-class:Inner]"
                    + "/[test-template:adds(int)]/[test-template-invocation:#2]"))
        .isEqualTo("Inner.adds[2]");
    assertThat(PerTestReport.label("[engine:junit-jupiter]/[class:sample.Outer$Deep]/[method:t()]"))
        .isEqualTo("Deep.t");
    assertThat(PerTestReport.label("plain")).isEqualTo("plain");
  }
}
