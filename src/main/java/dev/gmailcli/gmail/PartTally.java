package dev.gmailcli.gmail;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import dev.gmailcli.http.TransientFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Counts the outcomes of a batch's parts, for the quota budget and for deciding how to wait. */
final class PartTally {
  private final Instant now;
  int succeeded;
  int refused;
  int failedTransiently;
  int lastStatus;
  Duration asked;

  PartTally(Instant now) {
    this.now = now;
  }

  void success() {
    succeeded++;
  }

  void failure(GoogleJsonError error, HttpHeaders headers) {
    int status = error == null ? 0 : error.getCode();
    List<String> reasons = TransientFailures.reasons(error);
    if (!TransientFailures.isTransient(status, reasons)) {
      return;
    }
    lastStatus = status;
    if (TransientFailures.isRateLimit(status, reasons)) {
      refused++;
    } else {
      failedTransiently++;
    }
    Duration wait = TransientFailures.retryAfter(headers, error, now);
    if (wait != null && (asked == null || wait.compareTo(asked) > 0)) {
      asked = wait;
    }
  }

  /** "3 of 50 parts failing with HTTP 429". */
  String describe(int parts) {
    return (refused + failedTransiently)
        + " of "
        + parts
        + " parts failing with HTTP "
        + lastStatus;
  }
}
