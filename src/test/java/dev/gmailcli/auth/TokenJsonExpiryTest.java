package dev.gmailcli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick reading of google-auth's expiry format agrees with java.time's parser. */
class TokenJsonExpiryTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-10-20T09:18:16",
        "2025-10-20T09:18:16.1",
        "2025-10-20T09:18:16.123456",
        "2025-10-20T09:18:16.000001",
        "2025-10-20T09:18:16.123456789",
        "2024-02-29T23:59:59.999999",
        "0001-01-01T00:00:00",
        "9999-12-31T23:59:59"
      })
  void plainDateTime_readsWhatJavaTimeReads(String text) throws Exception {
    assertThat(TokenExpiry.plainDateTime(text)).isEqualTo(LocalDateTime.parse(text));
    assertThat(TokenExpiry.parse(text + "Z"))
        .isEqualTo(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-10-20 09:18:16",
        "2025-10-20t09:18:16",
        "2025-10-20T09:18:16.",
        "2025-10-20T09:18:16.1234567890",
        "2025-10-20T09:18",
        "+2025-10-20T09:18:16",
        "12025-10-20T09:18:16",
        "2025-1-20T09:18:16",
        "2025-10-20T09:18:1x",
        "not a date at all, no"
      })
  void plainDateTime_leavesEverythingElseToJavaTime(String text) {
    assertThat(TokenExpiry.plainDateTime(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-13-20T09:18:16",
        "2025-02-30T09:18:16",
        "2025-10-20T24:00:00",
        "2025-10-20T09:60:16",
        "2025-10-20T09:18:60"
      })
  void outOfRangeFields_areRejectedByBoth(String text) {
    assertThatThrownBy(() -> TokenExpiry.plainDateTime(text)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> LocalDateTime.parse(text)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> TokenExpiry.parse(text + "Z"))
        .isInstanceOf(TokenJson.MalformedTokenException.class);
  }

  @Test
  void spaceSeparatedExpiry_isStillRead() throws Exception {
    assertThat(TokenExpiry.parse("2025-10-20 09:18:16Z"))
        .isEqualTo(LocalDateTime.parse("2025-10-20T09:18:16").toInstant(ZoneOffset.UTC));
  }
}
