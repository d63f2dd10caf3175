package dev.gmailcli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AddressesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("fromHeaders")
  void displayName_isTheNameOrElseTheAddress(String from, String name) {
    assertThat(Addresses.displayName(from)).isEqualTo(name);
  }

  static Stream<Arguments> fromHeaders() {
    return Stream.of(
        arguments("\"Jane Doe\" <jane@example.com>", "Jane Doe"),
        arguments("Jane <j@x>", "Jane"),
        arguments("<j@x>", "j@x"),
        arguments("j@x", "j@x"),
        arguments("\"Doe, Jane\" <jane@example.com>", "Doe, Jane"),
        arguments("\"\" <j@x>", "j@x"),
        arguments("\"Say \\\"hi\\\"\" <hi@example.com>", "Say \"hi\""),
        arguments("\"a <b>\" <c@example.com>", "a <b>"),
        arguments("=?UTF-8?B?5Lu25ZCN?= <x@example.com>", "=?UTF-8?B?5Lu25ZCN?="));
  }

  @Test
  void emptyOrNull_isEmpty() {
    assertThat(Addresses.displayName("")).isEmpty();
    assertThat(Addresses.displayName("   ")).isEmpty();
    assertThat(Addresses.displayName(null)).isEmpty();
  }
}
