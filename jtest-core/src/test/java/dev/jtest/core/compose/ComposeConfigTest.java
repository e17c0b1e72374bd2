package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Compares {@code jtest:config}'s output for the corpus in {@code compose-config/} with the output
 * written there from the compose specification: each case is {@code input.yml} (and {@code
 * override.yml} merged over it), {@code case.properties} ({@code profiles=…}, {@code env.NAME=…}
 * for the environment), {@code expected.yml} and {@code expected.json}, in which {@code @DIR@}
 * stands for the case's directory. Mappings compare whatever their order; lists in order.
 */
class ComposeConfigTest {

  @TempDir Path dir;

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> dirs = Files.list(corpus())) {
      return dirs.map(d -> "" + d.getFileName()).sorted().toList().stream();
    }
  }

  private static Path corpus() throws URISyntaxException {
    return Path.of(ComposeConfigTest.class.getResource("/compose-config").toURI());
  }

  private static ComposeConfig resolve(String name) throws Exception {
    Path caseDir = corpus().resolve(name);
    Properties properties = new Properties();
    if (Files.exists(caseDir.resolve("case.properties"))) {
      try (Reader reader = Files.newBufferedReader(caseDir.resolve("case.properties"))) {
        properties.load(reader);
      }
    }
    Map<String, String> environment = new TreeMap<>();
    properties.stringPropertyNames().stream()
        .filter(key -> key.startsWith("env."))
        .forEach(key -> environment.put(key.substring(4), properties.getProperty(key)));
    List<Path> files = new ArrayList<>(List.of(caseDir.resolve("input.yml")));
    if (Files.exists(caseDir.resolve("override.yml"))) {
      files.add(caseDir.resolve("override.yml"));
    }
    Set<String> profiles =
        new LinkedHashSet<>(ComposeFiles.split(properties.getProperty("profiles")));
    return ComposeConfig.resolve(files, environment, profiles);
  }

  private static String expected(String name, String file) throws Exception {
    Path caseDir = corpus().resolve(name);
    return Files.readString(caseDir.resolve(file)).replace("@DIR@", caseDir.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsTheModelAsComposeConfigDoes(String name) throws Exception {
    Object printed = new Yaml().load(resolve(name).yaml());

    assertThat(printed).isEqualTo(new Yaml().load(expected(name, "expected.yml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsTheSameModelAsJson(String name) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Object printed = json.readValue(resolve(name).json(), Object.class);

    assertThat(printed).isEqualTo(json.readValue(expected(name, "expected.json"), Object.class));
  }

  @Test
  void printsTopLevelAndServiceKeysInComposeOrder() throws Exception {
    String yaml = resolve("profiles-on").yaml();

    assertThat(yaml)
        .startsWith("name: profiles-on\nservices:\n  app:\n")
        .contains("  debug:\n    profiles:\n      - debug\n    image: busybox:1.36\n")
        .contains("\nnetworks:\n  default:\n    name: profiles-on_default\n");
  }

  @Test
  void listsServicesInStartOrderByNameWithinAWave() throws Exception {
    assertThat(resolve("depends-on").serviceNames())
        .containsExactly("cache", "db", "migrate", "api", "worker");
  }

  @Test
  void listsOnlyTheServicesTheProfilesEnable() throws Exception {
    assertThat(resolve("profiles-off").serviceNames()).containsExactly("app");
  }

  @Test
  void writesDollarsAsComposeReadsThemBack() throws Exception {
    assertThat(resolve("interpolation").yaml()).contains("PRICE: $$5");
    assertThat(resolve("interpolation").json()).contains("\"PRICE\": \"$$5\"");
  }

  @Test
  void refusesABadFileWithTheLoadersMessage() throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, "services:\n  api:\n    image: a:1\n    ports: [\"http\"]\n");
    List<Path> files = List.of(file);

    Throwable loader = catchThrowable(() -> ComposeLoader.load(files, Map.of(), Set.of()));

    assertThat(loader).isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> ComposeConfig.resolve(files, Map.of(), Set.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(loader.getMessage());
  }

  @Test
  void passesKeysItHasNoCanonicalFormForThroughWithTheirTypes() throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(
        file,
        "services:\n  api:\n    image: a:1\n    user: \"1000\"\n    x-jtest: {coverage: false}\n"
            + "secrets:\n  token:\n    file: ./token.txt\n");
    Files.writeString(dir.resolve("token.txt"), "s3cret\n"); // a secret's file must exist

    Map<String, Object> model = ComposeConfig.resolve(List.of(file), Map.of(), Set.of()).model();

    @SuppressWarnings("unchecked")
    Map<String, Object> api =
        (Map<String, Object>) ((Map<String, Object>) model.get("services")).get("api");
    assertThat(api)
        .containsEntry("user", "1000")
        .containsEntry("x-jtest", Map.of("coverage", false));
  }

  @Test
  void formatsDurationsAsGoDoes() {
    assertThat(CanonicalService.goDuration(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(CanonicalService.goDuration(Duration.ofMinutes(2))).isEqualTo("2m0s");
    assertThat(CanonicalService.goDuration(Duration.ofHours(1))).isEqualTo("1h0m0s");
    assertThat(CanonicalService.goDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(CanonicalService.goDuration(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(CanonicalService.goDuration(Duration.ZERO)).isEqualTo("0s");
  }
}
