package dev.jtest.maven;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Renders the plugin descriptor ({@code META-INF/maven/plugin.xml}, which maven-plugin-plugin
 * writes from the mojos' annotations and Javadoc) as the markdown of {@code docs/goals.md}, so that
 * the page says what the plugin does and cannot drift from it.
 */
final class GoalDocs {

  /** How to rewrite the page; printed in the page and by the test that compares it. */
  static final String REGENERATE =
      "./mvnw -pl jtest-maven-plugin -am test -Dtest=GoalDocsTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true";

  private GoalDocs() {}

  /** The plugin's coordinates and goals. */
  record Plugin(String groupId, String artifactId, String prefix, List<Goal> goals) {}

  /** One goal as the descriptor declares it. */
  record Goal(
      String name,
      String description,
      String phase,
      boolean requiresProject,
      List<Parameter> parameters) {}

  /**
   * One parameter a user can set; {@code property} and {@code defaultValue} are {@code null} when
   * the descriptor has none.
   */
  record Parameter(
      String name,
      String alias,
      String property,
      String type,
      String defaultValue,
      boolean required,
      String description) {}

  /** The goal prefix and the goals of {@code descriptor}, in its order. */
  static Plugin read(InputStream descriptor) throws IOException {
    Element plugin = parse(descriptor).getDocumentElement();
    List<Goal> goals = new ArrayList<>();
    Element mojos = child(plugin, "mojos");
    for (Element mojo : children(mojos, "mojo")) {
      goals.add(goal(mojo));
    }
    return new Plugin(
        text(plugin, "groupId"),
        text(plugin, "artifactId"),
        text(plugin, "goalPrefix"),
        List.copyOf(goals));
  }

  /** {@code plugin} as the markdown page {@code docs/goals.md}. */
  static String render(Plugin plugin) {
    StringBuilder out = new StringBuilder();
    out.append("# Goals\n\n");
    out.append("<!-- Generated from the plugin descriptor by GoalDocsTest: do not edit by hand.\n");
    out.append("     Regenerate: ").append(REGENERATE).append(" -->\n\n");
    out.append("Every goal of `")
        .append(plugin.groupId())
        .append(':')
        .append(plugin.artifactId())
        .append("` and every parameter a user can set, as the plugin itself describes them")
        .append(" (`mvn ")
        .append(plugin.prefix())
        .append(":help -Ddetail` prints the same). A parameter with a user property is set with")
        .append(" `-D<property>=…` or a `<properties>` entry of the pom; every parameter can also")
        .append(" be set in the plugin's `<configuration>`. How the build extension binds the")
        .append(" goals to the lifecycle: [compose.md](compose.md#lifecycle); every `jtest.*`")
        .append(" setting: [settings.md](settings.md).\n\n");
    out.append("| goal | default phase | what it does |\n|---|---|---|\n");
    for (Goal goal : plugin.goals()) {
      out.append("| [`")
          .append(plugin.prefix())
          .append(':')
          .append(goal.name())
          .append("`](#")
          .append(plugin.prefix())
          .append(goal.name())
          .append(") | ")
          .append(goal.phase() == null ? "none" : "`" + goal.phase() + "`")
          .append(" | ")
          .append(cell(firstSentence(goal.description())))
          .append(" |\n");
    }
    List<Parameter> shared = shared(plugin.goals());
    if (!shared.isEmpty()) {
      out.append("\n## Parameters of every project goal\n\n");
      out.append("Every goal that works on a project takes these");
      List<String> others =
          plugin.goals().stream()
              .filter(g -> !g.requiresProject())
              .map(g -> "`" + plugin.prefix() + ':' + g.name() + "`")
              .toList();
      out.append(others.isEmpty() ? "" : " (all but " + String.join(", ", others) + ")");
      out.append(".\n\n");
      table(out, shared);
    }
    for (Goal goal : plugin.goals()) {
      out.append("\n## `").append(plugin.prefix()).append(':').append(goal.name()).append("`\n\n");
      out.append(escape(goal.description())).append("\n\n");
      out.append("Default phase: ")
          .append(goal.phase() == null ? "none" : "`" + goal.phase() + "`")
          .append(".\n");
      List<Parameter> own =
          goal.requiresProject()
              ? goal.parameters().stream().filter(p -> !shared.contains(p)).toList()
              : goal.parameters();
      if (!own.isEmpty()) {
        out.append('\n');
        table(out, own);
      }
      if (goal.requiresProject() && !shared.isEmpty()) {
        out.append(
            "\nAnd the [parameters of every project goal](#parameters-of-every-project-goal).\n");
      }
    }
    return out.toString();
  }

  /** The parameters that every goal working on a project declares alike, in declaration order. */
  private static List<Parameter> shared(List<Goal> goals) {
    List<Goal> project = goals.stream().filter(Goal::requiresProject).toList();
    if (project.size() < 2) {
      return List.of();
    }
    return project.get(0).parameters().stream()
        .filter(p -> project.stream().allMatch(g -> g.parameters().contains(p)))
        .toList();
  }

  private static void table(StringBuilder out, List<Parameter> parameters) {
    out.append("| parameter | user property | type | default | required | description |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Parameter parameter : parameters) {
      out.append("| `")
          .append(parameter.name())
          .append('`')
          .append(parameter.alias() == null ? "" : " (alias `" + parameter.alias() + "`)")
          .append(" | ")
          .append(parameter.property() == null ? "" : "`" + parameter.property() + "`")
          .append(" | `")
          .append(parameter.type())
          .append("` | ")
          .append(defaultCell(parameter.defaultValue()))
          .append(" | ")
          .append(parameter.required() ? "yes" : "no")
          .append(" | ")
          .append(cell(parameter.description()))
          .append(" |\n");
    }
  }

  private static Goal goal(Element mojo) {
    Element configuration = child(mojo, "configuration");
    List<Parameter> parameters = new ArrayList<>();
    Element declared = child(mojo, "parameters");
    if (declared != null) {
      for (Element parameter : children(declared, "parameter")) {
        // Read-only parameters (the project, the session, fixed paths) are no user's to set.
        if (!"true".equals(text(parameter, "editable"))) {
          continue;
        }
        String name = text(parameter, "name");
        Element value = configuration == null ? null : child(configuration, name);
        parameters.add(
            new Parameter(
                name,
                text(parameter, "alias"),
                value == null ? null : property(value.getTextContent()),
                simpleName(text(parameter, "type")),
                value == null || !value.hasAttribute("default-value")
                    ? null
                    : value.getAttribute("default-value"),
                "true".equals(text(parameter, "required")),
                oneLine(text(parameter, "description"))));
      }
    }
    return new Goal(
        text(mojo, "goal"),
        oneLine(text(mojo, "description")),
        text(mojo, "phase"),
        !"false".equals(text(mojo, "requiresProject")),
        List.copyOf(parameters));
  }

  /** {@code jtest.skip} of {@code ${jtest.skip}}; {@code null} for anything else. */
  private static String property(String expression) {
    String trimmed = expression.trim();
    if (trimmed.startsWith("${") && trimmed.endsWith("}")) {
      return trimmed.substring(2, trimmed.length() - 1);
    }
    return null;
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ");
  }

  private static String defaultCell(String value) {
    if (value == null) {
      return "";
    }
    // A default such as "TEST " ends in a space that a code span would hide.
    return value.isBlank() || !value.equals(value.strip())
        ? "`\"" + value + "\"`"
        : "`" + value + "`";
  }

  private static String cell(String text) {
    return escape(text).replace("|", "\\|");
  }

  /** Keeps descriptor text literal in markdown: {@code <rules>} is text, not an HTML tag. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\")
        .replace("<", "\\<")
        .replace(">", "\\>")
        .replace("*", "\\*")
        .replace("`", "\\`");
  }

  private static Document parse(InputStream descriptor) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(descriptor);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("cannot parse the plugin descriptor: " + e.getMessage(), e);
    }
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent();
  }
}
