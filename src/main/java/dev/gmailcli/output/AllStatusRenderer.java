package dev.gmailcli.output;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Prints {@code gmailcli status --all}: one line (or JSON object) per profile. */
public final class AllStatusRenderer {
  private static final String SCOPE_PREFIX = "https://www.googleapis.com/auth/";

  private AllStatusRenderer() {}

  /** Aligned columns for a person. */
  public static void table(List<ProfileStatus> rows, PrintWriter out) {
    if (rows.isEmpty()) {
      out.println("No saved logins.");
      out.flush();
      return;
    }
    List<String[]> lines = new ArrayList<>();
    boolean checked = rows.get(0).checked();
    lines.add(
        checked
            ? new String[] {"PROFILE", "ACCOUNT", "SCOPES", "ACCESS TOKEN", "REFRESH", "CHECK"}
            : new String[] {"PROFILE", "ACCOUNT", "SCOPES", "ACCESS TOKEN", "REFRESH"});
    for (ProfileStatus row : rows) {
      String[] line = {
        row.name() == null ? "(default)" : row.name(),
        row.account().isEmpty() ? "(unknown)" : row.account(),
        row.scopes().isEmpty() ? "(not recorded)" : shortScopes(row.scopes()),
        row.expiry() == null
            ? "no expiry"
            : (row.accessTokenValid() ? "until " : "expired ") + ThreadJson.rfc3339(row.expiry()),
        row.refreshTokenPresent() ? "present" : "absent",
        row.check() == null ? "works" : "fails: " + Text.oneLine(row.check())
      };
      lines.add(checked ? line : Arrays.copyOf(line, 5));
    }
    int[] widths = new int[lines.get(0).length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], Text.width(line[i]));
      }
    }
    for (String[] line : lines) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        text.append(i == line.length - 1 ? line[i] : Text.pad(line[i], widths[i] + 2));
      }
      out.println(text.toString().stripTrailing());
    }
    out.flush();
  }

  /** A JSON array for scripts, one object per profile. */
  public static void json(List<ProfileStatus> rows, PrintWriter out) {
    try {
      JsonWriter json = ThreadJson.writer(out, true);
      json.beginArray();
      for (ProfileStatus row : rows) {
        json.beginObject();
        json.name("profile").value(row.name());
        json.name("account").value(row.account());
        json.name("scopes").beginArray();
        for (String scope : row.scopes()) {
          json.value(scope);
        }
        json.endArray();
        json.name("accessTokenExpiry").value(ThreadJson.rfc3339(row.expiry()));
        json.name("accessTokenValid").value(row.accessTokenValid());
        json.name("refreshTokenPresent").value(row.refreshTokenPresent());
        if (row.checked()) {
          json.name("works").value(row.check() == null);
          json.name("problem").value(row.check());
        }
        json.endObject();
      }
      json.endArray();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  private static String shortScopes(List<String> scopes) {
    return String.join(
        ",",
        scopes.stream()
            .map(s -> s.startsWith(SCOPE_PREFIX) ? s.substring(SCOPE_PREFIX.length()) : s)
            .toList());
  }
}
