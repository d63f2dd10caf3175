package dev.gmailcli.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.json.Json;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import com.google.api.services.gmail.Gmail;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.standin.GoogleErrors;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every branch of {@link GmailErrors#toCliException}: which exit code a failed Gmail call ends in,
 * and what gmailcli says. The failures are the exceptions the generated Gmail client really throws,
 * for Gmail's JSON error bodies served by a mock transport.
 */
class GmailErrorsTest {
  static final String READONLY_HINT =
      "run `gmailcli login --scope https://www.googleapis.com/auth/gmail.readonly`";

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void failure_becomesTheDocumentedExitCode_message_andHint(
      String row, IOException failure, int exitCode, String messagePart, String hintPart) {
    GmailCliException e = GmailErrors.toCliException(failure, "list threads");

    assertThat(e.exitCode().code()).as(row).isEqualTo(exitCode);
    assertThat(e.getMessage()).contains(messagePart);
    assertThat(e.hint()).contains(hintPart);
    assertThat(e.getCause()).isSameAs(failure);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        // not an HTTP answer at all: exit 5
        row(
            "network failure",
            new SocketTimeoutException("Read timed out"),
            5,
            "could not list threads: SocketTimeoutException: Read timed out",
            "check the network connection"),
        // transient answers (after the retries ran out): exit 5
        transientRow(429, "rateLimitExceeded", "Too many concurrent requests for user."),
        transientRow(500, "backendError", "Backend Error"),
        transientRow(502, "backendError", "Bad Gateway"),
        transientRow(503, "backendError", "The service is currently unavailable."),
        transientRow(504, "backendError", "Deadline exceeded"),
        transientRow(403, "rateLimitExceeded", "Rate Limit Exceeded"),
        transientRow(403, "userRateLimitExceeded", "User Rate Limit Exceeded"),
        // the login is not good enough: exit 3
        row(
            "401",
            gmail(401, "authError", "Request had invalid authentication credentials."),
            3,
            "Gmail did not accept the saved login (HTTP 401: Request had invalid authentication",
            "run `gmailcli login`"),
        row(
            "403 insufficientPermissions",
            gmail(403, "insufficientPermissions", "Insufficient Permission"),
            3,
            "the saved login's scope does not allow this: HTTP 403: Insufficient Permission",
            READONLY_HINT),
        row(
            "403 ACCESS_TOKEN_SCOPE_INSUFFICIENT",
            gmail(403, "ACCESS_TOKEN_SCOPE_INSUFFICIENT", "Permission denied"),
            3,
            "the saved login's scope does not allow this: HTTP 403: Permission denied",
            READONLY_HINT),
        row(
            "403 whose message names the scope",
            gmail(403, "forbidden", "Metadata scope does not support 'q' parameter"),
            3,
            "the saved login's scope does not allow this: HTTP 403: Metadata scope",
            READONLY_HINT),
        // Gmail refuses for good: exit 6
        row(
            "403 accessNotConfigured",
            gmail(403, "accessNotConfigured", "Access Not Configured."),
            6,
            "the Gmail API is not enabled for this OAuth client's project: HTTP 403",
            "enable the Gmail API in Google Cloud console"),
        row(
            "403 API \"has not been used\"",
            gmail(403, "forbidden", "Gmail API has not been used in project 1 before."),
            6,
            "the Gmail API is not enabled",
            "enable the Gmail API"),
        row(
            "403 API \"is disabled\"",
            gmail(403, "forbidden", "Gmail API is disabled in project 1."),
            6,
            "the Gmail API is not enabled",
            "enable the Gmail API"),
        row(
            "400",
            gmail(400, "invalidArgument", "Invalid label: Label_999"),
            6,
            "Gmail refused to list threads: HTTP 400: Invalid label: Label_999",
            "check --query, --label and --page-token"),
        row(
            "404",
            gmail(404, "notFound", "Requested entity was not found."),
            6,
            "Gmail refused to list threads: HTTP 404: Requested entity was not found.",
            "check the id or label you gave"),
        row(
            "other 4xx: 403 forbidden",
            gmail(403, "forbidden", "Delegation denied for someone@example.com"),
            6,
            "Gmail refused to list threads: HTTP 403: Delegation denied",
            "see Gmail's message above"),
        row(
            "other 4xx: 409",
            gmail(409, "conflict", "Conflict"),
            6,
            "Gmail refused to list threads: HTTP 409: Conflict",
            "see Gmail's message above"),
        row(
            "4xx without a JSON body",
            notJson(400),
            6,
            "Gmail refused to list threads: HTTP 400",
            "check --query"));
  }

  private static Arguments transientRow(int status, String reason, String message) {
    return row(
        status + " " + reason,
        gmail(status, reason, message),
        5,
        "could not list threads: Gmail answered HTTP " + status + ": " + message,
        "try again in a few minutes");
  }

  private static Arguments row(
      String name, IOException failure, int exitCode, String messagePart, String hintPart) {
    return arguments(name, failure, exitCode, messagePart, hintPart);
  }

  /** What the generated Gmail client throws for Gmail's error body with this status and reason. */
  static GoogleJsonResponseException gmail(int status, String reason, String message) {
    String body = GoogleErrors.apiError(status, message, reason, rpcStatus(status));
    Gmail gmail =
        new Gmail.Builder(
                answering(status, Json.MEDIA_TYPE, body), GsonFactory.getDefaultInstance(), null)
            .setApplicationName("test")
            .build();
    try {
      gmail.users().threads().list("me").execute();
    } catch (GoogleJsonResponseException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("HTTP " + status + " did not fail");
  }

  /** A failed plain request whose body is not JSON (a proxy's or a front end's error page). */
  static HttpResponseException notJson(int status) {
    try {
      answering(status, "text/html", "<html><body>Bad Request</body></html>")
          .createRequestFactory()
          .buildGetRequest(new GenericUrl("https://gmail.googleapis.com/gmail/v1/users/me/threads"))
          .execute();
    } catch (HttpResponseException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("HTTP " + status + " did not fail");
  }

  /** The google.rpc status Gmail names in its error body. */
  private static String rpcStatus(int status) {
    return switch (status) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 409 -> "ABORTED";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> status >= 500 ? "UNAVAILABLE" : "FAILED_PRECONDITION";
    };
  }

  private static MockHttpTransport answering(int status, String contentType, String body) {
    return new MockHttpTransport.Builder()
        .setLowLevelHttpResponse(
            new MockLowLevelHttpResponse()
                .setStatusCode(status)
                .setContentType(contentType)
                .setContent(body))
        .build();
  }
}
