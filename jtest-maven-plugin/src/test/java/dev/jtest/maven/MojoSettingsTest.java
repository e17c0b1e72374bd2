package dev.jtest.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.settings.Setting;
import dev.jtest.settings.Settings;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The goals' {@code jtest.*} parameters, as the generated plugin descriptor has them, agree with
 * their owner in {@link Settings}: every property is a user setting, with the same default.
 */
class MojoSettingsTest {

  /**
   * One {@code <configuration>} entry of a goal: {@code <tail default-value="-1">${jtest.tail}}.
   */
  private record Parameter(String goal, String property, String defaultValue) {}

  private static List<Parameter> parameters() throws Exception {
    Document descriptor;
    try (InputStream in =
        MojoSettingsTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertThat(in).as("the plugin descriptor, generated at process-classes").isNotNull();
      descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    List<Parameter> parameters = new ArrayList<>();
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int m = 0; m < mojos.getLength(); m++) {
      Element mojo = (Element) mojos.item(m);
      String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
      NodeList configurations = mojo.getElementsByTagName("configuration");
      if (configurations.getLength() == 0) {
        continue;
      }
      NodeList entries = configurations.item(0).getChildNodes();
      for (int e = 0; e < entries.getLength(); e++) {
        if (entries.item(e) instanceof Element entry
            && entry.getTextContent().startsWith("${jtest.")) {
          String text = entry.getTextContent();
          parameters.add(
              new Parameter(
                  goal,
                  text.substring(2, text.length() - 1),
                  entry.hasAttribute("default-value")
                      ? entry.getAttribute("default-value")
                      : null));
        }
      }
    }
    return parameters;
  }

  @Test
  void everyGoalPropertyIsAUserSettingWithItsDefault() throws Exception {
    List<Parameter> parameters = parameters();
    assertThat(parameters).extracting(Parameter::property).contains("jtest.skip", "jtest.tail");
    for (Parameter parameter : parameters) {
      Setting<?> setting = Settings.find(parameter.property()).orElseThrow();
      assertThat(setting.scope()).as(parameter.toString()).isEqualTo(Setting.Scope.USER);
      String expected =
          setting.defaultValue() == null ? null : String.valueOf(setting.defaultValue());
      assertThat(parameter.defaultValue()).as(parameter.toString()).isEqualTo(expected);
    }
  }
}
