package dev.jtest.settings;

import java.util.List;

/**
 * Renders {@code docs/settings.md} from {@link Settings}, so that the reference cannot drift from
 * the parsers. {@code SettingsReferenceTest} compares the file with this rendering.
 */
public final class SettingsReference {

  private static final List<String> PROSE = List.of("none", "all", "off");

  private SettingsReference() {}

  /** The whole page, Markdown. */
  public static String markdown() {
    StringBuilder page = new StringBuilder();
    page.append("# Settings\n\n")
        .append("<!-- Generated from dev.jtest.settings.Settings by SettingsReferenceTest: run\n")
        .append(
            "     ./mvnw -o -pl jtest-settings test -Dtest=SettingsReferenceTest -Ddocs.update\n")
        .append("     after changing a setting. Do not edit by hand. -->\n\n")
        .append("Every `jtest.*` property, set with `-D` on the command line or in the pom's")
        .append(" `<properties>`; `-D` wins. A bad value fails the build before anything starts,")
        .append(" naming the property, the value and what is accepted; an unknown `-Djtest.*`")
        .append(" gets a warning.\n\n");
    table(page, Settings.user());
    page.append("\n## Endpoints\n\n")
        .append("jtest sets these for every service it started: `jtest.<service>.host` (`")
        .append(EndpointContract.HOST)
        .append("`), `jtest.<service>.port` (the first `")
        .append(EndpointContract.PROTOCOL)
        .append("` port the compose file publishes, in file order), `jtest.<service>.port.")
        .append("<containerPort>` (each published `")
        .append(EndpointContract.PROTOCOL)
        .append("` port), `jtest.<service>.url` (`http://")
        .append(EndpointContract.HOST)
        .append(":<port>`). They are Maven project properties after `jtest:start`, system")
        .append(" properties in the Surefire and Failsafe forks, and the lines of `target/")
        .append(Keys.WORK_DIRECTORY)
        .append("/")
        .append(EndpointContract.SERVICES_FILE)
        .append("`.\n\n## Set by jtest\n\n")
        .append("jtest passes these to the processes it starts; they are listed so that their")
        .append(" names are not taken for typos, not to be set.\n\n");
    table(page, internal());
    return page.toString();
  }

  private static List<Setting<?>> internal() {
    return Settings.all().stream().filter(s -> s.scope() == Setting.Scope.INTERNAL).toList();
  }

  private static void table(StringBuilder page, List<Setting<?>> settings) {
    page.append("| property | default | accepted | what it does | read by |\n")
        .append("|---|---|---|---|---|\n");
    for (Setting<?> setting : settings) {
      page.append("| `")
          .append(setting.name())
          .append("` | ")
          .append(code(setting.defaultText()))
          .append(" | ")
          .append(cell(setting.accepted()))
          .append(" | ")
          .append(cell(setting.description()))
          .append(" | ")
          .append(cell(setting.readBy()))
          .append(" |\n");
    }
  }

  /** A default is code unless it is a word of prose or already formatted. */
  private static String code(String text) {
    return text.contains("`") || PROSE.contains(text) ? text : "`" + text + "`";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
