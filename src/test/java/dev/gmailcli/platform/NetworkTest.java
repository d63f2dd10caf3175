package dev.gmailcli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which address the network thread looks up ahead: never one a proxy would look up instead. */
class NetworkTest {
  private static final URI GMAIL = URI.create("https://gmail.googleapis.com/");

  @Test
  void withoutProxy_looksUpGmailsHost() {
    assertThat(Network.hostToLookUp(GMAIL, ProxySettings.none(), false))
        .isEqualTo("gmail.googleapis.com");
  }

  @Test
  void throughAProxyFromTheEnvironment_looksUpNothing() {
    ProxySettings proxies = ProxySettings.from(Map.of("HTTPS_PROXY", "http://proxy.example:3128"));

    assertThat(Network.hostToLookUp(GMAIL, proxies, false)).isNull();
  }

  @Test
  void aHostNoProxyExempts_isLookedUp() {
    ProxySettings proxies =
        ProxySettings.from(
            Map.of("HTTPS_PROXY", "http://proxy.example:3128", "NO_PROXY", ".googleapis.com"));

    assertThat(Network.hostToLookUp(GMAIL, proxies, false)).isEqualTo("gmail.googleapis.com");
  }

  @Test
  void withTheJvmsOwnProxySettings_looksUpNothing() {
    assertThat(Network.hostToLookUp(GMAIL, ProxySettings.none(), true)).isNull();
  }

  @Test
  void withoutAHost_looksUpNothing() {
    assertThat(Network.hostToLookUp(null, ProxySettings.none(), false)).isNull();
    assertThat(Network.hostToLookUp(URI.create("file:///tmp/x"), ProxySettings.none(), false))
        .isNull();
  }
}
