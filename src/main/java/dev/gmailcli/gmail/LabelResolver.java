package dev.gmailcli.gmail;

import com.google.api.services.gmail.model.Label;
import dev.gmailcli.GmailCliException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what the user typed after --label into label ids. Ids (system labels such as INBOX, user
 * labels such as Label_12) pass as they are; any name costs one labels.list call in all.
 */
public final class LabelResolver {
  private static final Set<String> SYSTEM_IDS =
      Set.of(
          "INBOX",
          "SPAM",
          "TRASH",
          "UNREAD",
          "STARRED",
          "IMPORTANT",
          "SENT",
          "DRAFT",
          "CHAT",
          "CATEGORY_PERSONAL",
          "CATEGORY_SOCIAL",
          "CATEGORY_PROMOTIONS",
          "CATEGORY_UPDATES",
          "CATEGORY_FORUMS");
  private static final Pattern USER_ID = Pattern.compile("Label_\\d+");

  private final GmailService gmail;

  public LabelResolver(GmailService gmail) {
    this.gmail = gmail;
  }

  /** The ids for {@code given}; no call at all when every entry is already an id. */
  List<String> resolve(List<String> given) {
    if (given.stream().allMatch(LabelResolver::looksLikeId)) {
      return given;
    }
    List<Label> labels = gmail.labels();
    List<String> ids = new ArrayList<>();
    for (String wanted : given) {
      ids.add(looksLikeId(wanted) ? wanted : find(labels, wanted));
    }
    return ids;
  }

  static boolean looksLikeId(String label) {
    return SYSTEM_IDS.contains(label) || USER_ID.matcher(label).matches();
  }

  private static String find(List<Label> labels, String wanted) {
    for (Label label : labels) {
      if (wanted.equals(label.getId()) || wanted.equals(label.getName())) {
        return label.getId();
      }
    }
    String lower = wanted.toLowerCase(Locale.ROOT);
    for (Label label : labels) {
      if (label.getName() != null && label.getName().toLowerCase(Locale.ROOT).equals(lower)) {
        return label.getId();
      }
    }
    List<String> names =
        labels.stream().map(Label::getName).filter(n -> n != null).sorted().toList();
    throw GmailCliException.refused(
        "Gmail has no label \"" + wanted + "\"",
        "use a label id or one of: "
            + String.join(", ", names.subList(0, Math.min(30, names.size())))
            + (names.size() > 30 ? ", …" : ""),
        null);
  }
}
