package dev.gmailcli.auth;

import java.time.Duration;
import java.util.Locale;

/** Reads and writes durations the way people type them: 90s, 5m, 1h30m, or plain seconds. */
public final class Durations {
  private Durations() {}

  /**
   * Parses "300", "300s", "5m", "1h30m", "2m30s" or ISO-8601 "PT5M".
   *
   * @throws IllegalArgumentException for anything else, or a duration that is not positive
   */
  public static Duration parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Duration duration;
    if (value.matches("\\d+")) {
      duration = Duration.ofSeconds(Long.parseLong(value));
    } else if (value.matches("(\\d+h)?(\\d+m)?(\\d+s)?") && !value.isEmpty()) {
      duration = Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
    } else if (value.startsWith("pt")) {
      try {
        duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("not a duration: " + text);
      }
    } else {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("duration must be positive: " + text);
    }
    return duration;
  }

  /** "5m", "1h30m", "45s". */
  public static String describe(Duration duration) {
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
