package dev.gmailcli.output;

import dev.gmailcli.gmail.ThreadSink;
import dev.gmailcli.gmail.ThreadSummary;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Draws a one-line progress indicator on a terminal's stderr while a listing spans several pages.
 * Warnings are printed on lines of their own, the line is cleared at the end or when the listing
 * fails, and everything else is passed on to the real sink.
 */
public final class ProgressSink implements ThreadSink {
  private static final String CLEAR = "\r\033[K";

  private final ThreadSink delegate;
  private final PrintWriter err;
  private final Consumer<String> warnings;
  private String drawn;

  /**
   * @param delegate the sink that renders the listing
   * @param err the terminal's stderr
   * @param warnings prints a warning line
   */
  public ProgressSink(ThreadSink delegate, PrintWriter err, Consumer<String> warnings) {
    this.delegate = delegate;
    this.err = err;
    this.warnings = warnings;
  }

  @Override
  public void accept(ThreadSummary thread) {
    delegate.accept(thread);
  }

  @Override
  public void pageDone(int listedSoFar, Long resultSizeEstimate, boolean morePages) {
    delegate.pageDone(listedSoFar, resultSizeEstimate, morePages);
    if (morePages) {
      String of = resultSizeEstimate == null ? "" : " of about " + resultSizeEstimate;
      drawn = "listing threads: " + listedSoFar + of + "...";
      err.print(CLEAR + drawn);
      err.flush();
    }
  }

  @Override
  public boolean wantsMore() {
    return delegate.wantsMore();
  }

  /** Prints a warning on its own line, then draws the progress again. */
  public void warn(String message) {
    String line = drawn;
    clear();
    warnings.accept(message);
    if (line != null) {
      drawn = line;
      err.print(drawn);
      err.flush();
    }
  }

  /** Removes the progress line, if one is drawn (also when the listing fails). */
  public void clear() {
    if (drawn != null) {
      err.print(CLEAR);
      err.flush();
      drawn = null;
    }
  }

  @Override
  public void end(String nextPageToken, Long resultSizeEstimate) {
    clear();
    delegate.end(nextPageToken, resultSizeEstimate);
  }
}
