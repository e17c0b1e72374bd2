package dev.jtest.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and of the pages under docs/ leads to a file that exists and,
 * for a {@code #fragment} into a markdown page, to a heading that exists. Here rather than in a
 * module of its own: this module generates docs/goals.md, and the docs have no build of their own.
 */
class DocsLinksTest {

  private static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..").normalize();

  /** {@code [text](target)} and {@code ![alt](target)}; the target ends at a space or ')'. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

  @Test
  void relativeLinksOfReadmeAndDocsResolve() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      for (String target : links(page)) {
        String problem = check(page, target);
        if (problem != null) {
          broken.add(ROOT.relativize(page) + ": " + target + " (" + problem + ")");
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void slugsHeadingsAsGitHubDoes() {
    assertThat(slug("## `jtest:start`")).isEqualTo("jteststart");
    assertThat(slug("## From the seed commands to jtest"))
        .isEqualTo("from-the-seed-commands-to-jtest");
    assertThat(slug("### 5. Reports against stock")).isEqualTo("5-reports-against-stock");
    assertThat(slug("## Targets: met or not, why, and what would close them"))
        .isEqualTo("targets-met-or-not-why-and-what-would-close-them");
  }

  private static String check(Path page, String target) throws IOException {
    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return null; // https:, mailto: …: not ours to check offline
    }
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (fragment != null && resolved.toString().endsWith(".md")) {
      if (!anchors(resolved).contains(fragment)) {
        return "no heading #" + fragment + " in " + ROOT.relativize(resolved);
      }
    }
    return null;
  }

  /** Link targets outside code blocks and code spans. */
  private static List<String> links(Path page) throws IOException {
    List<String> targets = new ArrayList<>();
    for (String line : prose(page)) {
      Matcher matcher = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
      while (matcher.find()) {
        targets.add(matcher.group(1));
      }
    }
    return targets;
  }

  /** The anchors GitHub gives the headings of a page, duplicates numbered as it numbers them. */
  private static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new HashSet<>();
    for (String line : prose(page)) {
      if (line.startsWith("#")) {
        String slug = slug(line);
        String unique = slug;
        for (int n = 1; !anchors.add(unique); n++) {
          unique = slug + "-" + n;
        }
      }
    }
    return anchors;
  }

  /** The lines of a page outside fenced code blocks, where a '#' or a link is markdown. */
  private static List<String> prose(Path page) throws IOException {
    List<String> prose = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(page)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        prose.add(line);
      }
    }
    return prose;
  }

  private static String slug(String heading) {
    return heading
        .replaceFirst("^#+\\s*", "")
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }
}
