package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.ForwardProxy;
import dev.gmailcli.harness.Launcher;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.SelfSignedTls;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS through a proxy, as Google is reached from a company network: the packaged launcher tunnels
 * with CONNECT (credentials included) to an HTTPS stand-in named {@code gmail.invalid}, which only
 * the proxy can reach; certificate checks stay on (the stand-in's certificate is trusted through a
 * copy of the JDK's trust store).
 */
class ProxyTlsIT {
  @TempDir Path home;
  @TempDir Path tlsDir;
  GoogleStandIn google;
  ForwardProxy proxy;
  Launcher gmailcli;

  @BeforeEach
  void httpsStandInBehindAProxy() throws Exception {
    SelfSignedTls tls = SelfSignedTls.create(tlsDir, Path.of(System.getProperty("java.home")));
    google = GoogleStandIn.start(tls.serverContext());
    google.mailbox().generate(2);
    proxy = ForwardProxy.requiring("alice", "s3cret");
    String root = "https://gmail.invalid:" + URI.create(google.baseUrl()).getPort() + "/";
    Path token = home.resolve(".config/gmailcli/token.json");
    Files.createDirectories(token.getParent());
    Files.writeString(
        token,
        TokenFixtures.expired(
            google, Instant.now(), google.seedRefreshToken(TokenFixtures.READONLY)));
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    gmailcli =
        Launcher.packaged()
            .google(root)
            .env("HOME", home.toString())
            .env(
                "GMAILCLI_JAVA_OPTS",
                "-Djavax.net.ssl.trustStore="
                    + tls.trustStore()
                    + " -Djavax.net.ssl.trustStorePassword=changeit");
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    google.close();
  }

  @Test
  void refreshAndListing_tunnelThroughTheProxy_withItsCredentials() throws Exception {
    gmailcli.env("HTTPS_PROXY", "http://alice:s3cret@127.0.0.1:" + proxy.port());

    Launcher.Result run = gmailcli.run("threads", "--max", "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines()).hasSize(2);
    assertThat(proxy.carried()).isNotEmpty().allMatch(r -> r.startsWith("CONNECT gmail.invalid:"));
    assertThat(google.count("token.refresh")).isEqualTo(1);
  }

  @Test
  void wrongCredentials_areExit5_namingTheProxy_andNotThePassword() throws Exception {
    gmailcli.env("HTTPS_PROXY", "http://alice:wrong-one@127.0.0.1:" + proxy.port());

    Launcher.Result run = gmailcli.run("threads");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.err())
        .contains(
            "the proxy http://127.0.0.1:"
                + proxy.port()
                + " (from HTTPS_PROXY) refused the user and password in HTTPS_PROXY (407)")
        .doesNotContain("wrong-one");
    assertThat(google.requests()).isEmpty();
  }
}
