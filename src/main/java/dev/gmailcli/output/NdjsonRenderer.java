package dev.gmailcli.output;

import com.google.gson.stream.JsonWriter;
import dev.gmailcli.gmail.ThreadSink;
import dev.gmailcli.gmail.ThreadSummary;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One compact JSON object per thread and line, flushed page by page. */
final class NdjsonRenderer implements ThreadSink {
  private final PrintWriter out;

  NdjsonRenderer(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void accept(ThreadSummary thread) {
    StringWriter line = new StringWriter(256);
    JsonWriter json = ThreadJson.writer(line, false);
    ThreadJson.write(json, thread);
    out.print(line);
    out.print('\n');
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
