package dev.gmailcli.auth;

import dev.gmailcli.platform.BrowserOpener;
import dev.gmailcli.platform.Durations;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Tells the person logging in where to go and how the answer comes back: the consent URL always,
 * the browser opened on this machine unless --no-browser, and — when the browser may be on another
 * machine — how to paste back the address it ends on, or to forward the port over SSH.
 */
final class ConsentInstructions {
  private final PrintWriter err;
  private final BrowserOpener browser;

  ConsentInstructions(PrintWriter err, BrowserOpener browser) {
    this.err = err;
    this.browser = browser;
  }

  void show(String url, int port, LoginOptions options) {
    String redirect = "http://127.0.0.1:" + port + "/";
    String waiting = "Waiting up to " + Durations.describe(options.timeout());
    if (!options.openBrowser()) {
      err.println("To log in, open this URL in a browser on any machine and approve access:");
      err.println();
      err.println("  " + url);
      err.println();
      err.println("The browser then goes to " + redirect + "?state=…&code=… . On another machine");
      err.println(
          "that page fails to load, which is expected: copy its address from the address bar");
      err.println("and paste it here (only the code=… value is enough).");
      err.println(
          options.paste() == LoginOptions.Paste.PROMPT
              ? waiting + ". Paste the address, then press Enter:"
              : waiting + " for the address on standard input...");
      err.flush();
      return;
    }
    err.println("Log in to Gmail in your browser. If it does not open, visit this URL:");
    err.println();
    err.println("  " + url);
    err.println();
    err.flush();
    try {
      browser.open(url);
    } catch (IOException e) {
      err.println("Could not start a browser here (" + e.getMessage() + ").");
      err.println(
          "Open the URL above in a browser on this machine. From another machine,"
              + " forward the port first: ssh -L "
              + port
              + ":127.0.0.1:"
              + port
              + " <this-host>");
    }
    err.println(waiting + " for the browser...");
    if (options.paste() == LoginOptions.Paste.PROMPT) {
      err.println(
          "If the browser is on another machine, paste here the address it ends on ("
              + redirect
              + "?…), then press Enter.");
    }
    err.flush();
  }
}
