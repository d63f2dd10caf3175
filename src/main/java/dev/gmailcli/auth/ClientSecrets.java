package dev.gmailcli.auth;

import com.google.api.client.googleapis.auth.oauth2.GoogleClientSecrets;
import com.google.api.client.googleapis.auth.oauth2.GoogleClientSecrets.Details;
import com.google.api.client.json.gson.GsonFactory;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gmailcli.Endpoints;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.platform.SmallTextFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The OAuth client from credentials.json, as Google Cloud console downloads it for a Desktop app
 * ({@code {"installed": {...}}}) or, tolerated, a Web application ({@code {"web": {...}}}).
 *
 * @param clientId the client id
 * @param clientSecret the client secret (never printed)
 * @param authUri authorization endpoint
 * @param tokenUri token endpoint for the code exchange
 * @param desktopApp true for an "installed" (Desktop app) client
 */
public record ClientSecrets(
    String clientId, String clientSecret, String authUri, String tokenUri, boolean desktopApp) {

  static final String GOOGLE_AUTH_URI = "https://accounts.google.com/o/oauth2/auth";
  private static final String DOWNLOAD_HINT =
      "download the OAuth client of type \"Desktop app\" from Google Cloud console"
          + " (APIs & Services > Credentials) and save it as %s, or pass --credentials FILE";

  /** Reads and validates credentials.json; every problem is a configuration error (exit 4). */
  public static ClientSecrets read(Path path) {
    String text;
    try {
      text = SmallTextFiles.read(path);
    } catch (NoSuchFileException e) {
      throw GmailCliException.config(
          "OAuth client file not found: " + path, String.format(DOWNLOAD_HINT, path), null);
    } catch (CharacterCodingException e) {
      throw GmailCliException.config(
          path + " is not UTF-8 text", String.format(DOWNLOAD_HINT, path), null);
    } catch (SmallTextFiles.UnusableFileException e) {
      throw GmailCliException.config(
          "cannot use " + path + ": " + e.getMessage(), String.format(DOWNLOAD_HINT, path), null);
    } catch (IOException e) {
      throw GmailCliException.config(
          "cannot read " + path + ": " + SmallTextFiles.describe(e),
          "check the file's owner and permissions",
          e);
    }
    return parse(text, path);
  }

  static ClientSecrets parse(String text, Path path) {
    GoogleClientSecrets secrets;
    try {
      secrets = GoogleClientSecrets.load(GsonFactory.getDefaultInstance(), new StringReader(text));
    } catch (IOException | RuntimeException malformed) {
      secrets = null; // diagnosed below, with the precise reason
    }
    Details client = secrets == null ? null : details(secrets);
    if (client == null || isBlank(client.getClientId()) || isBlank(client.getClientSecret())) {
      throw GmailCliException.config(
          path + " " + problem(text), String.format(DOWNLOAD_HINT, path), null);
    }
    return new ClientSecrets(
        client.getClientId(),
        client.getClientSecret(),
        isBlank(client.getAuthUri()) ? GOOGLE_AUTH_URI : client.getAuthUri(),
        isBlank(client.getTokenUri()) ? Endpoints.GOOGLE_TOKEN_URI : client.getTokenUri(),
        secrets.getInstalled() != null);
  }

  private static Details details(GoogleClientSecrets secrets) {
    if (secrets.getInstalled() == null && secrets.getWeb() == null) {
      return null;
    }
    // getDetails() refuses a file with both sections; the Desktop app one wins then
    return secrets.getInstalled() != null && secrets.getWeb() != null
        ? secrets.getInstalled()
        : secrets.getDetails();
  }

  /** What is wrong with a file the library could not use, in the user's terms. */
  private static String problem(String text) {
    JsonObject root;
    try {
      JsonElement element = JsonParser.parseString(text);
      if (!element.isJsonObject()) {
        return "is not valid JSON";
      }
      root = element.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      return "is not valid JSON";
    }
    String section =
        isObject(root, "installed") ? "installed" : isObject(root, "web") ? "web" : null;
    if (section == null) {
      return "is not an OAuth client file (no \"installed\" or \"web\" section)";
    }
    JsonObject client = root.getAsJsonObject(section);
    for (String field : new String[] {"client_id", "client_secret"}) {
      JsonElement value = client.get(field);
      if (value == null || !value.isJsonPrimitive() || value.getAsString().isBlank()) {
        return "lacks " + field;
      }
    }
    return "is not an OAuth client file";
  }

  private static boolean isObject(JsonObject root, String name) {
    return root.has(name) && root.get(name).isJsonObject();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    return "ClientSecrets[clientId="
        + clientId
        + ", clientSecret=<redacted>, authUri="
        + authUri
        + ", tokenUri="
        + tokenUri
        + ", desktopApp="
        + desktopApp
        + "]";
  }
}
