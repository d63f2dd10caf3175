package dev.gmailcli.output;

import dev.gmailcli.gmail.ThreadSink;
import java.io.PrintWriter;

/**
 * A renderer that writes one line per thread as the threads arrive: output is flushed after each
 * batch of details and each page, and a closed stdout (as in {@code | head}) stops the listing.
 */
abstract class LineRenderer implements ThreadSink {
  protected final PrintWriter out;

  LineRenderer(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void batchDone(int listedSoFar, Long resultSizeEstimate) {
    out.flush();
  }

  @Override
  public void pageDone(int listedSoFar, Long resultSizeEstimate, boolean morePages) {
    out.flush();
  }

  @Override
  public boolean wantsMore() {
    return !out.checkError();
  }

  @Override
  public void end(String nextPageToken, Long resultSizeEstimate) {
    out.flush();
  }
}
