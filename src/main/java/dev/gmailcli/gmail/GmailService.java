package dev.gmailcli.gmail;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import dev.gmailcli.http.Retrier;
import java.io.IOException;

/**
 * The generated Gmail client, pointed at the configured root URL, plus the calls gmailcli makes
 * outside thread listing.
 */
public final class GmailService {
  private final Gmail gmail;
  private final HttpRequestInitializer initializer;
  private final Retrier retrier;

  public GmailService(
      HttpTransport transport,
      String rootUrl,
      HttpRequestInitializer initializer,
      Retrier retrier,
      String applicationName) {
    this.initializer = initializer;
    this.retrier = retrier;
    this.gmail =
        new Gmail.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
            .setRootUrl(rootUrl)
            .setApplicationName(applicationName)
            .build();
  }

  Gmail client() {
    return gmail;
  }

  HttpRequestInitializer initializer() {
    return initializer;
  }

  Retrier retrier() {
    return retrier;
  }

  /** The mailbox's address (users.getProfile). */
  public String emailAddress() {
    try {
      return retrier
          .call("read the Gmail profile", () -> gmail.users().getProfile("me").execute())
          .getEmailAddress();
    } catch (IOException e) {
      throw GmailErrors.toCliException(e, "read the Gmail profile");
    }
  }
}
