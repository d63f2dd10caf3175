package dev.gmailcli.cli;

import dev.gmailcli.gmail.GmailClient;
import dev.gmailcli.output.ThreadFormat;
import dev.gmailcli.platform.Env;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/** The process entry point: the real environment, the exit code, and nothing else. */
public final class Main {
  private static final String LOGGING_CONFIG_CLASS = "java.util.logging.config.class";

  private Main() {}

  public static void main(String[] args) {
    silenceLibraryLogging();
    // A command that talks to Google gets one-time work done on the network thread while it
    // starts: the JSON writer's, and (once it says it will use the generated client) the client's.
    boolean network = Subcommands.useNetwork(args);
    Env env =
        network ? Env.system(ThreadFormat::prepare, GmailClient::prepare) : Env.system(null, null);
    System.exit(Cli.run(env, args));
  }

  // Google's libraries log through java.util.logging (and at CONFIG would log request bodies
  // holding secrets); gmailcli reports problems itself. JVM-wide, so only the process entry sets
  // it. Through the configuration class, java.util.logging starts only if a library uses it, and
  // then silent from its first moment; commands that use no such library never load it.
  private static void silenceLibraryLogging() {
    if (System.getProperty(LOGGING_CONFIG_CLASS) == null) {
      System.setProperty(LOGGING_CONFIG_CLASS, Silence.class.getName());
    }
  }

  /** java.util.logging's configuration: no handlers, every level off. */
  public static final class Silence {
    /** Called by {@link LogManager} when it starts. */
    public Silence() throws IOException {
      LogManager.getLogManager()
          .readConfiguration(
              new ByteArrayInputStream(".level=OFF\nhandlers=\n".getBytes(StandardCharsets.UTF_8)));
    }
  }
}
