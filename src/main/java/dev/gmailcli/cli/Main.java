package dev.gmailcli.cli;

import dev.gmailcli.platform.Env;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The process entry point: the real environment, the exit code, and nothing else. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    silenceLibraryLogging();
    System.exit(Cli.run(Env.system(), args));
  }

  // Google's libraries log through java.util.logging (and at CONFIG would log request bodies
  // holding secrets); gmailcli reports problems itself. JVM-wide, so only the process entry sets
  // it.
  private static void silenceLibraryLogging() {
    Logger root = Logger.getLogger("");
    root.setLevel(Level.OFF);
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
  }
}
