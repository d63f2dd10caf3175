package dev.gmailcli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** token.json written without Gson's and java.time's formatters reads exactly as before. */
class TokenJsonFormatTest {

  static List<String> documents() {
    return List.of(
        """
        {"token": "ya29.a<b>&c='d'", "scopes": ["s1", "s2"], "expiry": "x"}""",
        """
        {"n": 1, "f": 1.50, "big": 12345678901234567890, "e": 1e3, "neg": -0}""",
        """
        {"t": true, "f": false, "null": null, "empty": {}, "none": []}""",
        """
        {"nested": {"a": [1, {"b": null, "c": ["x", null]}], "d": "\\u00e9\\u2028\\n\\t\\""}}""",
        """
        {"unicode": "日本語 \\ud83d\\ude00", "control": "\\u0001\\u001f"}""",
        """
        [1, "two", [3], {"four": 4}]""");
  }

  @ParameterizedTest
  @MethodSource("documents")
  void pretty_writesWhatGsonWrites(String json) {
    JsonElement element = JsonParser.parseString(json);
    String gson =
        new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(element);

    assertThat(TokenJson.pretty(element)).isEqualTo(gson);
  }

  @Test
  void formatExpiry_writesWhatTheDatePatternsWrote() {
    DateTimeFormatter seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    DateTimeFormatter micros = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 2000; i++) {
      long second = random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 1 to 9999
      long nanos = i % 3 == 0 ? 0 : i % 3 == 1 ? random.nextInt(1000) * 1000L : random.nextInt();
      Instant expiry = Instant.ofEpochSecond(second, Math.floorMod(nanos, 1_000_000_000L));
      LocalDateTime utc =
          LocalDateTime.ofInstant(expiry.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);

      String expected = (utc.getNano() == 0 ? seconds : micros).format(utc) + "Z";

      assertThat(TokenExpiry.format(expiry)).as(expiry.toString()).isEqualTo(expected);
    }
  }
}
