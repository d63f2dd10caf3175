package dev.gmailcli.auth;

import java.time.Duration;

/**
 * How a login reaches the person and how their answer comes back.
 *
 * @param port the loopback listener's port, 0 for a free one
 * @param timeout how long to wait for the answer
 * @param openBrowser open the consent page in a browser on this machine
 * @param paste whether the answer may also be pasted on standard input
 */
public record LoginOptions(int port, Duration timeout, boolean openBrowser, Paste paste) {

  /** Reading a pasted redirect address (or code) from standard input, beside the listener. */
  public enum Paste {
    /** Only the listener answers (stdin is not a terminal, and the browser is on this machine). */
    NONE,
    /** A person at a terminal may paste; they are asked to, and asked again after a mistake. */
    PROMPT,
    /** A script pipes the address in: lines are read without prompting. */
    PIPE
  }
}
