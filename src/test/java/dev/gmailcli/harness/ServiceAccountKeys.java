package dev.gmailcli.harness;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Service account keys for tests: a fresh RSA key pair per key, its public half registered with the
 * stand-in, its private half written in a JSON key file shaped like Google Cloud console's.
 */
public final class ServiceAccountKeys {
  /** The service account's address in every key made here. */
  public static final String CLIENT_EMAIL = "mail-job@gmailcli-test.iam.gserviceaccount.com";

  /** Its client id (what a Workspace administrator allows for domain-wide delegation). */
  public static final String CLIENT_ID = "104200000000000000042";

  private ServiceAccountKeys() {}

  /**
   * A key registered with {@code google}, saved as {@code file} (mode 0600).
   *
   * @return the key file's JSON, whose {@code private_key} tests look for in gmailcli's output
   */
  public static String create(GoogleStandIn google, Path file) throws IOException {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    google.serviceAccount(CLIENT_EMAIL, CLIENT_ID, pair.getPublic());
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    JsonObject key = new JsonObject();
    key.addProperty("type", "service_account");
    key.addProperty("project_id", "gmailcli-test");
    key.addProperty("private_key_id", "0123456789abcdef0123456789abcdef01234567");
    key.addProperty("private_key", pem);
    key.addProperty("client_email", CLIENT_EMAIL);
    key.addProperty("client_id", CLIENT_ID);
    key.addProperty("auth_uri", "https://accounts.google.com/o/oauth2/auth");
    // gmailcli must never send the key to the endpoint a file names
    key.addProperty("token_uri", "http://127.0.0.1:9/not-the-configured-endpoint");
    key.addProperty("universe_domain", "googleapis.com");
    String json = key.toString();
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return json;
  }

  /** The base64 body of the key file's private key, which must never appear in any output. */
  public static String privateKeyBody(String keyJson) {
    String pem = JsonParser.parseString(keyJson).getAsJsonObject().get("private_key").getAsString();
    return pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
  }
}
