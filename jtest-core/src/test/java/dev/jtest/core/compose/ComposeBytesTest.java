package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte values as compose reads them (Docker's go-units {@code RAMInBytes}, powers of 1024). */
class ComposeBytesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0, 0",
    "1024, 1024",
    "-1, -1",
    "2b, 2",
    "2B, 2",
    "1k, 1024",
    "1K, 1024",
    "1kb, 1024",
    "1KB, 1024",
    "1kib, 1024",
    "1KiB, 1024",
    "2048k, 2097152",
    "64m, 67108864",
    "64M, 67108864",
    "300mb, 314572800",
    "1MiB, 1048576",
    "1g, 1073741824",
    "1gb, 1073741824",
    "1GB, 1073741824",
    "1GiB, 1073741824",
    "1 GiB, 1073741824",
    "1.5g, 1610612736",
    "0.5k, 512",
    "1t, 1099511627776",
    "1tb, 1099511627776",
    "1p, 1125899906842624",
    "1pb, 1125899906842624",
    "1.0001k, 1024",
  })
  void readsEveryUnitComposeAccepts(String text, long bytes) {
    assertThat(ComposeBytes.parse(text, "x")).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {"", "m", "1x", "1 2m", "1.2.3m", "-1m", "1bb", "1kk", "1e3", "1 g b", "99999p"})
  void rejectsTextThatIsNoByteValueNamingThePlaceAndTheForms(String text) {
    assertThatThrownBy(() -> ComposeBytes.parse(text, "compose.yaml:7: service 'db': shm_size"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:7: service 'db': shm_size: '"
                + text
                + "' is not a byte value: use a number of bytes or an amount with a unit, e.g."
                + " '64m', '1gb', '512k' (units: b, k, m, g, t, p; 'kb' and 'kib' are both 1024"
                + " bytes)");
  }
}
