package dev.gmailcli.app;

import dev.gmailcli.GmailCliException;
import dev.gmailcli.auth.ClientSecrets;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.StoredToken;
import java.time.Duration;
import java.util.List;

/**
 * {@code gmailcli login}: read credentials.json, run the browser flow, learn which account logged
 * in, and save token.json.
 */
public final class LoginTask {
  /** Read-only Gmail access, the scope gmailcli asks for unless told otherwise. */
  public static final List<String> DEFAULT_SCOPES =
      List.of("https://www.googleapis.com/auth/gmail.readonly");

  /** How long the login waits for the browser unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final Services services;

  public LoginTask(Services services) {
    this.services = services;
  }

  /** Logs in, saves the login, tells the user which account and where, and returns it. */
  public StoredToken run(List<String> scopes, int port, Duration timeout) {
    ClientSecrets client = ClientSecrets.read(services.locations().credentials());
    if (!client.desktopApp()) {
      services
          .warnings()
          .accept(
              services.locations().credentials()
                  + " holds a Web application client; if Google"
                  + " answers redirect_uri_mismatch, create a client of type \"Desktop app\" instead");
    }
    StoredToken token = services.loginFlow().login(client, scopes, port, timeout);
    CredentialStore store = services.credentialStore();
    token = token.withAccount(accountOf(store, token));
    store.save(token);
    String who = token.account().isEmpty() ? "Gmail" : token.account();
    services.env().err().println("Logged in as " + who + ".");
    services.env().err().println("Login saved to " + store.file().path());
    return token;
  }

  // The address is a convenience: a login whose scopes cannot read the profile is still kept.
  private String accountOf(CredentialStore store, StoredToken token) {
    try {
      return services.gmail(store.authorize(token)).emailAddress();
    } catch (GmailCliException e) {
      services
          .warnings()
          .accept("logged in, but could not read the account's address: " + e.getMessage());
      return "";
    }
  }

  /** Expands short scope names: "gmail.modify" → "https://www.googleapis.com/auth/gmail.modify". */
  public static String expandScope(String scope) {
    String value = scope.trim();
    if (value.contains(":")
        || value.equals("openid")
        || value.equals("email")
        || value.equals("profile")) {
      return value;
    }
    if (value.equals("mail.google.com") || value.equals("mail.google.com/")) {
      return "https://mail.google.com/";
    }
    return "https://www.googleapis.com/auth/" + value;
  }
}
