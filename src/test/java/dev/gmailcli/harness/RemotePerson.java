package dev.gmailcli.harness;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A person logging in from a browser on another machine: watches gmailcli's stderr for the consent
 * URL, "approves" it at the stand-in, reads where the browser was sent (an address that would not
 * load on that machine), and types what a script says into gmailcli's stdin.
 */
public final class RemotePerson implements Consumer<String> {
  private final TypedStdin stdin = new TypedStdin();
  private final Function<String, List<String>> whatToType;
  private volatile String redirect;

  /**
   * @param whatToType the lines typed, given the address the browser ended on
   */
  public RemotePerson(Function<String, List<String>> whatToType) {
    this.whatToType = whatToType;
  }

  /** Types the address the browser ended on, as it is. */
  public static RemotePerson pastingTheAddress() {
    return new RemotePerson(List::of);
  }

  /** What gmailcli reads on stdin. */
  public TypedStdin stdin() {
    return stdin;
  }

  /** The address the browser ended on (after the consent URL was seen), or null. */
  public String redirect() {
    return redirect;
  }

  @Override
  public void accept(String stderrLine) {
    String line = stderrLine.strip();
    if (redirect == null && line.startsWith("http") && line.contains("/o/oauth2/auth?")) {
      Thread person = new Thread(() -> approve(line), "remote-person");
      person.setDaemon(true);
      person.start();
    }
  }

  private void approve(String consentUrl) {
    try {
      HttpResponse<Void> consent =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(consentUrl)).build(),
                  HttpResponse.BodyHandlers.discarding());
      redirect = consent.headers().firstValue("Location").orElseThrow();
      whatToType.apply(redirect).forEach(stdin::type);
    } catch (Exception e) {
      stdin.type("the test's person failed: " + e);
    }
  }

  /** The value of {@code name} in a URL's query. */
  public static String param(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
