package dev.gmailcli.app;

import dev.gmailcli.GmailCliException;
import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.auth.ServiceAccountKey;
import dev.gmailcli.auth.ServiceAccountLogin;
import dev.gmailcli.gmail.GmailService;
import dev.gmailcli.platform.AtomicFiles;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The mailbox a Workspace service account acts for. Before any work, {@code users.getProfile} must
 * name the subject: a delegation Google silently ignored would otherwise read the wrong mailbox.
 */
public final class ServiceAccountAccess implements MailboxAccess {
  private final Function<ServiceAccountKey, ServiceAccountLogin> login;
  private final ServiceAccountKey key;
  private final Function<GmailAuthorization, GmailService> gmail;
  private final Consumer<String> warnings;
  private ServiceAccountLogin opened;

  /**
   * @param key the service account's key (read and checked)
   * @param login makes the delegated credentials from the key
   * @param gmail opens Gmail with them, for the mailbox check
   * @param warnings where a key readable by others is reported
   */
  public ServiceAccountAccess(
      ServiceAccountKey key,
      Function<ServiceAccountKey, ServiceAccountLogin> login,
      Function<GmailAuthorization, GmailService> gmail,
      Consumer<String> warnings) {
    this.key = key;
    this.login = login;
    this.gmail = gmail;
    this.warnings = warnings;
  }

  @Override
  public GmailAuthorization open() {
    if (opened == null) {
      String mode = AtomicFiles.looseMode(key.file());
      if (mode != null) {
        warnings.accept(
            key.file()
                + " can be read or written by others (mode "
                + mode
                + "), and whoever can read it can read the mailboxes it is allowed; run `chmod 600 "
                + key.file()
                + "`");
      }
      ServiceAccountLogin candidate = login.apply(key);
      String seen = gmail.apply(candidate).emailAddress();
      if (!seen.toLowerCase(Locale.ROOT).equals(candidate.account().toLowerCase(Locale.ROOT))) {
        throw GmailCliException.refused(
            "Gmail answered for the mailbox of "
                + seen
                + ", not "
                + candidate.account()
                + ": the delegation did not take effect, so nothing was read",
            "check --subject and the domain-wide delegation of client ID "
                + key.clientId()
                + " in the Google Workspace Admin console",
            null);
      }
      opened = candidate;
    }
    return opened;
  }

  // open() already made the one cheap call, users.getProfile
  @Override
  public GmailAuthorization openAndProve() {
    return open();
  }
}
