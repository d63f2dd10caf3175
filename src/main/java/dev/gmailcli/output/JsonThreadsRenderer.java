package dev.gmailcli.output;

import com.google.gson.stream.JsonWriter;
import dev.gmailcli.gmail.ThreadSink;
import dev.gmailcli.gmail.ThreadSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * One JSON document in the shape of Gmail's ListThreadsResponse, all pages merged into {@code
 * threads} ({@code []} when there are none), {@code nextPageToken} only when more remain. Written
 * as the threads arrive, so memory stays flat.
 */
final class JsonThreadsRenderer implements ThreadSink {
  private final PrintWriter out;
  private final JsonWriter json;
  private boolean started;

  JsonThreadsRenderer(PrintWriter out) {
    this.out = out;
    this.json = ThreadJson.writer(out, true);
  }

  private void start() {
    if (!started) {
      started = true;
      try {
        json.beginObject();
        json.name("threads").beginArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void accept(ThreadSummary thread) {
    start();
    ThreadJson.write(json, thread);
  }

  @Override
  public void pageDone(int listedSoFar, Long resultSizeEstimate, boolean morePages) {
    try {
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean wantsMore() {
    return !out.checkError();
  }

  @Override
  public void end(String nextPageToken, Long resultSizeEstimate) {
    start();
    try {
      json.endArray();
      if (nextPageToken != null) {
        json.name("nextPageToken").value(nextPageToken);
      }
      if (resultSizeEstimate != null) {
        json.name("resultSizeEstimate").value(resultSizeEstimate);
      }
      json.endObject();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
