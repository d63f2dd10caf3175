package dev.gmailcli.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListThreadsResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePartHeader;
import com.google.api.services.gmail.model.Thread;
import dev.gmailcli.harness.WithGoogleStandIn;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * threads.list, threads.get, labels.list and users.getProfile, as Gmail answers them: proves {@link
 * GoogleStandIn} is faithful, with Google's real client libraries.
 */
@WithGoogleStandIn
class StandInThreadsTest extends StandInClients {

  @Test
  void listPagesWithNextPageTokenAndCapsMaxResultsAt500() throws IOException {
    google.mailbox().generate(1200);
    Gmail gmail = readonly();
    List<String> ids = new ArrayList<>();
    String pageToken = null;
    List<Integer> pageSizes = new ArrayList<>();
    do {
      ListThreadsResponse page =
          gmail.users().threads().list("me").setMaxResults(1000L).setPageToken(pageToken).execute();
      pageSizes.add(page.getThreads().size());
      page.getThreads().forEach(t -> ids.add(t.getId()));
      assertThat(page.getResultSizeEstimate()).isEqualTo(1104L);
      pageToken = page.getNextPageToken();
    } while (pageToken != null);
    // 1200 threads, 48 in SPAM and 48 in TRASH excluded by default
    assertThat(pageSizes).containsExactly(500, 500, 104);
    assertThat(new HashSet<>(ids)).hasSize(1104);
    assertThat(ids.get(0)).isEqualTo("t00001");
    assertThat(google.requests("threads.list").get(0).param("maxResults")).isEqualTo("1000");
  }

  @Test
  void listDefaultsTo100AndUsesGmailShape() throws IOException {
    google.mailbox().generate(150);
    ListThreadsResponse page = readonly().users().threads().list("me").execute();
    assertThat(page.getThreads()).hasSize(100);
    Thread first = page.getThreads().get(0);
    assertThat(first.getId()).isEqualTo("t00001");
    assertThat(first.getHistoryId()).isEqualTo(BigInteger.valueOf(9_999_997));
    assertThat(first.getSnippet()).isNotEmpty();
    assertThat(first.getMessages()).isNull();
    assertThat(page.getNextPageToken()).isNotNull();
  }

  @Test
  void emptyResultHasNoThreadsFieldAndNoToken() throws IOException {
    ListThreadsResponse page = readonly().users().threads().list("me").execute();
    assertThat(page.getThreads()).isNull();
    assertThat(page.getNextPageToken()).isNull();
    assertThat(page.getResultSizeEstimate()).isZero();
    assertThat(google.requests("threads.list").get(0).status()).isEqualTo(200);
  }

  @Test
  void filtersByLabelIdsQueryAndSpamTrash() throws IOException {
    google.mailbox().generate(100);
    Gmail gmail = readonly();
    List<Thread> unreadInbox =
        gmail
            .users()
            .threads()
            .list("me")
            .setLabelIds(List.of("INBOX", "UNREAD"))
            .setMaxResults(500L)
            .execute()
            .getThreads();
    assertThat(unreadInbox)
        .isNotEmpty()
        .allSatisfy(
            t ->
                assertThat(google.mailbox().thread(t.getId()).orElseThrow().labelIds())
                    .contains("INBOX", "UNREAD"));
    assertThat(
            gmail.users().threads().list("me").setQ("is:unread").execute().getResultSizeEstimate())
        .isEqualTo(unreadInbox.size());
    assertThat(ids(gmail.users().threads().list("me").setQ("subject 42").execute()))
        .containsExactly("t0002a");
    assertThat(ids(gmail.users().threads().list("me").setQ("\"it's the report\"").execute()))
        .isNotEmpty();
    assertThat(
            gmail
                .users()
                .threads()
                .list("me")
                .setQ("from:carol@example.net")
                .execute()
                .getThreads())
        .isNotEmpty();
    long spam = count(gmail.users().threads().list("me").setLabelIds(List.of("SPAM")));
    assertThat(spam).isEqualTo(4); // 7, 32, 57, 82
    long withSpamTrash = count(gmail.users().threads().list("me").setIncludeSpamTrash(true));
    long without = count(gmail.users().threads().list("me"));
    assertThat(withSpamTrash).isEqualTo(100);
    assertThat(without).isEqualTo(92);
    assertThat(count(gmail.users().threads().list("me").setQ("in:trash"))).isEqualTo(4);
  }

  @Test
  void unknownLabelAndBadPageTokenAre400() {
    Gmail gmail = readonly();
    GoogleJsonError label =
        apiError(
            () -> gmail.users().threads().list("me").setLabelIds(List.of("Label_404")).execute());
    assertThat(label.getCode()).isEqualTo(400);
    assertThat(label.getMessage()).isEqualTo("Invalid label: Label_404");
    assertThat(label.get("status")).isEqualTo("INVALID_ARGUMENT");
    GoogleJsonError token =
        apiError(() -> gmail.users().threads().list("me").setPageToken("not-a-token").execute());
    assertThat(token.getCode()).isEqualTo(400);
    assertThat(token.getMessage()).isEqualTo("Invalid pageToken");
  }

  @Test
  void userLabelsCanBeFilteredAndListed() throws IOException {
    google
        .mailbox()
        .addLabel("Label_12", "Receipts")
        .addThread(
            "r1",
            "Your receipt",
            77,
            List.of("Label_12"),
            List.of(
                new StandInMailbox.Msg(
                    "Receipt",
                    "shop@example.com",
                    "Tue, 2 Jan 2024 10:00:00 +0000",
                    Instant.parse("2024-01-02T10:00:00Z"),
                    List.of("INBOX"))));
    Gmail gmail = readonly();
    assertThat(ids(gmail.users().threads().list("me").setLabelIds(List.of("Label_12")).execute()))
        .containsExactly("r1");
    var labels = gmail.users().labels().list("me").execute().getLabels();
    assertThat(labels)
        .extracting(l -> l.getId())
        .contains("INBOX", "SPAM", "TRASH", "UNREAD", "STARRED", "CATEGORY_SOCIAL", "Label_12");
    assertThat(labels.get(labels.size() - 1).getType()).isEqualTo("user");
    assertThat(labels.get(0).getType()).isEqualTo("system");
  }

  @Test
  void getMetadataReturnsOnlyRequestedHeaders() throws IOException {
    google.mailbox().generate(10);
    Thread t =
        readonly()
            .users()
            .threads()
            .get("me", "t00004")
            .setFormat("metadata")
            .setMetadataHeaders(HEADERS)
            .execute();
    assertThat(t.getId()).isEqualTo("t00004");
    assertThat(t.getMessages()).hasSize(2);
    Message last = t.getMessages().get(1);
    assertThat(last.getThreadId()).isEqualTo("t00004");
    assertThat(last.getLabelIds()).contains("INBOX");
    assertThat(last.getInternalDate())
        .isEqualTo(Instant.parse("2024-03-15T07:09:00Z").toEpochMilli());
    assertThat(last.getPayload().getHeaders())
        .extracting(MessagePartHeader::getName)
        .containsExactly("Date", "Subject", "From");
    assertThat(header(last, "Subject")).isEqualTo("Re: 件名 4: 日本語のテスト");
    assertThat(header(last, "Date")).isEqualTo("Fri, 15 Mar 2024 16:09:00 +0900");
    assertThat(last.getSnippet()).contains("こんにちは");
    assertThat(google.requests("threads.get").get(0).params("metadataHeaders"))
        .containsExactlyElementsOf(HEADERS);
  }

  @Test
  void getUnknownThreadIs404() {
    GoogleJsonError e =
        apiError(
            () -> readonly().users().threads().get("me", "nope").setFormat("metadata").execute());
    assertThat(e.getCode()).isEqualTo(404);
    assertThat(e.getMessage()).isEqualTo("Requested entity was not found.");
    assertThat(e.getErrors().get(0).getReason()).isEqualTo("notFound");
  }

  @Test
  void profileReportsConfiguredAddress() throws IOException {
    google.email("someone@example.org").mailbox().generate(3);
    var profile = readonly().users().getProfile("me").execute();
    assertThat(profile.getEmailAddress()).isEqualTo("someone@example.org");
    assertThat(profile.getThreadsTotal()).isEqualTo(3);
    assertThat(profile.getMessagesTotal()).isEqualTo(2 + 3 + 1);
    assertThat(profile.getHistoryId()).isEqualTo(BigInteger.valueOf(9_999_997));
  }

  @Test
  void tenThousandThreadsListQuickly() throws IOException {
    long start = System.nanoTime();
    google.mailbox().generate(10_000);
    Gmail gmail = readonly();
    int total = 0;
    String token = null;
    do {
      ListThreadsResponse page =
          gmail
              .users()
              .threads()
              .list("me")
              .setMaxResults(500L)
              .setPageToken(token)
              .setIncludeSpamTrash(true)
              .execute();
      total += page.getThreads().size();
      token = page.getNextPageToken();
    } while (token != null);
    assertThat(total).isEqualTo(10_000);
    assertThat(google.count("threads.list")).isEqualTo(20);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }
}
