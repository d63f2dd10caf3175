package dev.gmailcli.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which cursor of {@code threads --new}: one per mailbox and filter, or one named by {@code
 * --cursor NAME} so that two jobs with the same filter do not consume each other's news.
 *
 * @param name the {@code --cursor} name, or null for the filter's own cursor
 * @param account the mailbox's address
 * @param query the Gmail query with blanks collapsed, "" for none
 * @param labels the labels as given (ids or names), distinct and sorted
 * @param includeSpamTrash Spam and Trash count too
 */
public record CursorKey(
    String name, String account, String query, List<String> labels, boolean includeSpamTrash) {

  /** What {@code --cursor} accepts: a file name that is safe everywhere and not a path. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public CursorKey {
    if (name != null && !validName(name)) {
      throw new IllegalArgumentException("not a cursor name: " + name);
    }
    account = account == null ? "" : account;
    query = query == null ? "" : query.strip().replaceAll("\\s+", " ");
    labels =
        labels == null
            ? List.of()
            : labels.stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .distinct()
                .sorted()
                .toList();
  }

  /** Whether {@code --cursor} accepts {@code name}. */
  public static boolean validName(String name) {
    return NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }

  /**
   * The cursor's file name: {@code named-NAME.json}, or {@code filter-HASH.json} where HASH is
   * taken from the account and the filter, so that each distinct filter keeps its own place.
   */
  public String fileName() {
    if (name != null) {
      return "named-" + name + ".json";
    }
    String identity =
        String.join(
            "\n",
            account.toLowerCase(Locale.ROOT),
            query,
            String.join("\n", labels),
            "spam-trash=" + includeSpamTrash);
    return "filter-" + sha256(identity).substring(0, 16) + ".json";
  }

  /** The filter in the words of the command line, e.g. {@code --query 'invoice' --label INBOX}. */
  public String filterText() {
    StringBuilder text = new StringBuilder();
    if (!query.isEmpty()) {
      text.append("--query '").append(query.replace("'", "'\\''")).append('\'');
    }
    for (String label : labels) {
      text.append(text.isEmpty() ? "" : " ").append("--label ").append(quoted(label));
    }
    if (includeSpamTrash) {
      text.append(text.isEmpty() ? "" : " ").append("--include-spam-trash");
    }
    return text.isEmpty() ? "(no filter)" : text.toString();
  }

  private static String quoted(String label) {
    return label.matches("[A-Za-z0-9_./-]+") ? label : "'" + label.replace("'", "'\\''") + "'";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
