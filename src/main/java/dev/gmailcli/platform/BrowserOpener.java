package dev.gmailcli.platform;

import java.io.IOException;

/** Shows a URL to the person logging in. */
@FunctionalInterface
public interface BrowserOpener {
  /**
   * Starts opening {@code url} and returns without waiting for the browser.
   *
   * @throws IOException when no browser could be started
   */
  void open(String url) throws IOException;
}
