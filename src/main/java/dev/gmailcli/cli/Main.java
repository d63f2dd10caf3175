package dev.gmailcli.cli;

import dev.gmailcli.platform.Env;

/** The process entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(Env.system(), args));
  }
}
