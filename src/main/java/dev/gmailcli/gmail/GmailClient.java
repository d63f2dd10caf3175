package dev.gmailcli.gmail;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.ClassInfo;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Profile;
import com.google.api.services.gmail.model.Thread;

/**
 * The generated Gmail client, pointed at the configured root URL, made on first use: a listing of
 * threads alone never needs it (see {@link ThreadsListCall}).
 */
public final class GmailClient {
  private final HttpTransport transport;
  private final String rootUrl;
  private final HttpRequestInitializer initializer;
  private final String applicationName;
  private Gmail gmail;

  /**
   * @param rootUrl Gmail's root URL, ending in {@code /}
   * @param initializer authorizes each request (see {@code GmailAuthorization})
   * @param applicationName the start of the User-Agent
   */
  public GmailClient(
      HttpTransport transport,
      String rootUrl,
      HttpRequestInitializer initializer,
      String applicationName) {
    this.transport = transport;
    this.rootUrl = rootUrl;
    this.initializer = initializer;
    this.applicationName = applicationName;
  }

  /**
   * Does ahead the one-time reflection google-http-client does on the first request and response of
   * each kind (it inspects every request and model class once), so that a command's first call
   * through the client does not wait for it. Safe to run on any thread, beside a command.
   */
  public static void prepare() {
    ClassInfo.of(Thread.class);
    ClassInfo.of(Gmail.Users.GetProfile.class);
    ClassInfo.of(Profile.class);
  }

  synchronized Gmail get() {
    if (gmail == null) {
      gmail =
          new Gmail.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
              .setRootUrl(rootUrl)
              .setApplicationName(applicationName)
              .build();
    }
    return gmail;
  }

  /** What authorizes each request, batch parts included. */
  HttpRequestInitializer initializer() {
    return initializer;
  }
}
