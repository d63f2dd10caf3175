package dev.gmailcli.output;

import dev.gmailcli.gmail.ThreadSink;
import dev.gmailcli.gmail.ThreadSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Draws a one-line progress indicator on a terminal's stderr while a listing spans several pages or
 * batches of details, saying so when gmailcli waits for Gmail's rate limit. Warnings are printed on
 * lines of their own, the line is cleared at the end or when the listing fails, and everything else
 * is passed on to the real sink.
 */
public final class ProgressSink implements ThreadSink {
  private static final String CLEAR = "\r\033[K";
  // shorter waits come and go too fast to read
  private static final Duration WORTH_SAYING = Duration.ofSeconds(1);

  private final ThreadSink delegate;
  private final PrintWriter err;
  private final Consumer<String> warnings;
  private String status = "listing threads...";
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
  public void batchDone(int listedSoFar, Long resultSizeEstimate) {
    delegate.batchDone(listedSoFar, resultSizeEstimate);
    count(listedSoFar, resultSizeEstimate);
    draw(status);
  }

  @Override
  public void pageDone(int listedSoFar, Long resultSizeEstimate, boolean morePages) {
    delegate.pageDone(listedSoFar, resultSizeEstimate, morePages);
    if (morePages) {
      count(listedSoFar, resultSizeEstimate);
      draw(status);
    }
  }

  /** The next Gmail call waits {@code wait}: say so when it is long enough to notice. */
  public void waiting(Duration wait, boolean rateLimit) {
    if (wait.compareTo(WORTH_SAYING) >= 0) {
      draw(
          status
              + (rateLimit
                  ? " waiting for Gmail's rate limit"
                  : " retrying in " + Math.round(wait.toMillis() / 1000.0) + " s"));
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
      draw(line);
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

  private void count(int listedSoFar, Long resultSizeEstimate) {
    String of = resultSizeEstimate == null ? "" : " of about " + resultSizeEstimate;
    status = "listing threads: " + listedSoFar + of + "...";
  }

  private void draw(String line) {
    drawn = line;
    err.print(CLEAR + drawn);
    err.flush();
  }
}
