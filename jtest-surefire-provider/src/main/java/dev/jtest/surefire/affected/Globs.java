package dev.jtest.surefire.affected;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code jtest.affected.all} globs, matched against paths relative to the git work tree with
 * {@code /} between names. As in {@code .gitignore}: a glob without {@code /} matches a file name
 * at any depth; {@code **} spans directories ({@code **}{@code /} also none); {@code *} and {@code
 * ?} stay within one name.
 */
final class Globs {

  private final List<String> globs;
  private final List<Pattern> patterns;

  Globs(List<String> globs) {
    this.globs = List.copyOf(globs);
    this.patterns = globs.stream().map(Globs::compile).toList();
  }

  /** The first glob that matches {@code path}. */
  Optional<String> match(String path) {
    for (int i = 0; i < globs.size(); i++) {
      if (patterns.get(i).matcher(path).matches()) {
        return Optional.of(globs.get(i));
      }
    }
    return Optional.empty();
  }

  private static Pattern compile(String glob) {
    String g = glob.startsWith("/") ? glob.substring(1) : glob;
    StringBuilder regex = new StringBuilder(glob.contains("/") ? "" : "(?:.*/)?");
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
        boolean slash = i + 2 < g.length() && g.charAt(i + 2) == '/';
        regex.append(slash ? "(?:.*/)?" : ".*");
        i += slash ? 2 : 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
