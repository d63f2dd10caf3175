package dev.gmailcli.auth;

import com.google.api.client.http.HttpRequestInitializer;
import dev.gmailcli.http.AccessTokens;

/**
 * Role: what authorizes Gmail API requests for one mailbox, whatever the kind of credential. A
 * saved user login ({@link SavedLogin}) is the one kind today; a Workspace service account acting
 * for a user fits behind the same interface.
 */
public interface GmailAuthorization extends AccessTokens {
  /** The mailbox's address, or "" when not known. */
  String account();

  /**
   * Adds credentials, timeouts and a one-time refresh-and-retry on 401 to each request. Refreshes
   * before a request when the access token is about to expire, and saves what it refreshed.
   */
  HttpRequestInitializer requestInitializer();
}
