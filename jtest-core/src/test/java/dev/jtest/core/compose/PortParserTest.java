package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortParserTest {

  private static final Location AT = new Location(Path.of("compose.yaml"), 7);

  private static List<PortSpec> parse(Object entry) {
    return PortParser.parse(entry, AT, "web");
  }

  @Test
  void bindsToLoopbackOnARandomPortByDefault() {
    assertThat(parse("8080")).containsExactly(new PortSpec("127.0.0.1", null, 8080, "tcp", AT));
  }

  @Test
  void keepsAFixedHostPortOnLoopback() {
    assertThat(parse("9000:8080"))
        .containsExactly(new PortSpec("127.0.0.1", 9000, 8080, "tcp", AT));
  }

  @Test
  void honoursAnExplicitAddressAndProtocol() {
    assertThat(parse("0.0.0.0:9000:8080/udp"))
        .containsExactly(new PortSpec("0.0.0.0", 9000, 8080, "udp", AT));
    assertThat(parse("[::1]::8080")).containsExactly(new PortSpec("::1", null, 8080, "tcp", AT));
    assertThat(parse("127.0.0.1::8080"))
        .containsExactly(new PortSpec("127.0.0.1", null, 8080, "tcp", AT));
  }

  @Test
  void expandsRanges() {
    assertThat(parse("9000-9001:8000-8001"))
        .extracting(PortSpec::hostPort, PortSpec::containerPort)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(9000, 8000),
            org.assertj.core.groups.Tuple.tuple(9001, 8001));
  }

  @Test
  void readsTheLongSyntax() {
    assertThat(parse(Map.of("target", "80", "published", "8081", "protocol", "TCP")))
        .containsExactly(new PortSpec("127.0.0.1", 8081, 80, "tcp", AT));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> parse("80x"))
        .hasMessageStartingWith(
            "compose.yaml:7: service 'web': port '80x' is not a port spec ('80x' is not a port number)");
    assertThatThrownBy(() -> parse("70000")).hasMessageContaining("70000 is outside 1..65535");
    assertThatThrownBy(() -> parse("1:2:3:4")).hasMessageContaining("too many ':'");
    assertThatThrownBy(() -> parse("80/sctp")).hasMessageContaining("protocol 'sctp'");
    assertThatThrownBy(() -> parse("9000-9002:80-81")).hasMessageContaining("ranges differ");
  }
}
