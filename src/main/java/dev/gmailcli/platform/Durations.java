package dev.gmailcli.platform;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads and writes durations the way people type them: 90s, 5m, 1h30m, or plain seconds. */
public final class Durations {
  private Durations() {}

  /** The longest duration accepted: a login nobody finishes within a day is abandoned. */
  public static final Duration MAX = Duration.ofHours(24);

  /**
   * Parses "300", "300s", "5m", "1h30m", "2m30s" or ISO-8601 "PT5M".
   *
   * @throws IllegalArgumentException for anything else, or a duration that is not positive or
   *     longer than {@link #MAX}
   */
  public static Duration parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Duration duration;
    try {
      if (value.matches("\\d{1,18}")) {
        duration = Duration.ofSeconds(Long.parseLong(value));
      } else if (value.matches("(\\d+h)?(\\d+m)?(\\d+s)?") && !value.isEmpty()) {
        duration = Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
      } else if (value.startsWith("pt")) {
        duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      } else {
        throw new IllegalArgumentException("not a duration: " + text);
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("duration must be positive: " + text);
    }
    if (duration.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("duration must be at most 24h: " + text);
    }
    return duration;
  }

  /** "5m", "1h30m", "45s"; below a second, "300ms". */
  public static String describe(Duration duration) {
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      return duration.toMillis() + "ms";
    }
    long seconds = duration.getSeconds();
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 != 0 || text.length() == 0) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }
}
