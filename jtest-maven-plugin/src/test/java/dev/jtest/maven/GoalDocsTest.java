package dev.jtest.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GoalDocsTest {

  /** Written by maven-plugin-plugin's descriptor goal in process-classes, before the tests run. */
  private static final Path DESCRIPTOR =
      Path.of(System.getProperty("basedir", "."), "target/classes/META-INF/maven/plugin.xml");

  private static final Path PAGE =
      Path.of(System.getProperty("basedir", "."), "..", "docs", "goals.md").normalize();

  @Test
  void goalsPageMatchesThePluginDescriptor() throws IOException {
    assertThat(DESCRIPTOR)
        .as("the plugin descriptor (run the build through process-classes)")
        .isRegularFile();
    String rendered;
    try (InputStream in = Files.newInputStream(DESCRIPTOR)) {
      rendered = GoalDocs.render(GoalDocs.read(in));
    }
    if (Boolean.getBoolean("docs.update")) {
      Files.writeString(PAGE, rendered);
    }
    String page = Files.isRegularFile(PAGE) ? Files.readString(PAGE) : "";
    assertThat(page)
        .as(
            "%s is out of date with the mojos' annotations and Javadoc; regenerate it with:%n  %s%n",
            PAGE, GoalDocs.REGENERATE)
        .isEqualTo(rendered);
  }

  @Test
  void rendersGoalPhaseAndParameterColumns() throws IOException {
    assertThat(samplePage())
        .contains("| [`jtest:start`](#jteststart) | `pre-integration-test` | Starts services. |")
        .contains(
            "## `jtest:start`\n\nStarts services. Then more.\n\nDefault phase: `pre-integration-test`.")
        .contains(
            "| `pullTimeout` | `jtest.pullTimeout` | `String` | `60s` | no | How long a pull may"
                + " take. |");
  }

  @Test
  void leavesOutReadOnlyParameters() throws IOException {
    assertThat(samplePage()).doesNotContain("`project`");
  }

  @Test
  void keepsAngleBracketsAndPipesLiteral() throws IOException {
    assertThat(samplePage())
        .contains(
            "| `coverageSettings` (alias `coverage`) |  | `CoverageSettings` |  | no |"
                + " \\<rules\\> a\\|b |");
  }

  @Test
  void quotesADefaultWithEdgeSpaces() throws IOException {
    assertThat(samplePage())
        .contains("| `prefix` | `jtest.cleanup.prefix` | `String` | `\"TEST \"` |");
  }

  @Test
  void listsTheParametersOfEveryProjectGoalOnce() throws IOException {
    String page = samplePage();

    assertThat(page)
        .contains(
            "## Parameters of every project goal\n\nEvery goal that works on a project takes these"
                + " (all but `jtest:help`).")
        .contains("And the [parameters of every project goal](#parameters-of-every-project-goal).");
    assertThat(page.split("\\| `skip` \\|", -1)).hasSize(2);
  }

  @Test
  void saysWhenAGoalHasNoDefaultPhase() throws IOException {
    assertThat(samplePage()).contains("## `jtest:help`\n\nHelps.\n\nDefault phase: none.");
  }

  private static String samplePage() throws IOException {
    return GoalDocs.render(
        GoalDocs.read(new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8))));
  }

  private static final String SAMPLE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <plugin>
        <groupId>dev.jtest</groupId>
        <artifactId>jtest-maven-plugin</artifactId>
        <goalPrefix>jtest</goalPrefix>
        <mojos>
          <mojo>
            <goal>diagnose</goal>
            <description>Diagnoses.</description>
            <parameters>
              <parameter>
                <name>skip</name>
                <type>boolean</type>
                <required>false</required>
                <editable>true</editable>
                <description>Skips.</description>
              </parameter>
            </parameters>
            <configuration>
              <skip implementation="boolean" default-value="false">${jtest.skip}</skip>
            </configuration>
          </mojo>
          <mojo>
            <goal>help</goal>
            <description>Helps.</description>
            <requiresProject>false</requiresProject>
          </mojo>
          <mojo>
            <goal>start</goal>
            <description>Starts services.
              Then more.</description>
            <phase>pre-integration-test</phase>
            <parameters>
              <parameter>
                <name>coverageSettings</name>
                <alias>coverage</alias>
                <type>dev.jtest.maven.CoverageSettings</type>
                <required>false</required>
                <editable>true</editable>
                <description>&lt;rules&gt; a|b</description>
              </parameter>
              <parameter>
                <name>prefix</name>
                <type>java.lang.String</type>
                <required>false</required>
                <editable>true</editable>
                <description>Prefix.</description>
              </parameter>
              <parameter>
                <name>project</name>
                <type>org.apache.maven.project.MavenProject</type>
                <required>true</required>
                <editable>false</editable>
                <description></description>
              </parameter>
              <parameter>
                <name>skip</name>
                <type>boolean</type>
                <required>false</required>
                <editable>true</editable>
                <description>Skips.</description>
              </parameter>
              <parameter>
                <name>pullTimeout</name>
                <type>java.lang.String</type>
                <required>false</required>
                <editable>true</editable>
                <description>How long a pull may take.</description>
              </parameter>
            </parameters>
            <configuration>
              <prefix implementation="java.lang.String" default-value="TEST ">${jtest.cleanup.prefix}</prefix>
              <project implementation="org.apache.maven.project.MavenProject" default-value="${project}"/>
              <pullTimeout implementation="java.lang.String" default-value="60s">${jtest.pullTimeout}</pullTimeout>
              <skip implementation="boolean" default-value="false">${jtest.skip}</skip>
            </configuration>
          </mojo>
        </mojos>
      </plugin>
      """;
}
