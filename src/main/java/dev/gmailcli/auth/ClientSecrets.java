package dev.gmailcli.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gmailcli.GmailCliException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw GmailCliException.config(
          "OAuth client file not found: " + path, String.format(DOWNLOAD_HINT, path), null);
    } catch (CharacterCodingException e) {
      throw GmailCliException.config(
          path + " is not UTF-8 text", String.format(DOWNLOAD_HINT, path), null);
    } catch (IOException e) {
      throw GmailCliException.config(
          "cannot read OAuth client file " + path + ": " + e.getMessage(),
          "check the file's permissions",
          e);
    }
    return parse(text, path);
  }

  static ClientSecrets parse(String text, Path path) {
    JsonObject root;
    try {
      JsonElement element = JsonParser.parseString(text);
      if (!element.isJsonObject()) {
        throw new JsonParseException("not a JSON object");
      }
      root = element.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw GmailCliException.config(
          path + " is not valid JSON", String.format(DOWNLOAD_HINT, path), e);
    }
    boolean installed = root.has("installed") && root.get("installed").isJsonObject();
    boolean web = root.has("web") && root.get("web").isJsonObject();
    if (!installed && !web) {
      throw GmailCliException.config(
          path + " is not an OAuth client file (no \"installed\" or \"web\" section)",
          String.format(DOWNLOAD_HINT, path),
          null);
    }
    JsonObject client = root.getAsJsonObject(installed ? "installed" : "web");
    String clientId = string(client, "client_id");
    String clientSecret = string(client, "client_secret");
    if (clientId == null || clientSecret == null) {
      throw GmailCliException.config(
          path + " lacks " + (clientId == null ? "client_id" : "client_secret"),
          String.format(DOWNLOAD_HINT, path),
          null);
    }
    String authUri = orDefault(string(client, "auth_uri"), GOOGLE_AUTH_URI);
    String tokenUri =
        orDefault(string(client, "token_uri"), dev.gmailcli.Endpoints.GOOGLE_TOKEN_URI);
    return new ClientSecrets(clientId, clientSecret, authUri, tokenUri, installed);
  }

  private static String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    if (value == null || !value.isJsonPrimitive()) {
      return null;
    }
    String text = value.getAsString();
    return text.isBlank() ? null : text;
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
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
