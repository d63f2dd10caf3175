package dev.gmailcli;

import com.google.api.services.gmail.GmailScopes;
import java.util.List;

/** The OAuth scopes gmailcli asks for and accepts, from the Gmail client's own constants. */
public final class Scopes {
  /** Read-only Gmail access: what {@code gmailcli login} asks for unless told otherwise. */
  public static final String DEFAULT = GmailScopes.GMAIL_READONLY;

  /** Any one of these lets gmailcli read threads. */
  public static final List<String> READ_ANY =
      List.of(GmailScopes.GMAIL_READONLY, GmailScopes.GMAIL_MODIFY, GmailScopes.MAIL_GOOGLE_COM);

  private static final String PREFIX = "https://www.googleapis.com/auth/";

  private Scopes() {}

  /** Expands short names: "gmail.modify" → "https://www.googleapis.com/auth/gmail.modify". */
  public static String expand(String scope) {
    String value = scope.trim();
    if (value.contains(":")
        || value.equals("openid")
        || value.equals("email")
        || value.equals("profile")) {
      return value;
    }
    if (value.equals("mail.google.com") || value.equals("mail.google.com/")) {
      return GmailScopes.MAIL_GOOGLE_COM;
    }
    return PREFIX + value;
  }
}
