package dev.jtest.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON jtest needs for its own files, kept here so the fork's class path carries no JSON
 * library that could clash with the one a user's tests bring.
 */
public final class Json {

  private Json() {}

  /** Thrown for text that is not JSON. */
  public static final class MalformedJsonException extends Exception {
    MalformedJsonException(String message) {
      super(message);
    }
  }

  /** Parses a JSON document into maps, lists, strings, doubles, booleans and nulls. */
  public static Object parse(String text) throws MalformedJsonException {
    Reader reader = new Reader(text);
    Object value = reader.value();
    reader.skipSpace();
    if (reader.pos != text.length()) {
      throw reader.error("trailing text");
    }
    return value;
  }

  /** Quotes a string as a JSON string literal. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            // <, > and & escaped too, so the text can sit inside an HTML <script>.
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static final class Reader {
    private final String text;
    private int pos;

    Reader(String text) {
      this.text = text;
    }

    MalformedJsonException error(String what) {
      return new MalformedJsonException(what + " at offset " + pos);
    }

    void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    Object value() throws MalformedJsonException {
      skipSpace();
      if (pos >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(pos);
      if (c == '{') {
        return object();
      }
      if (c == '[') {
        return array();
      }
      if (c == '"') {
        return string();
      }
      if (text.startsWith("true", pos)) {
        pos += 4;
        return Boolean.TRUE;
      }
      if (text.startsWith("false", pos)) {
        pos += 5;
        return Boolean.FALSE;
      }
      if (text.startsWith("null", pos)) {
        pos += 4;
        return null;
      }
      return number();
    }

    Map<String, Object> object() throws MalformedJsonException {
      Map<String, Object> map = new LinkedHashMap<>();
      pos++;
      skipSpace();
      if (peek('}')) {
        pos++;
        return map;
      }
      while (true) {
        skipSpace();
        if (!peek('"')) {
          throw error("expected a key");
        }
        String key = string();
        skipSpace();
        expect(':');
        map.put(key, value());
        skipSpace();
        if (peek(',')) {
          pos++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    List<Object> array() throws MalformedJsonException {
      List<Object> list = new ArrayList<>();
      pos++;
      skipSpace();
      if (peek(']')) {
        pos++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (peek(',')) {
          pos++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    String string() throws MalformedJsonException {
      pos++;
      StringBuilder out = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (pos >= text.length()) {
          break;
        }
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw error("bad \\u escape");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad \\u escape");
            }
            pos += 4;
          }
          default -> out.append(e);
        }
      }
      throw error("unterminated string");
    }

    Double number() throws MalformedJsonException {
      int start = pos;
      while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      try {
        return Double.valueOf(text.substring(start, pos));
      } catch (NumberFormatException e) {
        pos = start;
        throw error("unexpected character '" + text.charAt(start) + "'");
      }
    }

    boolean peek(char c) {
      return pos < text.length() && text.charAt(pos) == c;
    }

    void expect(char c) throws MalformedJsonException {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }
  }
}
