package dev.gmailcli.harness;

import dev.gmailcli.platform.BrowserOpener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A browser for tests: it follows the consent URL (the Google stand-in redirects to gmailcli's
 * loopback listener), like a person clicking Allow. It can also stay idle, to test timeouts.
 */
public final class TestBrowser implements BrowserOpener {
  private final boolean follow;
  private final List<String> opened = new CopyOnWriteArrayList<>();
  private final List<String> landingPages = new CopyOnWriteArrayList<>();
  private final List<Integer> landingStatus = new CopyOnWriteArrayList<>();
  private volatile Thread worker;

  private TestBrowser(boolean follow) {
    this.follow = follow;
  }

  /** A browser that follows the consent URL to the end. */
  public static TestBrowser following() {
    return new TestBrowser(true);
  }

  /** A browser that is opened but never does anything. */
  public static TestBrowser idle() {
    return new TestBrowser(false);
  }

  @Override
  public void open(String url) {
    opened.add(url);
    if (!follow) {
      return;
    }
    worker = new Thread(() -> visit(url), "test-browser");
    worker.setDaemon(true);
    worker.start();
  }

  private void visit(String url) {
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      landingStatus.add(response.statusCode());
      landingPages.add(response.body());
    } catch (Exception e) {
      landingPages.add("browser failed: " + e);
    }
  }

  /** URLs gmailcli asked to open. */
  public List<String> opened() {
    return List.copyOf(opened);
  }

  /** Waits for the browser to finish and returns the pages it ended on. */
  public List<String> landingPages() throws InterruptedException {
    Thread running = worker;
    if (running != null) {
      running.join(20_000);
    }
    return List.copyOf(landingPages);
  }

  /** Status codes of the pages it ended on. */
  public List<Integer> landingStatus() throws InterruptedException {
    landingPages();
    return List.copyOf(landingStatus);
  }
}
