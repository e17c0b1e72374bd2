package dev.jtest.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SettingsReferenceTest {

  private static final Path PAGE =
      Path.of(System.getProperty("basedir", "."), "..", "docs", "settings.md").normalize();

  @Test
  void docsSettingsPageIsTheRenderingOfTheSettings() throws IOException {
    String rendered = SettingsReference.markdown();
    if (System.getProperty("docs.update") != null) {
      Files.writeString(PAGE, rendered, StandardCharsets.UTF_8);
    }
    String page = Files.isRegularFile(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
    assertThat(page)
        .as(
            "docs/settings.md differs from the settings: run ./mvnw -o -pl jtest-settings test"
                + " -Dtest=SettingsReferenceTest -Ddocs.update to update docs/settings.md")
        .isEqualTo(rendered);
  }

  @Test
  void listsEveryUserSettingOnceAndInternalOnesApart() {
    String page = SettingsReference.markdown();
    for (Setting<?> setting : Settings.all()) {
      assertThat(page).containsOnlyOnce("| `" + setting.name() + "` |");
    }
    assertThat(page.indexOf("`" + Keys.WORKERS + "`")).isLessThan(page.indexOf("## Set by jtest"));
    assertThat(page.indexOf("`" + Keys.FORK_TIMEOUT + "`"))
        .isGreaterThan(page.indexOf("## Set by jtest"));
  }
}
