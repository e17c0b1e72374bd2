package dev.jtest.core.coverage;

import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IBundleCoverage;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.tools.ExecFileLoader;
import org.jacoco.report.DirectorySourceFileLocator;
import org.jacoco.report.FileMultiReportOutput;
import org.jacoco.report.IReportGroupVisitor;
import org.jacoco.report.IReportVisitor;
import org.jacoco.report.ISourceFileLocator;
import org.jacoco.report.MultiReportVisitor;
import org.jacoco.report.MultiSourceFileLocator;
import org.jacoco.report.csv.CSVFormatter;
import org.jacoco.report.html.HTMLFormatter;
import org.jacoco.report.xml.XMLFormatter;

/**
 * Writes one HTML, XML and CSV report over the execution data of every covered service (one group
 * each, so two services running the same classes never collide) and of the unit tests, against the
 * project's own class files and sources.
 */
public final class CoverageReport {

  /**
   * What to report on.
   *
   * @param title the report's name, e.g. the project's
   * @param groups execution data by group name (a service, or "unit tests"), in report order
   * @param classDirs directories of class files to analyse
   * @param sourceDirs directories of sources, for the line-by-line pages
   * @param reportDir where {@code index.html}, {@code jacoco.xml} and {@code jacoco.csv} go
   * @param mergedExec where the merged execution data goes
   */
  public record Inputs(
      String title,
      List<Group> groups,
      List<Path> classDirs,
      List<Path> sourceDirs,
      Path reportDir,
      Path mergedExec) {}

  /** One group's execution data. */
  public record Group(String name, Path execFile) {}

  /**
   * One group's figures.
   *
   * @param staleClasses classes that ran but whose class id differs from the local class file
   */
  public record Summary(
      String name, int classes, ICounter lines, ICounter branches, List<String> staleClasses) {

    /** {@code auth: 12 classes, line 78.3 %, branch 61.0 %}. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "%s: %d classes, line %s, branch %s",
          name,
          classes,
          percent(lines),
          percent(branches));
    }
  }

  /** The report's figures: each group's, and all groups merged. */
  public record Result(List<Summary> groups, IBundleCoverage total, Path index) {}

  private CoverageReport() {}

  /**
   * Analyses and writes the report.
   *
   * @throws ConfigurationException when there are no class files to analyse
   * @throws CoverageException when a file cannot be read or the report cannot be written
   */
  public static Result write(Inputs inputs) {
    List<Path> classDirs =
        inputs.classDirs().stream().filter(CoverageReport::hasClassFiles).toList();
    if (classDirs.isEmpty()) {
      throw new ConfigurationException(
          "coverage: no class files to analyse in "
              + inputs.classDirs()
              + ": compile the project first (mvn verify does), or name the directories with <coverage><classDirectories>");
    }
    try {
      Map<Path, Set<String>> classNames = classNames(classDirs);
      ExecFileLoader merged = new ExecFileLoader();
      List<IBundleCoverage> bundles = new ArrayList<>();
      List<Summary> summaries = new ArrayList<>();
      for (Group group : inputs.groups()) {
        ExecFileLoader loader = new ExecFileLoader();
        loader.load(group.execFile().toFile());
        merged.load(group.execFile().toFile());
        CoverageBuilder builder =
            analyse(
                loader.getExecutionDataStore(),
                ranFrom(loader.getExecutionDataStore(), classNames));
        IBundleCoverage bundle = builder.getBundle(group.name());
        bundles.add(bundle);
        summaries.add(summary(group.name(), bundle, builder.getNoMatchClasses()));
      }
      IBundleCoverage total = analyse(merged.getExecutionDataStore(), classDirs).getBundle("all");
      Files.createDirectories(inputs.mergedExec().getParent());
      merged.save(inputs.mergedExec().toFile(), false);
      Files.createDirectories(inputs.reportDir());
      ISourceFileLocator sources = sources(inputs.sourceDirs());
      try (OutputStream xml = Files.newOutputStream(inputs.reportDir().resolve("jacoco.xml"));
          OutputStream csv = Files.newOutputStream(inputs.reportDir().resolve("jacoco.csv"))) {
        HTMLFormatter html = new HTMLFormatter();
        html.setOutputEncoding("UTF-8");
        IReportVisitor visitor =
            new MultiReportVisitor(
                List.of(
                    html.createVisitor(new FileMultiReportOutput(inputs.reportDir().toFile())),
                    new XMLFormatter().createVisitor(xml),
                    new CSVFormatter().createVisitor(csv)));
        visitor.visitInfo(
            merged.getSessionInfoStore().getInfos(), merged.getExecutionDataStore().getContents());
        IReportGroupVisitor root = visitor.visitGroup(inputs.title());
        for (IBundleCoverage bundle : bundles) {
          root.visitBundle(bundle, sources);
        }
        visitor.visitEnd();
      }
      return new Result(List.copyOf(summaries), total, inputs.reportDir().resolve("index.html"));
    } catch (IOException e) {
      throw new CoverageException(
          "coverage: cannot write the report to "
              + inputs.reportDir()
              + " ("
              + e.getMessage()
              + "): check that it is writable and that the class files and the execution data"
              + " it reads are readable",
          e);
    }
  }

  /** The rules {@code result} breaks, one message each; empty when all hold. */
  public static List<String> violations(Result result, List<CoverageRule> rules) {
    List<String> broken = new ArrayList<>();
    for (CoverageRule rule : rules) {
      ICounter counter = result.total().getCounter(rule.counter());
      double actual = counter.getTotalCount() == 0 ? 0 : counter.getCoveredRatio();
      if (actual < rule.minimum()) {
        broken.add(
            String.format(
                Locale.ROOT,
                "%s covered ratio %.2f is below the required %.2f (%d of %d)",
                rule.counter().name().toLowerCase(Locale.ROOT),
                actual,
                rule.minimum(),
                counter.getCoveredCount(),
                counter.getTotalCount()));
      }
    }
    return broken;
  }

  private static CoverageBuilder analyse(ExecutionDataStore data, List<Path> classDirs)
      throws IOException {
    CoverageBuilder builder = new CoverageBuilder();
    Analyzer analyzer = new Analyzer(data, builder);
    for (Path dir : classDirs) {
      analyzer.analyzeAll(dir.toFile());
    }
    return builder;
  }

  private static Summary summary(
      String name, IBundleCoverage bundle, Collection<IClassCoverage> noMatch) {
    List<String> stale = noMatch.stream().map(c -> c.getName().replace('/', '.')).sorted().toList();
    return new Summary(
        name,
        bundle.getClassCounter().getTotalCount(),
        bundle.getLineCounter(),
        bundle.getBranchCounter(),
        stale);
  }

  private static ISourceFileLocator sources(List<Path> dirs) {
    MultiSourceFileLocator locator = new MultiSourceFileLocator(4);
    for (Path dir : dirs) {
      if (Files.isDirectory(dir)) {
        locator.add(new DirectorySourceFileLocator(dir.toFile(), "UTF-8", 4));
      }
    }
    return locator;
  }

  /** The VM names ({@code demo/auth/Store}) of the classes in each directory, read once. */
  static Map<Path, Set<String>> classNames(List<Path> classDirs) throws IOException {
    Map<Path, Set<String>> names = new LinkedHashMap<>();
    for (Path dir : classDirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        names.put(
            dir,
            files
                .map(f -> dir.relativize(f).toString())
                .filter(name -> name.endsWith(".class"))
                .map(
                    name ->
                        name.substring(0, name.length() - ".class".length())
                            .replace(java.io.File.separatorChar, '/'))
                .collect(Collectors.toSet()));
      }
    }
    return names;
  }

  /**
   * The class directories a group's JVM loaded at least one class from: in a multi-module build,
   * the auth service's group shows the modules auth runs, not the mcp module it never loaded (which
   * would read as 0 % of auth). All of them when it loaded none, so a service that ran none of the
   * project's code still shows as uncovered.
   */
  static List<Path> ranFrom(ExecutionDataStore data, Map<Path, Set<String>> classNames) {
    Set<String> ran = new HashSet<>();
    data.getContents().forEach(d -> ran.add(d.getName()));
    List<Path> own =
        classNames.entrySet().stream()
            .filter(dir -> dir.getValue().stream().anyMatch(ran::contains))
            .map(Map.Entry::getKey)
            .toList();
    return own.isEmpty() ? List.copyOf(classNames.keySet()) : own;
  }

  private static boolean hasClassFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".class"));
    } catch (IOException e) {
      return false;
    }
  }

  static String percent(ICounter counter) {
    return counter.getTotalCount() == 0
        ? "n/a"
        : String.format(Locale.ROOT, "%.1f %%", 100 * counter.getCoveredRatio());
  }

  /**
   * The top-level packages of the classes in {@code classDirs}, as JaCoCo patterns ({@code a.b.*}).
   */
  public static List<String> ownPackages(List<Path> classDirs) {
    java.util.TreeSet<String> packages = new java.util.TreeSet<>();
    for (Path dir : classDirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(f -> f.toString().endsWith(".class"))
            .forEach(
                f -> {
                  Path relative = dir.relativize(f).getParent();
                  if (relative != null) {
                    // Two levels (dev.demo) is specific enough to leave libraries out, broad enough
                    // for all modules.
                    int depth = Math.min(2, relative.getNameCount());
                    packages.add(relative.subpath(0, depth).toString().replace('/', '.') + ".*");
                  }
                });
      } catch (IOException e) {
        // A directory that cannot be read contributes no package.
      }
    }
    return List.copyOf(packages);
  }

  /** The execution data of the unit tests, if the project wrote any. */
  public static Optional<Group> unitTests(Path execFile) {
    return Files.isRegularFile(execFile)
        ? Optional.of(new Group("unit tests", execFile))
        : Optional.empty();
  }
}
