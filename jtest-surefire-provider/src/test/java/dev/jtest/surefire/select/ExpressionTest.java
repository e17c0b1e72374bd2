package dev.jtest.surefire.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.settings.InvalidSettingException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpressionTest {

  private static boolean holds(String expression, String... trueTerms) {
    Set<String> terms = Set.of(trueTerms);
    return Expression.parse("jtest.k", expression).matches(terms::contains);
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    assertThat(Expression.parse("jtest.k", "a or b and not c").toString())
        .isEqualTo("(a or (b and (not c)))");
    assertThat(holds("a or b and not c", "b", "c")).isFalse();
    assertThat(holds("a or b and not c", "a", "c")).isTrue();
  }

  @Test
  void parenthesesGroup() {
    assertThat(holds("(a or b) and c", "a")).isFalse();
    assertThat(holds("(a or b) and c", "b", "c")).isTrue();
    assertThat(holds("not (a or b)")).isTrue();
    assertThat(holds("not not a", "a")).isTrue();
  }

  @Test
  void keywordTermsMatchCaseInsensitiveSubstringsOfAnyName() {
    Selection oauthNotRefresh =
        new Selection(Expression.parse("jtest.k", "OAuth and not refresh"), null);
    assertThat(oauthNotRefresh.selects(List.of("sample.OAuthFlowIT", "pkceFlow"), Set.of()))
        .isTrue();
    assertThat(oauthNotRefresh.selects(List.of("sample.OAuthFlowIT", "refreshToken"), Set.of()))
        .isFalse();
    assertThat(oauthNotRefresh.selects(List.of("sample.LoginIT", "pkceFlow"), Set.of())).isFalse();
  }

  @Test
  void markerTermsMatchWholeTags() {
    Selection notSerial = new Selection(null, Expression.parse("jtest.m", "not serial"));
    assertThat(notSerial.selects(List.of(), Set.of("slow"))).isTrue();
    assertThat(notSerial.selects(List.of(), Set.of("serial", "slow"))).isFalse();
    Selection serialish = new Selection(null, Expression.parse("jtest.m", "serial"));
    assertThat(serialish.selects(List.of(), Set.of("serialized"))).isFalse();
  }

  @Test
  void rejectsUnclosedParenthesisWithCaretAtTheEnd() {
    assertThatThrownBy(() -> Expression.parse("jtest.k", "(oauth or login"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "Invalid jtest.k=\"(oauth or login\": the '(' at column 1 is never closed\n"
                + "  (oauth or login\n"
                + "                 ^");
  }

  @Test
  void rejectsDanglingAndWithCaretAfterIt() {
    assertThatThrownBy(() -> Expression.parse("jtest.m", "serial and"))
        .hasMessage(
            "Invalid jtest.m=\"serial and\": expected a term after 'and' but the expression ends\n"
                + "  serial and\n"
                + "            ^");
  }

  @Test
  void rejectsUnopenedParenthesisAndMissingOperator() {
    assertThatThrownBy(() -> Expression.parse("jtest.k", "a) or b"))
        .hasMessageContaining("')' has no matching '('")
        .hasMessageEndingWith("\n  a) or b\n   ^");
    assertThatThrownBy(() -> Expression.parse("jtest.k", "a b"))
        .hasMessageContaining("expected 'and', 'or' or the end before 'b'")
        .hasMessageEndingWith("\n  a b\n    ^");
    assertThatThrownBy(() -> Expression.parse("jtest.k", "a and or b"))
        .hasMessageContaining("expected a term but found 'or'");
  }
}
