package dev.gmailcli.auth;

import dev.gmailcli.platform.ConsoleLines;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the answer to a login from standard input, for a browser on another machine: the address
 * the browser ended on after consent ({@code http://127.0.0.1:PORT/?state=…&code=…}, a page that
 * fails to load there), or only its {@code code}. A pasted address must carry this login's {@code
 * state}, as a redirect to the listener must; a wrong or unreadable paste is refused with a reason
 * and the next line is read. Runs beside the loopback listener: the first valid answer wins.
 */
final class RedirectPaste implements Runnable {
  // Google's codes look like "4/0AVG7fiQ…": no spaces, no quotes, and never a URL by themselves.
  private static final Pattern BARE_CODE = Pattern.compile("[A-Za-z0-9/_.~%+-]{10,2048}");

  /** How often the reader looks whether the listener answered meanwhile. */
  private static final Duration LOOK = Duration.ofMillis(200);

  private final ConsoleLines lines;
  private final String expectedState;
  private final Predicate<AuthorizationCallback> deliver;
  private final BooleanSupplier answered;
  private final PrintWriter err;
  private final boolean prompt;

  /**
   * @param deliver hands a valid answer to the login (false when one had already arrived)
   * @param answered true once the login has its answer (from here or from the listener)
   * @param err where refusals (and, at a terminal, the prompt) are written
   * @param prompt a person is typing: ask again after a refusal
   */
  RedirectPaste(
      ConsoleLines lines,
      String expectedState,
      Predicate<AuthorizationCallback> deliver,
      BooleanSupplier answered,
      PrintWriter err,
      boolean prompt) {
    this.lines = lines;
    this.expectedState = expectedState;
    this.deliver = deliver;
    this.answered = answered;
    this.err = err;
    this.prompt = prompt;
  }

  /** Starts reading on a daemon thread, beside the listener. */
  void start() {
    Thread reader = new Thread(this, "gmailcli-paste");
    reader.setDaemon(true);
    reader.start();
  }

  // Stops taking lines as soon as the login has an answer, so that a later question (e.g. a
  // confirmation) gets the next line typed.
  @Override
  public void run() {
    while (!answered.getAsBoolean() && !lines.ended()) {
      String line = lines.next(LOOK).orElse(null);
      if (line != null && answered.getAsBoolean()) {
        lines.unread(line); // the listener answered meanwhile: the line is for someone else
        return;
      }
      String pasted = line == null ? "" : line.strip();
      if (pasted.isEmpty()) {
        continue;
      }
      AuthorizationCallback callback = interpret(pasted);
      if (callback instanceof AuthorizationCallback.Foreign foreign) {
        refuse(foreign);
      } else {
        deliver.test(callback);
        return;
      }
    }
  }

  AuthorizationCallback interpret(String pasted) {
    boolean address = pasted.contains("://") || pasted.contains("=") || pasted.startsWith("?");
    if (!address) {
      return BARE_CODE.matcher(pasted).matches()
          ? new AuthorizationCallback.Code(pasted)
          : new AuthorizationCallback.Foreign("neither an address nor a code");
    }
    String url = pasted.contains("://") ? pasted : "http://127.0.0.1/" + pasted;
    return AuthorizationCallback.parseUrl(url, expectedState);
  }

  private void refuse(AuthorizationCallback.Foreign foreign) {
    if (answered.getAsBoolean()) {
      return;
    }
    String reason =
        switch (foreign.reason()) {
          case "state does not match this login" ->
              "That address belongs to another login attempt (its state does not match this one)."
                  + " Paste the address from the consent page of this login.";
          case "no state parameter" ->
              "That address has no state parameter; paste the whole address from the browser's"
                  + " address bar.";
          default ->
              "That is neither the address the browser ended on nor a code; paste the whole"
                  + " address from the browser's address bar.";
        };
    err.println(reason);
    if (prompt) {
      err.println("Paste the address, then press Enter:");
    }
    err.flush();
  }
}
