package dev.gmailcli.output;

import com.google.gson.stream.JsonWriter;
import dev.gmailcli.gmail.ThreadSummary;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One compact JSON object per thread and line, flushed page by page. */
final class NdjsonRenderer extends LineRenderer {
  NdjsonRenderer(PrintWriter out) {
    super(out);
  }

  @Override
  public void accept(ThreadSummary thread) {
    StringWriter line = new StringWriter(256);
    JsonWriter json = ThreadJson.writer(line, false);
    ThreadJson.write(json, thread);
    out.print(line);
    out.print('\n');
  }
}
