package dev.gmailcli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.gmailcli.Endpoints;
import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ClientSecretsTest {
  static final String GOOGLE_AUTH = "https://accounts.google.com/o/oauth2/auth";
  static final String GOOGLE_TOKEN = Endpoints.GOOGLE_TOKEN_URI;

  @TempDir Path tmp;

  private Path file(String json) throws Exception {
    return Files.writeString(tmp.resolve("credentials.json"), json);
  }

  private static void assertConfigErrorWithDesktopHint(Path path, String messagePart) {
    assertThatThrownBy(() -> ClientSecrets.read(path))
        .isInstanceOfSatisfying(
            GmailCliException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
              assertThat(e.getMessage()).contains(messagePart);
              assertThat(e.hint()).contains("Desktop app", path.toString());
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clientFiles")
  void clientFile_isReadWithGooglesEndpointsAsDefaults(
      String what, String json, ClientSecrets expected) throws Exception {
    assertThat(ClientSecrets.read(file(json))).isEqualTo(expected);
  }

  static Stream<Arguments> clientFiles() {
    return Stream.of(
        arguments(
            "a Desktop app client",
            "{\"installed\": {\"client_id\": \"fake-id.apps.googleusercontent.com\","
                + " \"project_id\": \"fake-project\","
                + " \"auth_uri\": \"https://accounts.example.test/auth\","
                + " \"token_uri\": \"https://oauth2.example.test/token\","
                + " \"client_secret\": \"fake-client-secret\","
                + " \"redirect_uris\": [\"http://localhost\"]}}",
            new ClientSecrets(
                "fake-id.apps.googleusercontent.com",
                "fake-client-secret",
                "https://accounts.example.test/auth",
                "https://oauth2.example.test/token",
                true)),
        arguments(
            "a Web application client: tolerated, but not a Desktop app",
            "{\"web\": {\"client_id\": \"fake-web-id\", \"client_secret\": \"fake-web-secret\"}}",
            new ClientSecrets("fake-web-id", "fake-web-secret", GOOGLE_AUTH, GOOGLE_TOKEN, false)),
        arguments(
            "no endpoints: Google's",
            "{\"installed\": {\"client_id\": \"fake-id\", \"client_secret\": \"fake-s\"}}",
            new ClientSecrets("fake-id", "fake-s", GOOGLE_AUTH, GOOGLE_TOKEN, true)),
        arguments(
            "both sections: installed wins",
            "{\"web\": {\"client_id\": \"web-id\", \"client_secret\": \"s\"},"
                + " \"installed\": {\"client_id\": \"desktop-id\", \"client_secret\": \"s\"}}",
            new ClientSecrets("desktop-id", "s", GOOGLE_AUTH, GOOGLE_TOKEN, true)));
  }

  @Test
  void toString_hidesTheSecret() throws Exception {
    Path path =
        file("{\"installed\": {\"client_id\": \"fake-id\", \"client_secret\": \"fake-s3cret\"}}");

    assertThat(ClientSecrets.read(path).toString())
        .contains("fake-id", "<redacted>")
        .doesNotContain("fake-s3cret");
  }

  @Test
  void missingFile_isConfigErrorWithDesktopHint() {
    Path path = tmp.resolve("nowhere.json");

    assertConfigErrorWithDesktopHint(path, "not found");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not json {                                                        | not valid JSON
          [1, 2]                                                            | not valid JSON
          "just a string"                                                   | not valid JSON
          ''                                                                | not valid JSON
          {}                                                                | no "installed" or "web" section
          {"client_id": "fake-id", "client_secret": "fake-s"}               | no "installed" or "web" section
          {"installed": "fake-id"}                                          | no "installed" or "web" section
          {"type": "service_account", "private_key": "fake-key"}            | no "installed" or "web" section
          {"installed": {"client_secret": "fake-s"}}                        | lacks client_id
          {"installed": {"client_id": "", "client_secret": "fake-s"}}       | lacks client_id
          {"installed": {"client_id": {"x": 1}, "client_secret": "fake-s"}} | lacks client_id
          {"installed": {"client_id": "fake-id"}}                           | lacks client_secret
          """)
  void unusableContent_isConfigErrorWithDesktopHint(String text, String problem) throws Exception {
    assertConfigErrorWithDesktopHint(file(text), problem);
  }

  @Test
  void errorMessages_neverContainTheSecret() throws Exception {
    Path path = file("{\"installed\": {\"client_secret\": \"fake-s3cret\"}}");

    assertThatThrownBy(() -> ClientSecrets.read(path))
        .isInstanceOfSatisfying(
            GmailCliException.class,
            e -> assertThat(e.getMessage() + e.hint()).doesNotContain("fake-s3cret"));
  }

  @Test
  void notUtf8_isAConfigurationError_sayingSo() throws Exception {
    Path file = tmp.resolve("credentials.json");
    Files.write(file, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

    assertThatThrownBy(() -> ClientSecrets.read(file))
        .isInstanceOfSatisfying(
            GmailCliException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
              assertThat(e.getMessage()).contains("not UTF-8");
            });
  }
}
