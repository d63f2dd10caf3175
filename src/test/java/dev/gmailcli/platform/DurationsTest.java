package dev.gmailcli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} s")
  @CsvSource({
    "90, 90",
    "90s, 90",
    "5m, 300",
    "1h30m, 5400",
    "2m30s, 150",
    "1h, 3600",
    "PT5M, 300",
    "pt1h2s, 3602",
    "' 5M ', 300",
  })
  void humanAndIsoDurations_parse(String text, long seconds) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "0",
        "0s",
        "PT0S",
        "-1",
        "-5m",
        "PT-5M",
        "abc",
        "",
        "  ",
        "5 m",
        "1.5h",
        "m",
        "PTx",
        "99999999999999999999"
      })
  void zeroNegativeAndGarbage_areRejected(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text));
  }

  @Test
  void hugeHours_areRejectedAsIllegalArgument() {
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("9999999999999999h"));
  }

  @ParameterizedTest(name = "{0} s → {1}")
  @CsvSource({
    "300, 5m",
    "90, 1m30s",
    "45, 45s",
    "3600, 1h",
    "5400, 1h30m",
    "3661, 1h1m1s",
    "7205, 2h5s",
    "0, 0ms",
  })
  void describe_isShortAndHuman(long seconds, String text) {
    assertThat(Durations.describe(Duration.ofSeconds(seconds))).isEqualTo(text);
  }

  @Test
  void describeThenParse_roundTrips() {
    for (long seconds : new long[] {1, 59, 61, 3599, 3601, 86_400}) {
      Duration duration = Duration.ofSeconds(seconds);
      assertThat(Durations.parse(Durations.describe(duration))).isEqualTo(duration);
    }
  }
}
