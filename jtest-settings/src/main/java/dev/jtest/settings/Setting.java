package dev.jtest.settings;

import java.util.Objects;
import java.util.function.Function;

/**
 * One {@code jtest.*} property: its name, who reads it, what it accepts, its default, and the one
 * parser every reader uses, so that the build extension's early check, a goal and Surefire's fork
 * cannot disagree about a value.
 *
 * @param <T> the parsed value
 */
public final class Setting<T> {

  /** Who sets the property. */
  public enum Scope {
    /** The user, on the command line or in the pom; documented in {@code docs/settings.md}. */
    USER,
    /** jtest itself, to pass a value to a process it starts; a user never needs to. */
    INTERNAL
  }

  /**
   * Turns a property's value into what it means.
   *
   * @param <T> the parsed value
   */
  @FunctionalInterface
  public interface Parser<T> {
    /**
     * Parses a value that is set (never {@code null}, possibly blank).
     *
     * @throws IllegalArgumentException when the value is not accepted: the setting then throws an
     *     {@link InvalidSettingException} naming the property, the value and the accepted forms
     */
    T parse(String value);
  }

  private final String name;
  private final Scope scope;
  private final String description;
  private final String readBy;
  private final String accepted;
  private final String defaultText;
  private final T defaultValue;
  private final Parser<T> parser;

  private Setting(Draft draft, T defaultValue, Parser<T> parser) {
    this.name = draft.name;
    this.scope = draft.scope;
    this.description =
        Objects.requireNonNull(draft.description, draft.name + " has no description");
    this.readBy = Objects.requireNonNull(draft.readBy, draft.name + " names no reader");
    this.accepted = Objects.requireNonNull(draft.accepted, draft.name + " names no accepted form");
    if (draft.defaultText != null) {
      this.defaultText = draft.defaultText;
    } else {
      this.defaultText = defaultValue == null ? "none" : String.valueOf(defaultValue);
    }
    this.defaultValue = defaultValue;
    this.parser = parser;
  }

  /** Starts the description of a property that users set. */
  static Draft user(String name) {
    return new Draft(name, Scope.USER);
  }

  /** Starts the description of a property that jtest sets for a process it starts. */
  static Draft internal(String name) {
    return new Draft(name, Scope.INTERNAL);
  }

  /** The property name, e.g. {@code jtest.workers}. */
  public String name() {
    return name;
  }

  public Scope scope() {
    return scope;
  }

  /** What the setting does, one sentence fragment for the reference table. */
  public String description() {
    return description;
  }

  /** The goals or processes that read it, for the reference table. */
  public String readBy() {
    return readBy;
  }

  /** The accepted values, phrased to follow "use": "true or false". */
  public String accepted() {
    return accepted;
  }

  /** The default as the reference table shows it, e.g. {@code auto}; {@code none} for no value. */
  public String defaultText() {
    return defaultText;
  }

  /** The value when the property is not set; may be {@code null} ("none"). */
  public T defaultValue() {
    return defaultValue;
  }

  /**
   * Parses {@code value}; {@code null} (not set) gives the default.
   *
   * @throws InvalidSettingException naming the property, the value and the accepted forms
   */
  public T parse(String value) {
    if (value == null) {
      return defaultValue;
    }
    try {
      return parser.parse(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(origin(value) + ": use " + accepted);
    }
  }

  /**
   * Reads and parses the property.
   *
   * @param property looks a property up, {@code null} when it is not set
   * @throws InvalidSettingException naming the property, the value and the accepted forms
   */
  public T read(Function<String, String> property) {
    return parse(property.apply(name));
  }

  /**
   * How a message about a bad value of this property starts: {@code Invalid jtest.x="value"}.
   * Parsers that live elsewhere (compose durations, coverage rules) continue it with the reason.
   */
  public String origin(String value) {
    return "Invalid " + name + "=\"" + value + "\"";
  }

  @Override
  public String toString() {
    return name;
  }

  /** A property being described; {@link #parsedBy} completes it. */
  static final class Draft {
    private final String name;
    private final Scope scope;
    private String description;
    private String readBy;
    private String accepted;
    private String defaultText;

    private Draft(String name, Scope scope) {
      this.name = name;
      this.scope = scope;
    }

    Draft does(String description) {
      this.description = description;
      return this;
    }

    Draft readBy(String readBy) {
      this.readBy = readBy;
      return this;
    }

    Draft accepts(String accepted) {
      this.accepted = accepted;
      return this;
    }

    /** How the reference shows the default, where its value's own text would not say it. */
    Draft defaultShownAs(String defaultText) {
      this.defaultText = defaultText;
      return this;
    }

    <T> Setting<T> parsedBy(T defaultValue, Parser<T> parser) {
      return new Setting<>(this, defaultValue, parser);
    }
  }
}
