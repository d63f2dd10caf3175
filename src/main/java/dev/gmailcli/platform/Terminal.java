package dev.gmailcli.platform;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which standard streams are attached to a terminal, and its width. Decides whether gmailcli may
 * start an interactive login (stdin), how it formats output (stdout) and whether it shows progress
 * (stderr).
 *
 * @param stdinInteractive stdin is a terminal (a person is there to log in)
 * @param stdoutTerminal stdout is a terminal (a person reads the output)
 * @param stderrTerminal stderr is a terminal (progress may be drawn)
 * @param columns terminal width in columns
 */
public record Terminal(
    boolean stdinInteractive, boolean stdoutTerminal, boolean stderrTerminal, int columns) {

  /** No terminal at all, as under cron. */
  public static Terminal none() {
    return new Terminal(false, false, false, 80);
  }

  /**
   * Detects the terminal. The launcher script passes what the shell's {@code [ -t N ]} saw in
   * {@code gmailcli.tty} (e.g. "012") and the width in {@code gmailcli.columns}; without the
   * launcher, Linux's /proc tells, and {@link System#console()} is the last resort.
   */
  static Terminal detect(Map<String, String> env) {
    String tty = System.getProperty("gmailcli.tty");
    boolean in;
    boolean out;
    boolean err;
    if (tty != null) {
      in = tty.contains("0");
      out = tty.contains("1");
      err = tty.contains("2");
    } else if (Files.isDirectory(Path.of("/proc/self/fd"))) {
      in = isTty(0);
      out = isTty(1);
      err = isTty(2);
    } else {
      Console console = System.console();
      in = console != null;
      out = console != null;
      err = console != null;
    }
    return new Terminal(in, out, err, columns(System.getProperty("gmailcli.columns"), env));
  }

  private static boolean isTty(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  static int columns(String fromLauncher, Map<String, String> env) {
    for (String candidate : new String[] {fromLauncher, env.get("COLUMNS")}) {
      if (candidate != null && candidate.trim().matches("\\d{1,4}")) {
        int value = Integer.parseInt(candidate.trim());
        if (value >= 20) {
          return value;
        }
      }
    }
    return 80;
  }
}
