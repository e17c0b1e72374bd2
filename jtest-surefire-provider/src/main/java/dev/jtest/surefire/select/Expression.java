package dev.jtest.surefire.select;

import dev.jtest.settings.InvalidSettingException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A boolean expression over terms, as pytest's {@code -k} and {@code -m} take: terms combined with
 * {@code and}, {@code or}, {@code not} and parentheses ({@code not} binds tightest, then {@code
 * and}, then {@code or}). What a term means is the caller's: {@link #matches} asks a predicate.
 */
public final class Expression {

  private final Node root;

  private Expression(Node root) {
    this.root = root;
  }

  /**
   * Parses {@code text}; {@code property} names the setting in error messages.
   *
   * @throws InvalidSettingException naming the property, quoting the expression and showing a caret
   *     under the position at fault
   */
  public static Expression parse(String property, String text) {
    return new Parser(property, text).parseAll();
  }

  /** True when the expression holds, given which terms hold. */
  public boolean matches(Predicate<String> term) {
    return root.eval(term);
  }

  @Override
  public String toString() {
    return root.toString();
  }

  private interface Node {
    boolean eval(Predicate<String> term);
  }

  private record Term(String word) implements Node {
    public boolean eval(Predicate<String> term) {
      return term.test(word);
    }

    @Override
    public String toString() {
      return word;
    }
  }

  private record Not(Node operand) implements Node {
    public boolean eval(Predicate<String> term) {
      return !operand.eval(term);
    }

    @Override
    public String toString() {
      return "(not " + operand + ")";
    }
  }

  private record And(Node left, Node right) implements Node {
    public boolean eval(Predicate<String> term) {
      return left.eval(term) && right.eval(term);
    }

    @Override
    public String toString() {
      return "(" + left + " and " + right + ")";
    }
  }

  private record Or(Node left, Node right) implements Node {
    public boolean eval(Predicate<String> term) {
      return left.eval(term) || right.eval(term);
    }

    @Override
    public String toString() {
      return "(" + left + " or " + right + ")";
    }
  }

  private record Token(String text, int column) {
    boolean is(String word) {
      return text.equals(word);
    }

    boolean isOperator() {
      return is("and") || is("or") || is("not") || is("(") || is(")");
    }
  }

  private static final class Parser {
    private final String property;
    private final String text;
    private final List<Token> tokens;
    private int next;

    Parser(String property, String text) {
      this.property = property;
      this.text = text;
      this.tokens = tokenize(text);
    }

    private static List<Token> tokenize(String text) {
      List<Token> tokens = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '(' || c == ')') {
          tokens.add(new Token(String.valueOf(c), i));
          i++;
        } else {
          int start = i;
          while (i < text.length()
              && !Character.isWhitespace(text.charAt(i))
              && text.charAt(i) != '('
              && text.charAt(i) != ')') {
            i++;
          }
          tokens.add(new Token(text.substring(start, i), start));
        }
      }
      return tokens;
    }

    Expression parseAll() {
      if (tokens.isEmpty()) {
        throw error(0, "the expression is empty");
      }
      Node node = or();
      if (next < tokens.size()) {
        Token extra = tokens.get(next);
        throw error(
            extra.column(),
            extra.is(")")
                ? "')' has no matching '('"
                : "expected 'and', 'or' or the end before '" + extra.text() + "'");
      }
      return new Expression(node);
    }

    private Node or() {
      Node left = and();
      while (peekIs("or")) {
        next++;
        left = new Or(left, and());
      }
      return left;
    }

    private Node and() {
      Node left = not();
      while (peekIs("and")) {
        next++;
        left = new And(left, not());
      }
      return left;
    }

    private Node not() {
      if (peekIs("not")) {
        next++;
        return new Not(not());
      }
      return primary();
    }

    private Node primary() {
      if (next >= tokens.size()) {
        Token last = tokens.get(tokens.size() - 1);
        throw error(
            text.length(), "expected a term after '" + last.text() + "' but the expression ends");
      }
      Token token = tokens.get(next);
      if (token.is("(")) {
        next++;
        Node inner = or();
        if (!peekIs(")")) {
          throw error(
              next < tokens.size() ? tokens.get(next).column() : text.length(),
              "the '(' at column " + (token.column() + 1) + " is never closed");
        }
        next++;
        return inner;
      }
      if (token.isOperator()) {
        throw error(token.column(), "expected a term but found '" + token.text() + "'");
      }
      next++;
      return new Term(token.text());
    }

    private boolean peekIs(String word) {
      return next < tokens.size() && tokens.get(next).is(word);
    }

    private InvalidSettingException error(int column, String reason) {
      return new InvalidSettingException(
          "Invalid "
              + property
              + "=\""
              + text
              + "\": "
              + reason
              + "\n  "
              + text
              + "\n  "
              + " ".repeat(column)
              + "^");
    }
  }
}
