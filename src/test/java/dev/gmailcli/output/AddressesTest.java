package dev.gmailcli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\u0000',
      value = {
        "\"Jane Doe\" <jane@example.com>         | Jane Doe",
        "Jane <j@x>                             | Jane",
        "<j@x>                                  | j@x",
        "j@x                                    | j@x",
        "\"Doe, Jane\" <jane@example.com>       | Doe, Jane",
        "\"\" <j@x>                             | j@x",
        "\"Say \\\"hi\\\"\" <hi@example.com>    | Say \"hi\"",
        "\"a <b>\" <c@example.com>              | a <b>",
        "=?UTF-8?B?5Lu25ZCN?= <x@example.com>   | =?UTF-8?B?5Lu25ZCN?=",
      })
  void displayName_isTheNameOrElseTheAddress(String from, String name) {
    assertThat(Addresses.displayName(from.trim())).isEqualTo(name.trim());
  }

  @Test
  void emptyOrNull_isEmpty() {
    assertThat(Addresses.displayName("")).isEmpty();
    assertThat(Addresses.displayName("   ")).isEmpty();
    assertThat(Addresses.displayName(null)).isEmpty();
  }
}
