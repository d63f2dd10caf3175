package dev.gmailcli.output;

import dev.gmailcli.gmail.ThreadSink;
import java.io.PrintWriter;

/**
 * A renderer that writes one line per thread as the threads arrive: output is flushed page by page,
 * and a closed stdout (as in {@code | head}) stops the listing.
 */
abstract class LineRenderer implements ThreadSink {
  protected final PrintWriter out;

  LineRenderer(PrintWriter out) {
    this.out = out;
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
