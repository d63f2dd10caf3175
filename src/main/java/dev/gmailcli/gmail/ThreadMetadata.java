package dev.gmailcli.gmail;

import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePartHeader;
import com.google.api.services.gmail.model.Thread;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@link ThreadDetails} out of a threads.get (format=metadata) response: the subject of the
 * first message, the sender and arrival time of the latest one.
 */
final class ThreadMetadata {
  private ThreadMetadata() {}

  static ThreadDetails details(Thread thread) {
    List<Message> messages = thread.getMessages() == null ? List.of() : thread.getMessages();
    if (messages.isEmpty()) {
      return new ThreadDetails("", "", null, 0, List.of());
    }
    Message first = messages.get(0);
    Message last = messages.get(messages.size() - 1);
    Set<String> labels = new LinkedHashSet<>();
    for (Message message : messages) {
      if (message.getLabelIds() != null) {
        labels.addAll(message.getLabelIds());
      }
    }
    String subject = header(first, "Subject");
    if (subject.isEmpty()) {
      subject =
          messages.stream()
              .map(m -> header(m, "Subject"))
              .filter(s -> !s.isEmpty())
              .findFirst()
              .orElse("");
    }
    return new ThreadDetails(
        subject, header(last, "From"), date(last), messages.size(), List.copyOf(labels));
  }

  private static Instant date(Message message) {
    if (message.getInternalDate() != null) {
      return Instant.ofEpochMilli(message.getInternalDate());
    }
    String header = header(message, "Date");
    try {
      return header.isEmpty()
          ? null
          : ZonedDateTime.parse(
                  header.replaceAll("\\s*\\(.*\\)$", ""), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String header(Message message, String name) {
    if (message.getPayload() == null || message.getPayload().getHeaders() == null) {
      return "";
    }
    for (MessagePartHeader header : message.getPayload().getHeaders()) {
      if (name.equalsIgnoreCase(header.getName()) && header.getValue() != null) {
        return header.getValue();
      }
    }
    return "";
  }
}
