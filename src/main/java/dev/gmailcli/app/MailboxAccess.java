package dev.gmailcli.app;

import dev.gmailcli.auth.GmailAuthorization;

/**
 * How a run gets at the mailbox it works on: a saved user login ({@link SavedLoginAccess}) or a
 * Workspace service account acting for a user ({@link ServiceAccountAccess}).
 */
public interface MailboxAccess {
  /** The authorization for Gmail requests, ready to use. */
  GmailAuthorization open();

  /**
   * The same, after one cheap Gmail call ({@code users.getProfile}, 1 quota unit) proved that it
   * works right now. Never offers a login.
   */
  GmailAuthorization openAndProve();
}
