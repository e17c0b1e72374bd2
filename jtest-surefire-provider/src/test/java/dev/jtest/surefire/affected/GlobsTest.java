package dev.jtest.surefire.affected;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.settings.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobsTest {

  private final Globs defaults = new Globs(Settings.AFFECTED_ALL.parse(null));

  @Test
  void defaultsCoverBuildFilesComposeFilesImagesAndResourcesAtAnyDepth() {
    for (String path :
        List.of(
            "pom.xml",
            "auth/pom.xml",
            ".mvn/maven.config",
            "docker-compose.yml",
            "it/compose.yaml",
            "compose.override.yml",
            "auth/Dockerfile",
            "auth/Dockerfile.native",
            "Containerfile",
            "auth/src/main/resources/application.properties",
            "src/test/resources/data/users.json")) {
      assertThat(defaults.match(path)).as(path).isPresent();
    }
  }

  @Test
  void defaultsLeaveSourcesAndDocsAlone() {
    for (String path :
        List.of(
            "README.md",
            "docs/running-tests.md",
            "auth/src/main/java/demo/Auth.java",
            "pom.xml.bak")) {
      assertThat(defaults.match(path)).as(path).isEmpty();
    }
  }

  @Test
  void aGlobWithASlashIsAnchoredAtTheWorkTree() {
    Globs globs = new Globs(List.of("config/*.yml", "**/db/*.sql"));
    assertThat(globs.match("config/app.yml")).contains("config/*.yml");
    assertThat(globs.match("auth/config/app.yml")).isEmpty();
    assertThat(globs.match("config/deep/app.yml")).isEmpty();
    assertThat(globs.match("db/init.sql")).contains("**/db/*.sql");
    assertThat(globs.match("auth/db/init.sql")).contains("**/db/*.sql");
  }

  @Test
  void dotsAndOtherRegexCharactersAreLiteral() {
    Globs globs = new Globs(List.of("a+b.(x)"));
    assertThat(globs.match("a+b.(x)")).isPresent();
    assertThat(globs.match("aab_(x)")).isEmpty();
  }
}
