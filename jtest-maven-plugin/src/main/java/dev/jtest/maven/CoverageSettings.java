package dev.jtest.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** The {@code <coverage>} element of the plugin's configuration. */
public class CoverageSettings {

  /** Minimum covered ratios, checked at {@code verify}. */
  private List<Rule> rules = new ArrayList<>();

  /** Class directories to analyse instead of every module's {@code target/classes}. */
  private List<File> classDirectories = new ArrayList<>();

  /** Source directories instead of every module's {@code src/main/java}. */
  private List<File> sourceDirectories = new ArrayList<>();

  /** The unit tests' JaCoCo data, reported as a group of its own when it exists. */
  private File unitTestData;

  public List<Rule> getRules() {
    return rules;
  }

  public List<File> getClassDirectories() {
    return classDirectories;
  }

  public List<File> getSourceDirectories() {
    return sourceDirectories;
  }

  public File getUnitTestData() {
    return unitTestData;
  }

  /** {@code <rule><counter>line</counter><minimum>0.80</minimum></rule>}. */
  public static class Rule {
    private String counter;
    private String minimum;

    public String getCounter() {
      return counter;
    }

    public String getMinimum() {
      return minimum;
    }
  }
}
