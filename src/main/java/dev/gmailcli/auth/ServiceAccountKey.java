package dev.gmailcli.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.platform.SmallTextFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A Google Cloud service account's JSON key, as the console downloads it. Only the fields gmailcli
 * uses are read; the key's {@code token_uri} is ignored (the token endpoint is gmailcli's own
 * configuration, as for token.json). {@link #toString()} never shows the private key, and neither
 * does any message about the file.
 *
 * @param file where the key was read from
 * @param clientEmail the service account's address
 * @param clientId its numeric client id, which a Workspace administrator allows for domain-wide
 *     delegation ("" when the file has none)
 * @param privateKeyId the key's id, or null
 * @param privateKeyPem the PKCS#8 private key (never printed)
 */
public record ServiceAccountKey(
    Path file, String clientEmail, String clientId, String privateKeyId, String privateKeyPem) {

  private static final String HINT =
      "create a JSON key for the service account (Google Cloud console > IAM & Admin > Service"
          + " accounts > Keys > Add key) and pass its path with --service-account";

  /** Reads and checks a key file; every problem is a configuration error (exit 4). */
  public static ServiceAccountKey read(Path file) {
    String text;
    try {
      text = SmallTextFiles.read(file);
    } catch (NoSuchFileException e) {
      throw GmailCliException.config("service account key file not found: " + file, HINT, null);
    } catch (SmallTextFiles.UnusableFileException e) {
      throw GmailCliException.config("cannot use " + file + ": " + e.getMessage(), HINT, null);
    } catch (CharacterCodingException e) {
      throw GmailCliException.config(file + " is not UTF-8 text", HINT, null);
    } catch (IOException e) {
      throw GmailCliException.config(
          "cannot read " + file + ": " + SmallTextFiles.describe(e),
          "check the file's owner and permissions",
          e);
    }
    JsonObject key = object(text, file);
    String type = string(key, "type");
    if (!"service_account".equals(type)) {
      throw GmailCliException.config(
          file
              + " is not a service account key ("
              + (key.has("installed") || key.has("web")
                  ? "it is an OAuth client file, which belongs to --credentials"
                  : type == null
                      ? "it has no \"type\""
                      : "its \"type\" is \"" + type + "\", not \"service_account\"")
              + ")",
          HINT,
          null);
    }
    for (String field : new String[] {"client_email", "private_key"}) {
      if (string(key, field) == null) {
        throw GmailCliException.config(file + " lacks \"" + field + "\"", HINT, null);
      }
    }
    String clientId = string(key, "client_id");
    return new ServiceAccountKey(
        file,
        string(key, "client_email"),
        clientId == null ? "" : clientId,
        string(key, "private_key_id"),
        string(key, "private_key"));
  }

  private static JsonObject object(String text, Path file) {
    try {
      JsonElement element = JsonParser.parseString(text);
      if (element.isJsonObject()) {
        return element.getAsJsonObject();
      }
    } catch (JsonParseException | IllegalStateException e) {
      // reported below, without quoting the text (it may hold the key)
    }
    throw GmailCliException.config(file + " is not valid JSON", HINT, null);
  }

  private static String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    if (value == null || !value.isJsonPrimitive() || value.getAsString().isBlank()) {
      return null;
    }
    return value.getAsString();
  }

  @Override
  public String toString() {
    return "ServiceAccountKey[file="
        + file
        + ", clientEmail="
        + clientEmail
        + ", clientId="
        + clientId
        + ", privateKey=<redacted>]";
  }
}
