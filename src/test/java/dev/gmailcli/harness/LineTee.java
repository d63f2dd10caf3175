package dev.gmailcli.harness;

import java.io.Writer;
import java.util.function.Consumer;

/** Keeps everything written, and hands each completed line to an observer as it is written. */
final class LineTee extends Writer {
  private final StringBuffer all = new StringBuffer();
  private final StringBuilder line = new StringBuilder();
  private final Consumer<String> observer;

  LineTee(Consumer<String> observer) {
    this.observer = observer;
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    all.append(chars, offset, length);
    for (int i = offset; i < offset + length; i++) {
      if (chars[i] == '\n') {
        String done;
        synchronized (line) {
          done = line.toString();
          line.setLength(0);
        }
        observer.accept(done);
      } else {
        synchronized (line) {
          line.append(chars[i]);
        }
      }
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return all.toString();
  }
}
