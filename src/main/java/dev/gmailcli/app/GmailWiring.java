package dev.gmailcli.app;

import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.gmail.GmailClient;
import dev.gmailcli.gmail.GmailService;
import dev.gmailcli.gmail.LabelResolver;
import dev.gmailcli.gmail.NewThreadsFinder;
import dev.gmailcli.gmail.QuotaCost;
import dev.gmailcli.gmail.QuotaPacer;
import dev.gmailcli.gmail.ThreadDetailsFetcher;
import dev.gmailcli.gmail.ThreadLister;
import dev.gmailcli.gmail.ThreadMessagesFetcher;
import dev.gmailcli.gmail.ThreadsListCall;
import dev.gmailcli.gmail.WaitListener;
import dev.gmailcli.http.AuthorizedGet;
import dev.gmailcli.http.QuotaBudget;
import dev.gmailcli.http.StallGuard;
import dev.gmailcli.http.TimeoutsAndTracing;
import dev.gmailcli.platform.Env;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The Gmail side of {@link Services}' wiring: the Gmail clients of one run, all paced by one quota
 * budget, and the listers and finders built on them.
 */
final class GmailWiring {
  /** A listing gives up when nothing has come from Gmail for this long. */
  static final Duration STALL_LIMIT = Duration.ofSeconds(60);

  private final Env env;
  private final TimeoutsAndTracing http;
  private final Consumer<String> diagnostics;
  private QuotaBudget quota;

  GmailWiring(Env env, TimeoutsAndTracing http, Consumer<String> diagnostics) {
    this.env = env;
    this.http = http;
    this.diagnostics = diagnostics;
  }

  /** What the run spent of Gmail's quota, for --verbose. */
  String quotaSummary() {
    return quota().summary().describe();
  }

  GmailService service(GmailAuthorization authorization) {
    return service(authorization, WaitListener.NONE);
  }

  // One budget for every Gmail call of the run: Gmail's quota is per user, not per call.
  private QuotaBudget quota() {
    if (quota == null) {
      quota = new QuotaBudget(QuotaCost.perUserPolicy(), env.clock());
    }
    return quota;
  }

  GmailService service(GmailAuthorization authorization, WaitListener waits) {
    QuotaBudget budget = quota();
    QuotaPacer pacer =
        new QuotaPacer(
            budget,
            new StallGuard(STALL_LIMIT, new SplittableRandom(), budget::now),
            env.sleeper(),
            waits,
            diagnostics);
    String rootUrl = env.endpoints().gmailRootUrl();
    String userAgent = "gmailcli/" + Version.current();
    return new GmailService(
        new GmailClient(env.transport(), rootUrl, authorization.requestInitializer(), userAgent),
        new ThreadsListCall(
            new AuthorizedGet(env.plainHttp(), http, authorization, userAgent), rootUrl),
        pacer);
  }

  ThreadLister threadLister(
      GmailAuthorization authorization, Consumer<String> warnings, WaitListener waits) {
    GmailService gmail = service(authorization, waits);
    return new ThreadLister(
        gmail, new LabelResolver(gmail), new ThreadDetailsFetcher(gmail, warnings));
  }

  NewThreadsFinder newThreadsFinder(GmailAuthorization authorization, Consumer<String> warnings) {
    GmailService gmail = service(authorization);
    return new NewThreadsFinder(
        gmail, new LabelResolver(gmail), new ThreadMessagesFetcher(gmail, warnings));
  }
}
