package dev.gmailcli.output;

import dev.gmailcli.gmail.ThreadSink;
import java.io.PrintWriter;
import java.time.Clock;

/** The output formats of {@code gmailcli threads}. */
public enum ThreadFormat {
  /** Aligned columns for a person at a terminal. */
  TABLE,
  /** Tab-separated lines for scripts. */
  TSV,
  /** One document in Gmail's ListThreadsResponse shape. */
  JSON,
  /** One JSON object per thread and line, streamed. */
  NDJSON;

  /**
   * Does ahead the one-time set-up of the JSON writer (for json and ndjson listings, and for the
   * token file), so that a listing does not wait for it. Safe to run on any thread, beside a
   * command.
   */
  public static void prepare() {
    ThreadJson.prepare();
  }

  /** Whether this format shows details unless told otherwise. */
  public boolean detailsByDefault() {
    return this == TABLE || this == TSV;
  }

  /** A sink that renders a listing in this format. */
  public ThreadSink sink(PrintWriter out, Clock clock, int columns) {
    return switch (this) {
      case TABLE -> new TableRenderer(out, clock, columns);
      case TSV -> new TsvRenderer(out);
      case JSON -> new JsonThreadsRenderer(out);
      case NDJSON -> new NdjsonRenderer(out);
    };
  }
}
