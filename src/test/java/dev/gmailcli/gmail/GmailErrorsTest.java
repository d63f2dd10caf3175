package dev.gmailcli.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.json.Json;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.harness.MockGoogle;
import dev.gmailcli.standin.GoogleErrors;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every branch of {@link GmailErrors#toCliException}: which exit code a failed Gmail call ends in,
 * and what gmailcli says. The failures are the exceptions the generated Gmail client really throws,
 * for Gmail's JSON error bodies served by a mock transport.
 */
class GmailErrorsTest {
  @ParameterizedTest(name = "{0} {1}: exit {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # transient, after the retries ran out: exit 5
          429 | rateLimitExceeded               | Too many concurrent requests for user.  | 5 | could not list threads: Gmail answered HTTP 429: Too many | try again in a few minutes
          500 | backendError                    | Backend Error                           | 5 | Gmail answered HTTP 500: Backend Error                     | try again in a few minutes
          502 | backendError                    | Bad Gateway                             | 5 | Gmail answered HTTP 502: Bad Gateway                       | try again in a few minutes
          503 | backendError                    | The service is currently unavailable.   | 5 | Gmail answered HTTP 503: The service is currently          | try again in a few minutes
          504 | backendError                    | Deadline exceeded                       | 5 | Gmail answered HTTP 504: Deadline exceeded                 | try again in a few minutes
          403 | rateLimitExceeded               | Rate Limit Exceeded                     | 5 | Gmail answered HTTP 403: Rate Limit Exceeded               | try again in a few minutes
          403 | userRateLimitExceeded           | User Rate Limit Exceeded                | 5 | Gmail answered HTTP 403: User Rate Limit Exceeded          | try again in a few minutes
          # the login is not good enough: exit 3
          401 | authError                       | Request had invalid authentication credentials. | 3 | Gmail did not accept the saved login (HTTP 401: Request had | run `gmailcli login`
          403 | insufficientPermissions         | Insufficient Permission                 | 3 | the saved login's scope does not allow this: HTTP 403: Insufficient | gmailcli login --scope https://www.googleapis.com/auth/gmail.readonly
          403 | ACCESS_TOKEN_SCOPE_INSUFFICIENT | Permission denied                       | 3 | the saved login's scope does not allow this: HTTP 403: Permission   | gmailcli login --scope https://www.googleapis.com/auth/gmail.readonly
          403 | forbidden                       | Metadata scope does not support 'q'     | 3 | the saved login's scope does not allow this: HTTP 403: Metadata     | gmailcli login --scope https://www.googleapis.com/auth/gmail.readonly
          # Gmail refuses for good: exit 6
          403 | accessNotConfigured             | Access Not Configured.                  | 6 | the Gmail API is not enabled for this OAuth client's project: HTTP 403 | enable the Gmail API in Google Cloud console
          403 | forbidden                       | Gmail API has not been used in project 1 before. | 6 | the Gmail API is not enabled | enable the Gmail API
          403 | forbidden                       | Gmail API is disabled in project 1.     | 6 | the Gmail API is not enabled                               | enable the Gmail API
          400 | invalidArgument                 | Invalid label: Label_999                | 6 | Gmail refused to list threads: HTTP 400: Invalid label: Label_999 | check --query, --label and --page-token
          404 | notFound                        | Requested entity was not found.         | 6 | Gmail refused to list threads: HTTP 404: Requested entity  | check the id or label you gave
          403 | forbidden                       | Delegation denied for someone@example.com | 6 | Gmail refused to list threads: HTTP 403: Delegation denied | see Gmail's message above
          409 | conflict                        | Conflict                                | 6 | Gmail refused to list threads: HTTP 409: Conflict          | see Gmail's message above
          """)
  void gmailsAnswer_becomesTheDocumentedExitCode_message_andHint(
      int status,
      String reason,
      String gmailsMessage,
      int exitCode,
      String messagePart,
      String hintPart) {
    assertFailure(gmail(status, reason, gmailsMessage), exitCode, messagePart, hintPart);
  }

  @Test
  void aScopeReasonInErrorDetails_asGoogleSendsItNow_isLoginRequired() throws IOException {
    // no "scope" in the message and a generic errors[] reason: only details[] says what is wrong
    String body =
        "{\"error\": {\"code\": 403, \"message\": \"Request had insufficient authentication.\","
            + " \"errors\": [{\"message\": \"Insufficient Permission\", \"domain\": \"global\","
            + " \"reason\": \"forbidden\"}], \"status\": \"PERMISSION_DENIED\", \"details\": [{\"@type\":"
            + " \"type.googleapis.com/google.rpc.ErrorInfo\", \"reason\":"
            + " \"ACCESS_TOKEN_SCOPE_INSUFFICIENT\", \"domain\": \"googleapis.com\"}]}}";
    Gmail gmail =
        new Gmail.Builder(
                MockGoogle.answering(403, Json.MEDIA_TYPE, body),
                GsonFactory.getDefaultInstance(),
                null)
            .setApplicationName("test")
            .build();
    try {
      gmail.users().threads().list("me").execute();
      throw new AssertionError("HTTP 403 did not fail");
    } catch (GoogleJsonResponseException e) {
      assertFailure(e, 3, "the saved login's scope does not allow this", "gmailcli login --scope");
    }
  }

  @Test
  void aNetworkFailure_isTemporary() {
    assertFailure(
        new SocketTimeoutException("Read timed out"),
        5,
        "could not list threads: SocketTimeoutException: Read timed out",
        "check the network connection");
  }

  @Test
  void a4xxWithoutAJsonBody_isRefused_withTheStatusAlone() {
    assertFailure(notJson(400), 6, "Gmail refused to list threads: HTTP 400", "check --query");
  }

  private static void assertFailure(
      IOException failure, int exitCode, String messagePart, String hintPart) {
    GmailCliException e = GmailErrors.toCliException(failure, "list threads");

    assertThat(e.exitCode().code()).isEqualTo(exitCode);
    assertThat(e.getMessage()).contains(messagePart);
    assertThat(e.hint()).contains(hintPart);
    assertThat(e.getCause()).isSameAs(failure);
  }

  /** What the generated Gmail client throws for Gmail's error body with this status and reason. */
  static GoogleJsonResponseException gmail(int status, String reason, String message) {
    String body = GoogleErrors.apiError(status, message, reason, rpcStatus(status));
    Gmail gmail =
        new Gmail.Builder(
                MockGoogle.answering(status, Json.MEDIA_TYPE, body),
                GsonFactory.getDefaultInstance(),
                null)
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
      MockGoogle.answering(status, "text/html", "<html><body>Bad Request</body></html>")
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
}
