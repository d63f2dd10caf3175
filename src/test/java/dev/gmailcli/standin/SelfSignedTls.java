package dev.gmailcli.standin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's keytool, for a stand-in that speaks
 * HTTPS: the server's {@link SSLContext}, and a trust store for clients that is a copy of the JDK's
 * own (cacerts) plus this certificate, so a client verifies as it would against Google.
 */
public final class SelfSignedTls {
  private static final String PASSWORD = "changeit";

  private final Path keyStore;
  private final Path trustStore;

  private SelfSignedTls(Path keyStore, Path trustStore) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
  }

  /** Makes the key and the trust store in {@code dir} with the keytool of {@code javaHome}. */
  public static SelfSignedTls create(Path dir, Path javaHome) throws IOException {
    Path keytool = javaHome.resolve("bin").resolve("keytool");
    Path keys = dir.resolve("standin-key.p12");
    Path cert = dir.resolve("standin.pem");
    Path trust = dir.resolve("truststore");
    keytool(
        keytool,
        "-genkeypair",
        "-alias",
        "standin",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "san=ip:127.0.0.1,dns:gmail.invalid",
        "-validity",
        "30",
        "-keystore",
        keys.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    keytool(
        keytool,
        "-exportcert",
        "-rfc",
        "-alias",
        "standin",
        "-keystore",
        keys.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        cert.toString());
    Files.copy(javaHome.resolve("lib").resolve("security").resolve("cacerts"), trust);
    trust.toFile().setWritable(true);
    keytool(
        keytool,
        "-importcert",
        "-noprompt",
        "-alias",
        "gmailcli-standin",
        "-file",
        cert.toString(),
        "-keystore",
        trust.toString(),
        "-storepass",
        PASSWORD);
    return new SelfSignedTls(keys, trust);
  }

  /** The trust store clients use: {@code -Djavax.net.ssl.trustStore=} this. */
  public Path trustStore() {
    return trustStore;
  }

  /** The server side: this certificate and its key. */
  public SSLContext serverContext() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static void keytool(Path keytool, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("keytool failed: " + String.join(" ", args));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
