package dev.gmailcli.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

  @Test
  void atLeastOne_acceptsOneAndMore() {
    Converters.AtLeastOne converter = new Converters.AtLeastOne();

    assertThat(converter.convert("1")).isEqualTo(1);
    assertThat(converter.convert(" 500 ")).isEqualTo(500);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "abc", "", "1.5", "99999999999"})
  void atLeastOne_rejectsZeroNegativeAndNonNumbers(String value) {
    assertThatThrownBy(() -> new Converters.AtLeastOne().convert(value))
        .isInstanceOf(TypeConversionException.class);
  }

  @Test
  void atLeastOne_saysWhatIsWrong() {
    assertThatThrownBy(() -> new Converters.AtLeastOne().convert("0"))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new Converters.AtLeastOne().convert("abc"))
        .hasMessageContaining("'abc'")
        .hasMessageContaining("whole number");
  }

  @Test
  void timeout_acceptsHumanDurations() {
    Converters.Timeout converter = new Converters.Timeout();

    assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(converter.convert("300")).isEqualTo(Duration.ofMinutes(5));
    assertThat(converter.convert("PT1H")).isEqualTo(Duration.ofHours(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "abc", "", "5 minutes"})
  void timeout_rejectsWithExamples(String value) {
    assertThatThrownBy(() -> new Converters.Timeout().convert(value))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("90s");
  }

  @Test
  void timeout_rejectsAnOverflowingDurationWithExamples() {
    assertThatThrownBy(() -> new Converters.Timeout().convert("9999999999999999h"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("90s");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 8080, 65535})
  void port_acceptsTheTcpRange(int port) {
    assertThat(new Converters.Port().convert(String.valueOf(port))).isEqualTo(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "65536", "100000"})
  void port_rejectsOutOfRange(String value) {
    assertThatThrownBy(() -> new Converters.Port().convert(value))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("between 0 and 65535");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "", "80a", "8.0"})
  void port_rejectsNonNumbers(String value) {
    assertThatThrownBy(() -> new Converters.Port().convert(value))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("not a port number");
  }
}
