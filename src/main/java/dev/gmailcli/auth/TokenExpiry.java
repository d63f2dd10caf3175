package dev.gmailcli.auth;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * token.json's {@code expiry}, as google-auth writes and reads it, without java.time's formatters
 * and parsers for the common shape (they are slow to start).
 */
final class TokenExpiry {
  private TokenExpiry() {}

  /**
   * Python's {@code expiry.isoformat() + "Z"}: microseconds only when there are any. Written digit
   * by digit: java.time's formatters are slow to start.
   */
  static String format(Instant expiry) {
    LocalDateTime utc =
        LocalDateTime.ofInstant(expiry.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    if (utc.getYear() < 0 || utc.getYear() > 9999) {
      // outside what Python's datetime holds; written as java.time's pattern writes it
      String pattern =
          utc.getNano() == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.SSSSSS";
      return DateTimeFormatter.ofPattern(pattern).format(utc) + "Z";
    }
    StringBuilder text = new StringBuilder(27);
    digits(text, utc.getYear(), 4).append('-');
    digits(text, utc.getMonthValue(), 2).append('-');
    digits(text, utc.getDayOfMonth(), 2).append('T');
    digits(text, utc.getHour(), 2).append(':');
    digits(text, utc.getMinute(), 2).append(':');
    digits(text, utc.getSecond(), 2);
    if (utc.getNano() != 0) {
      digits(text.append('.'), utc.getNano() / 1000, 6);
    }
    return text.append('Z').toString();
  }

  private static StringBuilder digits(StringBuilder text, int value, int width) {
    String number = Integer.toString(value);
    for (int i = number.length(); i < width; i++) {
      text.append('0');
    }
    return text.append(number);
  }

  /** Accepts seconds with or without a fraction, with Z, an offset, or naive (taken as UTC). */
  static Instant parse(String text) throws TokenJson.MalformedTokenException {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim();
    try {
      if (value.endsWith("Z") || value.endsWith("z")) {
        value = value.substring(0, value.length() - 1);
        LocalDateTime plain = plainDateTime(value);
        if (plain != null) {
          return plain.toInstant(ZoneOffset.UTC);
        }
      } else if (value.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
      }
      return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new TokenJson.MalformedTokenException("its \"expiry\" is not a date and time", null);
    }
  }

  /**
   * What google-auth writes, {@code 2025-10-20T09:18:16[.123456]} (Z already removed), read without
   * java.time's parsers (slow to start); null for anything else, which the general parse then
   * reads. Out-of-range fields throw, as the general parse would.
   */
  static LocalDateTime plainDateTime(String value) {
    int length = value.length();
    if (length < 19
        || length == 20
        || length > 29
        || value.charAt(4) != '-'
        || value.charAt(7) != '-'
        || value.charAt(10) != 'T'
        || value.charAt(13) != ':'
        || value.charAt(16) != ':'
        || (length > 19 && value.charAt(19) != '.')) {
      return null;
    }
    int[] at = {0, 5, 8, 11, 14, 17};
    int[] width = {4, 2, 2, 2, 2, 2};
    int[] field = new int[6];
    for (int i = 0; i < at.length; i++) {
      field[i] = digits(value, at[i], width[i]);
      if (field[i] < 0) {
        return null;
      }
    }
    int nanos = 0;
    if (length > 19) {
      int fraction = digits(value, 20, length - 20);
      if (fraction < 0) {
        return null;
      }
      for (int i = length - 20; i < 9; i++) {
        fraction *= 10;
      }
      nanos = fraction;
    }
    return LocalDateTime.of(field[0], field[1], field[2], field[3], field[4], field[5], nanos);
  }

  // the non-negative number in value[from, from + count), or -1 if those are not all digits
  private static int digits(String value, int from, int count) {
    int number = 0;
    for (int i = from; i < from + count; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }
}
