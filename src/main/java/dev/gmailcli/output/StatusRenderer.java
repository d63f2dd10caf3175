package dev.gmailcli.output;

import com.google.gson.stream.JsonWriter;
import dev.gmailcli.state.Cursor;
import dev.gmailcli.state.CursorJson;
import dev.gmailcli.state.CursorKey;
import dev.gmailcli.state.CursorListing;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Prints a {@link StatusReport} as aligned lines or as JSON. */
public final class StatusRenderer {
  private StatusRenderer() {}

  /** {@code key value} lines for a person. */
  public static void table(StatusReport report, PrintWriter out) {
    line(out, "account", report.account().isEmpty() ? "(unknown)" : report.account());
    line(out, "token file", report.tokenFile().toString());
    line(out, "client id", report.clientId() == null ? "(none)" : report.clientId());
    line(
        out,
        "scopes",
        report.scopes().isEmpty() ? "(not recorded)" : String.join(" ", report.scopes()));
    line(out, "access token", accessToken(report));
    line(
        out,
        "refresh token",
        report.refreshTokenPresent()
            ? "present" + obtained(report)
            : "absent (log in again when the access token expires)");
    cursors(report, out);
    out.flush();
  }

  /** A service account's delegation, for a person. */
  public static void table(ServiceAccountReport report, PrintWriter out) {
    line(out, "account", report.subject() + " (through a service account)");
    line(out, "key file", report.keyFile().toString());
    line(out, "client email", report.clientEmail());
    line(
        out,
        "client id",
        report.clientId().isEmpty() ? "(not in the key file)" : report.clientId());
    line(out, "scopes", String.join(" ", report.scopes()));
    out.flush();
  }

  /** A service account's delegation, for scripts. */
  public static void json(ServiceAccountReport report, PrintWriter out) {
    try {
      JsonWriter json = ThreadJson.writer(out, true);
      json.beginObject();
      json.name("account").value(report.subject());
      json.name("serviceAccount").value(report.clientEmail());
      json.name("clientId").value(report.clientId());
      json.name("keyFile").value(report.keyFile().toString());
      json.name("scopes").beginArray();
      for (String scope : report.scopes()) {
        json.value(scope);
      }
      json.endArray();
      json.endObject();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  // One line per cursor of `threads --new`: its name, what it follows, and where it stands.
  private static void cursors(StatusReport report, PrintWriter out) {
    if (report.cursors().isEmpty()) {
      return; // threads --new was never used with this login
    }
    line(out, "new cursors", report.cursorDirectory().toString());
    for (CursorListing listing : report.cursors()) {
      Cursor cursor = listing.cursor();
      if (cursor == null) {
        out.println(
            "  "
                + Text.pad(listing.file().getFileName().toString(), 12)
                + " unusable: "
                + Text.oneLine(listing.problem()));
        continue;
      }
      CursorKey key = cursor.key();
      String account =
          key.account().equalsIgnoreCase(report.account()) ? "" : " (" + key.account() + ")";
      out.println(
          "  "
              + Text.pad(key.name() == null ? "-" : key.name(), 12)
              + " "
              + Text.oneLine(key.filterText())
              + account
              + "; last run "
              + ThreadJson.rfc3339(cursor.lastRun())
              + ", history id "
              + cursor.historyId());
    }
  }

  /** One JSON object for scripts. */
  public static void json(StatusReport report, PrintWriter out) {
    try {
      JsonWriter json = ThreadJson.writer(out, true);
      json.beginObject();
      json.name("account").value(report.account());
      json.name("tokenFile").value(report.tokenFile().toString());
      json.name("clientId").value(report.clientId());
      json.name("scopes").beginArray();
      for (String scope : report.scopes()) {
        json.value(scope);
      }
      json.endArray();
      json.name("accessTokenExpiry").value(ThreadJson.rfc3339(report.expiry()));
      json.name("accessTokenValid").value(report.accessTokenValid());
      json.name("refreshTokenPresent").value(report.refreshTokenPresent());
      json.name("loginTime").value(ThreadJson.rfc3339(report.loginTime()));
      json.name("cursorDirectory").value(report.cursorDirectory().toString());
      json.name("cursors").beginArray();
      for (CursorListing listing : report.cursors()) {
        cursor(json, listing);
      }
      json.endArray();
      json.endObject();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  private static void cursor(JsonWriter json, CursorListing listing) throws IOException {
    json.beginObject();
    json.name("file").value(listing.file().toString());
    Cursor cursor = listing.cursor();
    if (cursor == null) {
      json.name("problem").value(listing.problem());
    } else {
      json.name("name").value(cursor.key().name());
      CursorJson.writeFilterAndPlace(json, cursor);
      json.name("lastRun").value(ThreadJson.rfc3339(cursor.lastRun()));
    }
    json.endObject();
  }

  private static String accessToken(StatusReport report) {
    if (report.expiry() == null) {
      return "no expiry recorded (refreshed on next use)";
    }
    String when = ThreadJson.rfc3339(report.expiry());
    if (report.accessTokenValid()) {
      return "valid until "
          + when
          + " ("
          + describe(Duration.between(report.now(), report.expiry()))
          + " left)";
    }
    return "expired at " + when + " (refreshed on next use)";
  }

  // Refresh tokens of apps in "Testing" status die at 7 days: say so before it happens.
  private static String obtained(StatusReport report) {
    if (report.loginTime() == null) {
      return "";
    }
    long days = Duration.between(report.loginTime(), report.now()).toDays();
    String age = days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
    String testing =
        days >= 6
            ? "; if the app's consent screen is in \"Testing\" status, it expires at 7 days"
            : "";
    return ", obtained " + ThreadJson.rfc3339(report.loginTime()) + " (" + age + testing + ")";
  }

  private static String describe(Duration left) {
    long minutes = left.toMinutes();
    return minutes >= 60 ? minutes / 60 + "h" + (minutes % 60) + "m" : minutes + "m";
  }

  private static void line(PrintWriter out, String key, String value) {
    out.println(Text.pad(key, 15) + value);
  }
}
