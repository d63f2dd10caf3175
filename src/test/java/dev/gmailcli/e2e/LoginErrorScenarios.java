package dev.gmailcli.e2e;

import static dev.gmailcli.e2e.ErrorScenario.expiredLogin;
import static dev.gmailcli.e2e.ErrorScenario.of;
import static dev.gmailcli.e2e.ErrorScenario.validLogin;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestBrowser;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.standin.GoogleErrors;
import dev.gmailcli.standin.GoogleStandIn;
import java.util.List;
import java.util.stream.Stream;

/** The README's exit-3 rows: gmailcli needs a person to (re-)run {@code gmailcli login}. */
final class LoginErrorScenarios {
  static final String THREADS = "/gmail/v1/users/me/threads";
  static final String METADATA = "https://www.googleapis.com/auth/gmail.metadata";
  static final String GOOGLES_TOKEN_URI = "https://oauth2.googleapis.com/token";

  private LoginErrorScenarios() {}

  static Stream<ErrorScenario> scenarios() {
    return Stream.of(
        of(
            "not-logged-in",
            3,
            "not logged in — run `gmailcli login` (no saved login at $HOME/",
            (google, cli) -> cli.run("threads")),
        of(
            "refresh-token-revoked",
            3,
            "the saved login is no longer valid: Google answered invalid_grant (",
            (google, cli) -> {
              String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
              google.revoke(refresh);
              return expiredLogin(google, cli, refresh).run("threads");
            }),
        of(
            "client-secret-reset",
            3,
            "Google does not accept the OAuth client (invalid_client)",
            (google, cli) -> {
              String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
              String token = TokenFixtures.expired(google, TestClock.NOW, refresh);
              return cli.token(token.replace(GoogleStandIn.CLIENT_SECRET, "fake-old-secret"))
                  .run("threads");
            }),
        of(
            "scope-not-granted-on-refresh",
            3,
            "Google refused the requested scopes (invalid_scope)",
            (google, cli) -> {
              // token.json claims gmail.readonly, but the grant behind it holds gmail.metadata
              String refresh = google.seedRefreshToken(METADATA);
              return expiredLogin(google, cli, refresh).run("threads");
            }),
        of(
            "saved-login-lacks-read-scope",
            3,
            "the saved login does not allow reading Gmail: it lacks the scope",
            (google, cli) ->
                cli.token(
                        TokenFixtures.valid(
                            google, TestClock.NOW, "https://www.googleapis.com/auth/gmail.send"))
                    .run("threads")),
        of(
            "gmail-scope-forbids-query",
            3,
            "the saved login's scope does not allow this: HTTP 403",
            (google, cli) -> {
              // token.json claims gmail.readonly, but Google granted gmail.metadata only
              String token =
                  TokenFixtures.python(
                      google.seedAccessToken(METADATA),
                      google.seedRefreshToken(METADATA),
                      TestClock.NOW.plusSeconds(3599),
                      List.of(TokenFixtures.READONLY),
                      GOOGLES_TOKEN_URI);
              return cli.token(token).run("threads", "--query", "x", "--no-details");
            }),
        of(
            "gmail-rejects-the-login",
            3,
            "Gmail did not accept the saved login (HTTP 401",
            (google, cli) -> {
              // every access token is rejected, even those from refreshing
              google.failNext(
                  THREADS,
                  100,
                  401,
                  GoogleErrors.apiError(
                      401,
                      "Request had invalid authentication credentials.",
                      "authError",
                      "UNAUTHENTICATED"));
              return validLogin(google, cli).run("threads");
            }),
        of(
            "expired-without-refresh-token",
            3,
            "the saved login in $HOME/.config/gmailcli/token.json has expired and holds no refresh"
                + " token",
            (google, cli) -> {
              String token =
                  TokenFixtures.python(
                      "ya29.fake-expired-access-token",
                      null,
                      TestClock.NOW.minusSeconds(60),
                      List.of(TokenFixtures.READONLY),
                      GOOGLES_TOKEN_URI);
              return cli.token(token).run("threads");
            }),
        of(
            "consent-declined",
            3,
            "you declined access in the browser, so gmailcli is not logged in",
            (google, cli) -> login(google.declineConsent(), cli, TestBrowser.following())),
        of(
            "consent-refused-by-google",
            3,
            "Google refused the login: admin_policy_enforced (",
            (google, cli) ->
                login(
                    google.refuseConsent(
                        "admin_policy_enforced",
                        "Access to this app is blocked by your Workspace administrator"),
                    cli,
                    TestBrowser.following())),
        of(
            "login-timed-out",
            3,
            "login timed out after 1s without an answer from the browser",
            (google, cli) -> login(google, cli, TestBrowser.idle(), "--timeout", "1s")),
        of(
            "no-refresh-token-from-google",
            3,
            "Google returned no refresh token, so the login could not be kept",
            (google, cli) -> login(google.omitRefreshToken(), cli, TestBrowser.following())));
  }

  /** {@code gmailcli login} at a terminal, with the stand-in's credentials.json. */
  static CliRun login(GoogleStandIn google, CliHarness cli, TestBrowser browser, String... options)
      throws Exception {
    String[] args = Stream.concat(Stream.of("login"), Stream.of(options)).toArray(String[]::new);
    return cli.credentials(google.credentialsJson()).interactive().browser(browser).run(args);
  }
}
