package dev.gmailcli.gmail;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a users.threads.list response with a streaming reader. The generated model classes would do
 * the same through google-http-client's reflection over every model class, which costs a one-shot
 * command more than the call itself; fields gmailcli does not use are skipped.
 */
final class ThreadsPageJson {
  private ThreadsPageJson() {}

  /**
   * @throws IllegalStateException when the answer is not JSON of the documented shape
   * @throws IOException when reading it fails
   */
  static ThreadsPage read(Reader json) throws IOException {
    try (JsonReader reader = new JsonReader(json)) {
      try {
        return read(reader);
      } catch (IllegalStateException | NumberFormatException | MalformedJsonException e) {
        throw new IllegalStateException(
            "Gmail's users.threads.list answer does not have the documented shape (at "
                + reader.getPath()
                + ")",
            e);
      }
    }
  }

  private static ThreadsPage read(JsonReader reader) throws IOException {
    List<ThreadSummary> threads = new ArrayList<>();
    String nextPageToken = null;
    Long resultSizeEstimate = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "threads" -> readThreads(reader, threads);
        case "nextPageToken" -> nextPageToken = nullableString(reader);
        case "resultSizeEstimate" -> resultSizeEstimate = nullableLong(reader);
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    return new ThreadsPage(threads, nextPageToken, resultSizeEstimate);
  }

  private static void readThreads(JsonReader reader, List<ThreadSummary> threads)
      throws IOException {
    if (reader.peek() == JsonToken.NULL) {
      reader.nextNull();
      return;
    }
    reader.beginArray();
    while (reader.hasNext()) {
      threads.add(readThread(reader));
    }
    reader.endArray();
  }

  private static ThreadSummary readThread(JsonReader reader) throws IOException {
    String id = null;
    String snippet = null;
    String historyId = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "id" -> id = nullableString(reader);
        case "snippet" -> snippet = nullableString(reader);
        case "historyId" -> historyId = nullableString(reader);
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    return new ThreadSummary(id, snippet, historyId, null);
  }

  // Gmail sends 64-bit numbers such as historyId as JSON strings; nextString accepts either form
  private static String nullableString(JsonReader reader) throws IOException {
    if (reader.peek() == JsonToken.NULL) {
      reader.nextNull();
      return null;
    }
    return reader.nextString();
  }

  private static Long nullableLong(JsonReader reader) throws IOException {
    if (reader.peek() == JsonToken.NULL) {
      reader.nextNull();
      return null;
    }
    return reader.nextLong();
  }
}
