package dev.gmailcli.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/**
 * {@link GoogleStandInExtension}, run through the JUnit engine on sample test classes (static
 * nested classes, which Surefire does not run by themselves).
 */
class GoogleStandInExtensionTest {
  /** What the samples saw, to check after the engine has run them. */
  static final List<Seen> SEEN = new ArrayList<>();

  record Seen(Path home, String baseUrl) {}

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  @Test
  void unmatchedRequest_failsTheTest_namingIt_afterStoppingTheStandIn() throws Exception {
    Events tests = run(selectClass(UnmatchedSample.class));

    tests
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("sendsUnmatched"),
                finishedWithFailure(
                    instanceOf(AssertionFailedError.class),
                    message(m -> m.contains("1 request(s) matched no endpoint")),
                    message(m -> m.contains("GET /no/such/endpoint")),
                    message(m -> m.contains("@AllowUnmatchedRequests")))));
    assertThat(SEEN).hasSize(1);
    assertStoppedAndDeleted(SEEN.get(0));
  }

  @Test
  void allowUnmatchedRequests_onTheMethodOrTheClass_letsTheTestPass() {
    run(selectClass(AllowedOnMethodSample.class))
        .assertStatistics(stats -> stats.succeeded(1).failed(0));
    run(selectClass(AllowedOnClassSample.class))
        .assertStatistics(stats -> stats.succeeded(1).failed(0));
    assertThat(SEEN).hasSize(2).allSatisfy(GoogleStandInExtensionTest::assertStoppedAndDeleted);
  }

  @Test
  void matchedRequests_pass_andEveryParameterSharesOneStandInAndHome() {
    run(selectClass(InjectedSample.class))
        .assertThatEvents()
        .haveExactly(1, event(test("sameResourcesEverywhere"), finishedSuccessfully()));
    assertThat(SEEN).hasSize(1);
    assertStoppedAndDeleted(SEEN.get(0));
  }

  @Test
  void aFailingTest_stillStopsTheStandIn_andDeletesItsHome() {
    run(selectClass(FailingSample.class))
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("failsAfterWritingIntoHome"),
                finishedWithFailure(message("the test's own failure"))));
    assertThat(SEEN).hasSize(1);
    assertStoppedAndDeleted(SEEN.get(0));
  }

  @Test
  void eachTest_getsItsOwnStandInAndHome() {
    run(selectClass(AllowedOnMethodSample.class), selectClass(AllowedOnClassSample.class));

    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0).home()).isNotEqualTo(SEEN.get(1).home());
    assertThat(SEEN.get(0).baseUrl()).isNotEqualTo(SEEN.get(1).baseUrl());
  }

  private static Events run(DiscoverySelector... selectors) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectors).execute().testEvents();
  }

  private static void assertStoppedAndDeleted(Seen seen) {
    assertThat(seen.home()).doesNotExist();
    assertThat(catchGet(seen.baseUrl() + "gmail/v1/users/me/profile"))
        .as("the stand-in no longer answers")
        .isInstanceOf(ConnectException.class);
  }

  private static Exception catchGet(String url) {
    try {
      get(url);
    } catch (IOException | InterruptedException e) {
      return e;
    }
    return null;
  }

  static int get(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.discarding())
        .statusCode();
  }

  /** What the samples below share: one request that no endpoint matches. */
  abstract static class SendsUnmatched {
    GoogleStandIn google;
    @TempHome Path home;

    void sendUnmatched() throws Exception {
      SEEN.add(new Seen(home, google.baseUrl()));
      assertThat(get(google.baseUrl() + "no/such/endpoint")).isEqualTo(404);
    }
  }

  /** Sends a request no endpoint matches. */
  @WithGoogleStandIn
  static class UnmatchedSample extends SendsUnmatched {
    @Test
    void sendsUnmatched() throws Exception {
      sendUnmatched();
    }
  }

  /** Sends one, allowed on the method. */
  @WithGoogleStandIn
  static class AllowedOnMethodSample extends SendsUnmatched {
    @Test
    @AllowUnmatchedRequests("the sample sends one on purpose")
    void sendsUnmatched() throws Exception {
      sendUnmatched();
    }
  }

  /** Sends one, allowed for the whole class. */
  @WithGoogleStandIn
  @AllowUnmatchedRequests("the sample sends one on purpose")
  static class AllowedOnClassSample extends SendsUnmatched {
    @Test
    void sendsUnmatched() throws Exception {
      sendUnmatched();
    }
  }

  /** Fails by itself after locking a directory in its HOME. */
  @WithGoogleStandIn
  static class FailingSample {
    @Test
    void failsAfterWritingIntoHome(GoogleStandIn google, CliHarness cli) throws Exception {
      SEEN.add(new Seen(cli.home(), google.baseUrl()));
      cli.token("{}");
      Files.setPosixFilePermissions(cli.configDir(), PosixFilePermissions.fromString("r-x------"));
      throw new AssertionFailedError("the test's own failure");
    }
  }

  /** Constructor, lifecycle method and test method parameters and fields, all filled in. */
  @WithGoogleStandIn
  static class InjectedSample {
    final GoogleStandIn google;
    final CliHarness cli;
    GoogleStandIn seenBeforeEach;
    GoogleStandIn googleField;
    CliHarness cliField;
    @TempHome Path homeField;

    InjectedSample(GoogleStandIn google, CliHarness cli) {
      this.google = google;
      this.cli = cli;
    }

    @BeforeEach
    void before(GoogleStandIn google) {
      seenBeforeEach = google;
    }

    @Test
    void sameResourcesEverywhere(GoogleStandIn google, CliHarness cli, @TempHome Path home)
        throws IOException {
      SEEN.add(new Seen(home, google.baseUrl()));
      assertThat(google).isSameAs(this.google).isSameAs(seenBeforeEach).isSameAs(googleField);
      assertThat(cli).isSameAs(this.cli).isSameAs(cliField);
      assertThat(cli.home()).isEqualTo(home).isEqualTo(homeField).isDirectory();

      cli.token(TokenFixtures.valid(google, TestClock.NOW));
      CliRun threads = cli.run("threads", "--max", "1", "--no-details");
      CliRun status = cli.run("status");

      // the harness talks to this stand-in, and runs at the fixed test clock
      assertThat(threads.exitCode()).as(threads.err()).isZero();
      assertThat(google.count("threads.list")).isEqualTo(1);
      assertThat(status.out()).contains("valid until 2024-03-15T12:59:59Z (59m left)");
    }
  }
}
