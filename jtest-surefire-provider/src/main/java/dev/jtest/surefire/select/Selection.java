package dev.jtest.surefire.select;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code jtest.k} and {@code jtest.m} filters together. A test is selected when both hold: the
 * keyword expression over its names, the marker expression over its tags.
 */
public final class Selection {

  private final Expression keywords;
  private final Expression markers;

  /** Either expression may be null: no filter of that kind. */
  public Selection(Expression keywords, Expression markers) {
    this.keywords = keywords;
    this.markers = markers;
  }

  /**
   * @param names the names a {@code -k} term may match as a case-insensitive substring: class
   *     simple names, the qualified class name, the method name, the display name
   * @param tags the JUnit tags of the test, inherited ones included
   */
  public boolean selects(Collection<String> names, Set<String> tags) {
    if (keywords != null && !keywords.matches(term -> anyContains(names, term))) {
      return false;
    }
    return markers == null || markers.matches(tags::contains);
  }

  public boolean isFiltering() {
    return keywords != null || markers != null;
  }

  private static boolean anyContains(Collection<String> names, String term) {
    String wanted = term.toLowerCase(Locale.ROOT);
    for (String name : names) {
      if (name != null && name.toLowerCase(Locale.ROOT).contains(wanted)) {
        return true;
      }
    }
    return false;
  }
}
