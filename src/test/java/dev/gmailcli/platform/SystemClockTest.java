package dev.gmailcli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SystemClockTest {
  @Test
  void tellsTheSameAsTheSystemClockInTheDefaultZone() {
    Clock reference = Clock.systemDefaultZone();
    SystemClock clock = new SystemClock();

    assertThat(clock.getZone()).isEqualTo(reference.getZone()).isEqualTo(ZoneId.systemDefault());
    assertThat(Duration.between(reference.instant(), clock.instant()).abs())
        .isLessThan(Duration.ofSeconds(5));
    assertThat(Math.abs(clock.millis() - Instant.now().toEpochMilli())).isLessThan(5_000);
    assertThat(clock.withZone(ZoneOffset.UTC).getZone()).isEqualTo(ZoneOffset.UTC);
  }
}
