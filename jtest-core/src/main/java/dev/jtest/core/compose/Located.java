package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a compose file (text, a list, a mapping or YAML's null) with the place it came from
 * and the keys that lead to it. Readers take values out only through the typed accessors ({@link
 * #text}, {@link #list}, {@link #mapping}, {@link #texts}), which check the shape the file gave and
 * otherwise throw a {@link ConfigurationException} naming file, line, service, key, the forms that
 * are accepted and what was found: no other shape of YAML can end in a cast or a null pointer.
 *
 * <p>Scalars stay text: compose gives {@code 8080} and {@code "8080"} the same meaning, and
 * interpolation works on text. A null reads as "not set" through every accessor.
 */
final class Located {

  /** Longest rendering of a wrong value in a message. */
  private static final int SHOWN = 60;

  private final Object value;
  private final Location location;
  private final List<Object> path;

  /**
   * @param value {@code null}, a {@code String}, a {@code List<Located>} or a {@code Map<String,
   *     Located>}
   * @param path the keys ({@code String}) and list positions ({@code Integer}) from the document's
   *     root
   */
  private Located(Object value, Location location, List<Object> path) {
    this.value = value;
    this.location = location;
    this.path = List.copyOf(path);
  }

  static Located ofText(String text, Location location, List<Object> path) {
    return new Located(text, location, path);
  }

  static Located none(Location location, List<Object> path) {
    return new Located(null, location, path);
  }

  static Located ofList(List<Located> items, Location location, List<Object> path) {
    return new Located(Collections.unmodifiableList(new ArrayList<>(items)), location, path);
  }

  static Located ofMapping(Map<String, Located> entries, Location location, List<Object> path) {
    return new Located(Collections.unmodifiableMap(new LinkedHashMap<>(entries)), location, path);
  }

  Location location() {
    return location;
  }

  List<Object> path() {
    return path;
  }

  /** The path one key further down, for values a reader derives from this one. */
  List<Object> pathTo(Object key) {
    return child(path, key);
  }

  /** {@code path} and then {@code key}: a {@code String} key or an {@code Integer} position. */
  static List<Object> child(List<Object> path, Object key) {
    List<Object> child = new ArrayList<>(path);
    child.add(key);
    return child;
  }

  boolean isNull() {
    return value == null;
  }

  boolean isText() {
    return value instanceof String;
  }

  boolean isList() {
    return value instanceof List;
  }

  boolean isMapping() {
    return value instanceof Map;
  }

  /** The text of a scalar, {@code null} for null. */
  String text() {
    return text("a string");
  }

  /**
   * The text of a scalar, {@code null} for null.
   *
   * @param expected the accepted forms, for the message: "a string", "true or false"
   * @throws ConfigurationException when this is a list or a mapping
   */
  String text(String expected) {
    if (value instanceof List || value instanceof Map) {
      throw mismatch(expected);
    }
    return (String) value;
  }

  /**
   * The items of a list; empty for null.
   *
   * @throws ConfigurationException when this is text or a mapping
   */
  @SuppressWarnings("unchecked")
  List<Located> list(String expected) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List)) {
      throw mismatch(expected);
    }
    return (List<Located>) value;
  }

  /**
   * The entries of a mapping, in file order; empty for null.
   *
   * @throws ConfigurationException when this is text or a list
   */
  @SuppressWarnings("unchecked")
  Map<String, Located> mapping(String expected) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map)) {
      throw mismatch(expected);
    }
    return (Map<String, Located>) value;
  }

  /**
   * Text, or a list of texts, as a list ({@code tmpfs: /run} is {@code tmpfs: [/run]}); empty for
   * null.
   *
   * @throws ConfigurationException for a mapping, or a list holding a list or a mapping
   */
  List<String> texts(String expected) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String text) {
      return List.of(text);
    }
    List<String> texts = new ArrayList<>();
    for (Located item : list(expected)) {
      texts.add(item.text("a string"));
    }
    return texts;
  }

  /**
   * The entry {@code key} of a mapping; a null node when it is absent or this is null, so that
   * readers can chain. Readers call {@link #mapping(String)} first, which names the accepted forms;
   * this checks the shape again for a reader that does not.
   *
   * @throws ConfigurationException when this is text or a list
   */
  Located get(String key) {
    Located entry = mapping("a mapping").get(key);
    return entry != null ? entry : none(location, pathTo(key));
  }

  /** This tree with every text replaced by {@code replace}'s result (interpolation). */
  Located mapTexts(TextReplacer replace) {
    if (value instanceof String text) {
      return ofText(replace.apply(text, location), location, path);
    }
    if (value instanceof List<?>) {
      List<Located> items = new ArrayList<>();
      for (Located item : list("a list")) {
        items.add(item.mapTexts(replace));
      }
      return ofList(items, location, path);
    }
    if (value instanceof Map<?, ?>) {
      Map<String, Located> entries = new LinkedHashMap<>();
      mapping("a mapping").forEach((key, entry) -> entries.put(key, entry.mapTexts(replace)));
      return ofMapping(entries, location, path);
    }
    return this;
  }

  /** Replaces one text found at a place. */
  @FunctionalInterface
  interface TextReplacer {
    String apply(String text, Location at);
  }

  /** The plain value: {@code String}, {@code List<Object>}, {@code Map<String,Object>}, null. */
  Object plain() {
    if (value instanceof List<?>) {
      List<Object> items = new ArrayList<>();
      list("a list").forEach(item -> items.add(item.plain()));
      return items;
    }
    if (value instanceof Map<?, ?>) {
      Map<String, Object> entries = new LinkedHashMap<>();
      mapping("a mapping").forEach((key, entry) -> entries.put(key, entry.plain()));
      return entries;
    }
    return value;
  }

  /** The service this value belongs to, or {@code null} outside {@code services:}. */
  String service() {
    return path.size() >= 2 && "services".equals(path.get(0)) ? String.valueOf(path.get(1)) : null;
  }

  /**
   * The key as a user writes it, relative to the service when there is one: {@code
   * healthcheck.test}, {@code ports[1]}, {@code volumes.cache.external}; empty for a service
   * itself.
   */
  String key() {
    StringBuilder key = new StringBuilder();
    for (Object segment : path.subList(service() == null ? 0 : 2, path.size())) {
      if (segment instanceof Integer index) {
        key.append('[').append(index).append(']');
      } else {
        key.append(key.isEmpty() ? "" : ".").append(segment);
      }
    }
    return key.toString();
  }

  /** "compose.yaml:12: service 'api': " + {@code message}. */
  ConfigurationException error(String message) {
    return ComposeLoader.error(location, service(), message);
  }

  /** "'command' must be a string or a list of strings, found a mapping (run: server)". */
  ConfigurationException mismatch(String expected) {
    String key = key();
    return error(
        (key.isEmpty() ? "" : "'" + key + "' ") + "must be " + expected + ", found " + describe());
  }

  /** {@link #mismatch(String)} followed by what to do. */
  ConfigurationException mismatch(String expected, String hint) {
    return new ConfigurationException(mismatch(expected).getMessage() + ": " + hint);
  }

  /** What this value is, for messages: "a mapping (run: server)", "a list ([a, b])", "'x'". */
  String describe() {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof String text) {
      return "'" + shorten(text) + "'";
    }
    return value instanceof Map
        ? "a mapping (" + shorten(entries()) + ")"
        : "a list (" + shorten(flow()) + ")";
  }

  /** This value in YAML's flow style, as in a message. */
  private String flow() {
    if (value instanceof List<?>) {
      List<String> items = new ArrayList<>();
      list("a list").forEach(item -> items.add(item.flow()));
      return "[" + String.join(", ", items) + "]";
    }
    if (value instanceof Map<?, ?>) {
      return "{" + entries() + "}";
    }
    return value == null ? "null" : (String) value;
  }

  private String entries() {
    List<String> entries = new ArrayList<>();
    mapping("a mapping").forEach((key, entry) -> entries.add(key + ": " + entry.flow()));
    return String.join(", ", entries);
  }

  private static String shorten(String text) {
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 1) + "…";
  }

  @Override
  public String toString() {
    return value instanceof String text ? text : String.valueOf(plain());
  }
}
