package dev.gmailcli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The token bucket and its adaptive rate, on a clock that never moves (waits are virtual). */
class QuotaBudgetTest {
  static final QuotaPolicy GMAIL = new QuotaPolicy(250, 2_500, 10);
  final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  final QuotaBudget budget = new QuotaBudget(GMAIL, clock);

  @Test
  void startsFull_thenRefillsAtTheRate() {
    assertThat(budget.reserve(2_500)).isZero();
    assertThat(budget.reserve(500)).isEqualTo(Duration.ofSeconds(2));
    assertThat(budget.reserve(250)).isEqualTo(Duration.ofSeconds(1));
    assertThat(budget.summary().waited()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void waitsHandedOut_moveTheBudgetsTime_evenWhenTheClockStands() {
    budget.reserve(2_500);
    budget.reserve(250);

    assertThat(budget.now()).isEqualTo(clock.instant().plusSeconds(1));
  }

  @Test
  void neverHoldsMoreThanTheBurst() {
    budget.reserve(2_500);
    Clock later = Clock.offset(clock, Duration.ofHours(1));
    QuotaBudget idle = new QuotaBudget(GMAIL, later);

    assertThat(idle.reserve(2_500)).isZero();
    assertThat(idle.reserve(250)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void refusal_lowersTheRateBy30Percent_andPausesForTheWaitAsked() {
    budget.reserve(2_500);
    budget.refused(3, 30, Duration.ofSeconds(4));

    assertThat(budget.rate()).isEqualTo(175);
    assertThat(budget.summary().callsRefused()).isEqualTo(3);
    // nothing accrues during the pause, and afterwards only at the lower rate
    assertThat(budget.reserve(35)).isEqualTo(Duration.ofMillis(4_200));
    assertThat(budget.reserve(175)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void refusal_dropsTheBurst_soThatOnlyTheRefusedCallsGoAgainAtOnce() {
    budget.reserve(10);
    budget.refused(1, 10, Duration.ofSeconds(3));

    assertThat(budget.reserve(10)).isEqualTo(Duration.ofSeconds(3));
    assertThat(budget.reserve(10).toMillis()).isEqualTo(57);
  }

  @Test
  void successes_raiseTheRateBack_toJustBelowWhereGmailRefused() {
    budget.refused(1, 10, Duration.ZERO);
    assertThat(budget.rate()).isEqualTo(175);

    budget.spent(500);
    assertThat(budget.rate()).isEqualTo(225);
    budget.spent(1_000);
    // 95% of 250, crept up by 1/50 of each step since
    assertThat(budget.rate()).isEqualTo(240.5, within(0.01));
    budget.spent(60_000);
    assertThat(budget.rate()).isEqualTo(250);
    assertThat(budget.summary().unitsSpent()).isEqualTo(61_500);
  }

  @Test
  void refusedAgainSoon_theCeilingDropsHard() {
    budget.refused(1, 10, Duration.ZERO);
    budget.spent(1_000);
    assertThat(budget.rate()).isEqualTo(239.5, within(0.01));

    // refused again before a burst's worth went through: the limit is well below 239.5
    budget.refused(1, 10, Duration.ZERO);
    assertThat(budget.rate()).isEqualTo(167.65, within(0.01));
    budget.spent(500);
    assertThat(budget.rate()).isEqualTo(168.65, within(0.01));
  }

  @Test
  void rate_neverDropsBelowTheMinimum() {
    for (int i = 0; i < 20; i++) {
      budget.refused(1, 10, Duration.ZERO);
    }
    assertThat(budget.rate()).isEqualTo(10);
  }

  @Test
  void maxCalls_isWhatTheBudgetHolds_orElseWhatItRefillsInASecond() {
    assertThat(budget.maxCalls(10)).isEqualTo(250);
    budget.reserve(2_400);
    assertThat(budget.maxCalls(10)).isEqualTo(25);
    budget.refused(1, 10, Duration.ofSeconds(1));
    budget.refused(1, 10, Duration.ZERO);
    budget.refused(1, 10, Duration.ZERO);
    assertThat(budget.rate()).isEqualTo(85.75, within(0.01));
    assertThat(budget.maxCalls(10)).isEqualTo(8);
    assertThat(budget.maxCalls(5_000)).isEqualTo(1);
  }

  @Test
  void pause_waitsWithoutLoweringTheRate() {
    budget.pause(Duration.ofSeconds(2));

    assertThat(budget.reserve(10)).isEqualTo(Duration.ofSeconds(2));
    assertThat(budget.rate()).isEqualTo(250);
    assertThat(budget.summary().callsRefused()).isZero();
  }

  @Test
  void summary_describesItselfInOneLine() {
    budget.reserve(2_500);
    budget.reserve(500);
    budget.spent(3_000);
    budget.refused(2, 20, Duration.ZERO);

    assertThat(budget.summary().describe())
        .isEqualTo("quota: 3000 units spent, 2 calls refused, 2.0 s waited");
  }
}
