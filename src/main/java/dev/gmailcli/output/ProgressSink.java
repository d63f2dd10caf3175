package dev.gmailcli.output;

import dev.gmailcli.gmail.ThreadSink;
import dev.gmailcli.gmail.ThreadSummary;
import java.io.PrintWriter;

/**
 * Draws a one-line progress indicator on a terminal's stderr while a listing spans several
 * pages, and clears it at the end. Passes everything on to the real sink.
 */
public final class ProgressSink implements ThreadSink {
  private final ThreadSink delegate;
  private final PrintWriter err;
  private boolean drawn;

  public ProgressSink(ThreadSink delegate, PrintWriter err) {
    this.delegate = delegate;
    this.err = err;
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
      err.print("\r\033[Klisting threads: " + listedSoFar + of + "...");
      err.flush();
      drawn = true;
    }
  }

  @Override
  public boolean wantsMore() {
    return delegate.wantsMore();
  }

  @Override
  public void end(String nextPageToken, Long resultSizeEstimate) {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
    }
    delegate.end(nextPageToken, resultSizeEstimate);
  }
}
