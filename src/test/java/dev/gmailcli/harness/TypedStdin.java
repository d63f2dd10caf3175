package dev.gmailcli.harness;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Standard input that a test types into while gmailcli runs: {@link #read()} blocks until a line is
 * typed or the input is closed, as a terminal's would.
 */
public final class TypedStdin extends InputStream {
  private static final int END = -1;
  private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  /** Types {@code line} and Enter. */
  public void type(String line) {
    for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) {
      bytes.add(b & 0xff);
    }
  }

  /** Ends the input (Ctrl-D): a blocked read returns end of file. */
  @Override
  public void close() {
    closed = true;
    bytes.add(END);
  }

  @Override
  public int read() {
    try {
      while (true) {
        Integer next = bytes.poll(100, TimeUnit.MILLISECONDS);
        if (next != null) {
          if (next == END) {
            bytes.add(END); // stays at end of file
          }
          return next;
        }
        if (closed && bytes.isEmpty()) {
          return END;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return END;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int first = read();
    if (first == END) {
      return END;
    }
    buffer[offset] = (byte) first;
    int count = 1;
    while (count < length && !bytes.isEmpty() && bytes.peek() != END) {
      buffer[offset + count++] = (byte) (int) bytes.poll();
    }
    return count;
  }
}
