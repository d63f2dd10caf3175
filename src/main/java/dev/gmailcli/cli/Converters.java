package dev.gmailcli.cli;

import dev.gmailcli.platform.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Option value converters; a bad value is a usage error (exit 2). */
final class Converters {
  private Converters() {}

  /** A TCP port, 0 for "pick a free one". */
  static final class Port implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int port;
      try {
        port = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a port number");
      }
      if (port < 0 || port > 65535) {
        throw new CommandLine.TypeConversionException("port must be between 0 and 65535");
      }
      return port;
    }
  }

  /** A positive duration: 90s, 5m, 1h, 300, PT5M. */
  static final class Timeout implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration of up to 24h (examples: 90s, 5m, 1h)");
      }
    }
  }

  /** A whole number of at least 1. */
  static final class AtLeastOne implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int number;
      try {
        number = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
      }
      if (number < 1) {
        throw new CommandLine.TypeConversionException("must be at least 1, not " + number);
      }
      return number;
    }
  }
}
