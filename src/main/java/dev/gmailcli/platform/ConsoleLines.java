package dev.gmailcli.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * The lines a person types on standard input, shared by everything in one run that asks (a pasted
 * login answer, then a confirmation): one daemon thread reads stdin, so a line is never swallowed
 * by a reader that no longer wants it, and a blocked read never keeps the JVM alive.
 */
public final class ConsoleLines {
  private static final String END = new String("end of input");

  private final InputStream in;
  private final LinkedBlockingDeque<String> lines = new LinkedBlockingDeque<>();
  private boolean started;
  private volatile boolean ended;

  public ConsoleLines(InputStream in) {
    this.in = in;
  }

  /**
   * The next line typed, waiting up to {@code wait}; empty when none came in time, or at the end of
   * the input (see {@link #ended()}).
   */
  public Optional<String> next(Duration wait) {
    start();
    try {
      String line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
      if (line == END) {
        ended = true;
        lines.add(END); // the end stays the end for later readers
        return Optional.empty();
      }
      return Optional.ofNullable(line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Gives back a line taken by a reader that turned out not to want it: the next one gets it. */
  public void unread(String line) {
    lines.addFirst(line);
  }

  /** True once the input has ended (or cannot be read). */
  public boolean ended() {
    return ended;
  }

  private synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    Thread reader = new Thread(this::readAll, "gmailcli-stdin");
    reader.setDaemon(true);
    reader.start();
  }

  private void readAll() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      // unreadable stdin counts as its end
    } finally {
      lines.add(END);
    }
  }
}
