package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compose's variable substitution: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code
 * ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+replacement}}, {@code
 * ${VAR+replacement}}, and {@code $$} for a literal {@code $}. Defaults may themselves hold
 * variables.
 */
final class Interpolator {

  private final Map<String, String> variables;

  /**
   * @param variables the environment, with {@code .env} entries for names it lacks
   */
  Interpolator(Map<String, String> variables) {
    this.variables = variables;
  }

  /**
   * Substitutes every variable in {@code text}.
   *
   * @param where the value's place, for messages, evaluated only on error
   * @throws ConfigurationException for {@code ${VAR:?msg}} with VAR unset, or bad syntax
   */
  String interpolate(String text, Supplier<String> where) {
    if (text == null || text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int end = closingBrace(text, i + 2);
        if (end < 0) {
          throw new ConfigurationException(
              where.get() + ": unclosed '${' in '" + text + "': add the missing '}'");
        }
        out.append(expand(text.substring(i + 2, end), text, where));
        i = end + 1;
      } else if (Character.isLetter(next) || next == '_') {
        int end = i + 1;
        while (end < text.length()
            && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        String value = variables.get(text.substring(i + 1, end));
        out.append(value == null ? "" : value);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private String expand(String expression, String text, Supplier<String> where) {
    int nameEnd = 0;
    while (nameEnd < expression.length()
        && (Character.isLetterOrDigit(expression.charAt(nameEnd))
            || expression.charAt(nameEnd) == '_')) {
      nameEnd++;
    }
    String name = expression.substring(0, nameEnd);
    if (name.isEmpty()) {
      throw new ConfigurationException(
          where.get() + ": '${" + expression + "}' in '" + text + "' names no variable");
    }
    String value = variables.get(name);
    String rest = expression.substring(nameEnd);
    if (rest.isEmpty()) {
      return value == null ? "" : value;
    }
    boolean colon = rest.startsWith(":");
    String operator = colon ? rest.substring(0, Math.min(2, rest.length())) : rest.substring(0, 1);
    String argument = rest.substring(operator.length());
    boolean unset = colon ? value == null || value.isEmpty() : value == null;
    switch (operator) {
      case ":-", "-":
        return unset ? interpolate(argument, where) : value;
      case ":?", "?":
        if (unset) {
          String message = argument.isEmpty() ? "is required" : interpolate(argument, where);
          throw new ConfigurationException(
              where.get()
                  + ": variable "
                  + name
                  + " "
                  + (argument.isEmpty() ? message : "is not set: " + message)
                  + ". Set it in the environment or in .env next to the compose file.");
        }
        return value;
      case ":+", "+":
        return unset ? "" : interpolate(argument, where);
      default:
        throw new ConfigurationException(
            where.get()
                + ": '${"
                + expression
                + "}' in '"
                + text
                + "' is not a substitution compose knows (use ${VAR}, ${VAR:-default} or"
                + " ${VAR:?error})");
    }
  }

  /** The index of the brace that closes the one opened before {@code from}, or -1. */
  private static int closingBrace(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' && text.charAt(i - 1) == '$') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
