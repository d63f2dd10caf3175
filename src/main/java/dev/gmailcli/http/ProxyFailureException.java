package dev.gmailcli.http;

import java.io.IOException;

/**
 * A request failed because of the proxy it went through: it cannot be reached, or it refused
 * gmailcli. The message names the proxy (never its password).
 */
public final class ProxyFailureException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean worthRetrying;

  public ProxyFailureException(String message, boolean worthRetrying, Throwable cause) {
    super(message, cause);
    this.worthRetrying = worthRetrying;
  }

  /** False when trying again cannot help (the proxy refused the credentials). */
  public boolean worthRetrying() {
    return worthRetrying;
  }
}
