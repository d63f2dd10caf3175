package dev.gmailcli.app;

import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.output.StatusReport;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@code gmailcli status}: what the saved login holds, read from token.json alone. */
public final class StatusTask {
  private final CredentialStore store;
  private final Clock clock;

  public StatusTask(CredentialStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Reads the saved login; exit 3 when there is none. Makes no network call. */
  public StatusReport report() {
    StoredToken token = store.find().orElseThrow(() -> CredentialStore.notLoggedIn(store.file()));
    Instant now = clock.instant();
    boolean valid =
        token.token() != null
            && !token.token().isEmpty()
            && token.expiry() != null
            && token.expiry().isAfter(now);
    return new StatusReport(
        token.account() == null ? "" : token.account(),
        store.file().path(),
        token.clientId(),
        token.scopes() == null ? List.of() : token.scopes(),
        token.expiry(),
        valid,
        token.refreshToken() != null && !token.refreshToken().isEmpty(),
        now);
  }
}
