package dev.gmailcli.gmail;

import java.time.Instant;
import java.util.List;

/**
 * Metadata of a thread from threads.get (format=metadata).
 *
 * @param subject Subject of the thread's first message ("" when none)
 * @param from From of the thread's latest message ("" when none)
 * @param date when the latest message arrived, or null
 * @param messageCount messages in the thread
 * @param labelIds label ids of all its messages, in order of appearance
 */
public record ThreadDetails(
    String subject, String from, Instant date, int messageCount, List<String> labelIds) {

  public ThreadDetails {
    labelIds = List.copyOf(labelIds);
  }
}
