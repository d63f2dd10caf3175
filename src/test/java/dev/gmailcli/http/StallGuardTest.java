package dev.gmailcli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StallGuardTest {
  static final Duration LIMIT = Duration.ofSeconds(60);
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T12:00:00Z"));
  final StallGuard guard = new StallGuard(LIMIT, new Random(7), now::get);

  @Test
  void backoff_doublesWithJitter_upToSixteenSeconds() throws Exception {
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waits.add(guard.failed("HTTP 503", null, null).toMillis());
    }
    assertThat(waits.get(0)).isBetween(500L, 1_500L);
    assertThat(waits.get(1)).isBetween(1_000L, 3_000L);
    assertThat(waits.get(2)).isBetween(2_000L, 6_000L);
    assertThat(waits.get(4)).isBetween(8_000L, 24_000L);
  }

  @Test
  void waitAskedByTheServer_isUsedAsItIs() throws Exception {
    assertThat(guard.failed("HTTP 429", Duration.ofMillis(4_321), null))
        .isEqualTo(Duration.ofMillis(4_321));
  }

  @Test
  void givesUp_onlyWhenTheWaitWouldEndPastTheLimitSinceTheLastSuccess() throws Exception {
    guard.progress();
    now.set(now.get().plusSeconds(50));
    assertThat(guard.failed("HTTP 429", Duration.ofSeconds(9), null)).hasSeconds(9);
    now.set(now.get().plusSeconds(9));

    assertThatThrownBy(() -> guard.failed("HTTP 429", Duration.ofSeconds(2), null))
        .isInstanceOf(RetriesExhaustedException.class)
        .hasMessage("HTTP 429 (gave up after 2 attempts over 59 s; Google asked to wait 2 s more)");
  }

  @Test
  void success_startsTheLimitAgain() throws Exception {
    for (int hour = 0; hour < 10; hour++) {
      guard.progress();
      now.set(now.get().plusSeconds(55));
      guard.failed("HTTP 503", Duration.ofSeconds(4), null);
      now.set(now.get().plusSeconds(4));
    }
  }

  @Test
  void waitLongerThanTheLimit_givesUpAtOnce() {
    assertThatThrownBy(() -> guard.failed("HTTP 429", Duration.ofSeconds(3_600), null))
        .isInstanceOf(RetriesExhaustedException.class)
        .hasMessageContaining("Google asked to wait 3600 s");
  }

  @Test
  void waitsHandedOut_countEvenIfTheClockDoesNotMove() {
    // a sleeper that only records must not make the guard wait forever
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 100; i++) {
                guard.failed("HTTP 503", null, null);
              }
            })
        .isInstanceOf(RetriesExhaustedException.class)
        .hasMessageStartingWith("HTTP 503 (gave up after ");
  }
}
