package dev.gmailcli.auth;

import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * What Google's refusals mean for a service account acting for a user: {@code unauthorized_client}
 * is the missing domain-wide delegation, which only a Workspace administrator can grant, and {@code
 * invalid_grant} a subject, key or clock Google does not accept.
 */
final class ServiceAccountErrors {
  private ServiceAccountErrors() {}

  static GmailCliException toCliException(
      IOException failure,
      ServiceAccountKey key,
      String subject,
      List<String> scopes,
      Instant now) {
    String what = "get an access token for " + key.clientEmail() + " acting for " + subject;
    OAuthErrorBody body = OAuthErrorBody.of(failure);
    // A JWT grant carries no client secret, so its 401 is the missing delegation; the JDK drops
    // the body of a 401 to a POST, so the status alone has to tell.
    boolean unauthorized =
        "unauthorized_client".equals(body.error())
            || (body.status() == 401 && body.error() == null);
    if (unauthorized) {
      return GmailCliException.loginRequired(
          "Google does not let service account "
              + key.clientEmail()
              + " act for "
              + subject
              + " (unauthorized_client): domain-wide delegation is not granted for these scopes",
          "a Google Workspace administrator must allow client ID "
              + (key.clientId().isEmpty() ? "(see the key's client_id)" : key.clientId())
              + " the scopes "
              + String.join(",", scopes)
              + " in the Admin console: Security > Access and data control > API controls >"
              + " Domain-wide delegation > Add new",
          failure);
    }
    GmailCliException general = OAuthErrors.toCliException(failure, what, now, null);
    if ("invalid_grant".equals(body.error()) && general.exitCode() != ExitCode.CONFIG) {
      return GmailCliException.config(
          "Google refused the service account's assertion to "
              + what
              + ": invalid_grant"
              + body.described(),
          "check that "
              + subject
              + " is a user of the Workspace domain, that the key is still active (Google Cloud"
              + " console > IAM & Admin > Service accounts > Keys), and that this computer's clock"
              + " is right",
          failure);
    }
    return general;
  }
}
