package dev.gmailcli.app;

import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.auth.TokenFile;
import dev.gmailcli.auth.TokenRevoker;
import java.util.Optional;

/**
 * {@code gmailcli logout}: revoke the grant at Google, then delete token.json. When Google cannot
 * be reached the file is kept, so logging out can be tried again.
 */
public final class LogoutTask {
  /** What happened. */
  public enum Result {
    /** There was no saved login. */
    NOT_LOGGED_IN,
    /** Google revoked the grant; the file is deleted. */
    REVOKED,
    /** Google no longer knew the token; the file is deleted all the same. */
    ALREADY_INVALID,
    /** The file held no token to revoke; it is deleted. */
    NOTHING_TO_REVOKE
  }

  private final CredentialStore store;
  private final TokenRevoker revoker;

  public LogoutTask(CredentialStore store, TokenRevoker revoker) {
    this.store = store;
    this.revoker = revoker;
  }

  /** The saved login's file. */
  public TokenFile file() {
    return store.file();
  }

  public Result run() {
    Optional<StoredToken> saved = store.find();
    if (saved.isEmpty()) {
      return Result.NOT_LOGGED_IN;
    }
    StoredToken token = saved.get();
    String revocable = notEmpty(token.refreshToken()) ? token.refreshToken() : token.token();
    Result result;
    if (!notEmpty(revocable)) {
      result = Result.NOTHING_TO_REVOKE;
    } else {
      TokenRevoker.Outcome outcome = revoker.revoke(revocable);
      result = outcome == TokenRevoker.Outcome.REVOKED ? Result.REVOKED : Result.ALREADY_INVALID;
    }
    store.delete();
    return result;
  }

  private static boolean notEmpty(String value) {
    return value != null && !value.isEmpty();
  }
}
