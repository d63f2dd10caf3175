package dev.gmailcli.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.StandInMailbox.Msg;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * users.history.list, users.messages.list and the history id of users.getProfile, as Gmail answers
 * them, with Google's real client library; and delivering mail in a test.
 */
@WithGoogleStandIn
class StandInHistoryTest extends StandInClients {
  static final Instant NOON = Instant.parse("2024-03-15T12:00:00Z");

  Gmail gmail;
  long start;

  @BeforeEach
  void mailbox() throws IOException {
    google.mailbox().generate(5);
    gmail = readonly();
    start = gmail.users().getProfile("me").execute().getHistoryId().longValueExact();
  }

  @Test
  void deliveries_raiseTheHistoryId_andAreListedAsMessagesAdded() throws IOException {
    String first = google.mailbox().deliver("new1", Msg.arriving("Hello", "a@x.test", NOON));
    String reply =
        google.mailbox().deliver("t00003", Msg.arriving("Re: Subject 3", "b@x.test", NOON));

    ListHistoryResponse page =
        gmail
            .users()
            .history()
            .list("me")
            .setStartHistoryId(BigInteger.valueOf(start))
            .setHistoryTypes(List.of("messageAdded"))
            .execute();

    assertThat(first).isEqualTo("new1");
    assertThat(reply).isEqualTo("t00003m1");
    assertThat(page.getHistoryId()).isEqualTo(BigInteger.valueOf(start + 2));
    assertThat(page.getHistory())
        .extracting(History::getId)
        .containsExactly(BigInteger.valueOf(start + 1), BigInteger.valueOf(start + 2));
    Message added = page.getHistory().get(1).getMessagesAdded().get(0).getMessage();
    assertThat(added.getId()).isEqualTo("t00003m1");
    assertThat(added.getThreadId()).isEqualTo("t00003");
    assertThat(added.getLabelIds()).containsExactly("INBOX", "UNREAD");
    assertThat(gmail.users().getProfile("me").execute().getHistoryId())
        .isEqualTo(BigInteger.valueOf(start + 2));
    assertThat(gmail.users().threads().list("me").execute().getThreads().get(0).getId())
        .isIn("new1", "t00003");
  }

  @Test
  void nothingNew_isAnEmptyPage_withTheCurrentHistoryId() throws IOException {
    ListHistoryResponse page =
        gmail.users().history().list("me").setStartHistoryId(BigInteger.valueOf(start)).execute();

    assertThat(page.getHistory()).isNull();
    assertThat(page.getNextPageToken()).isNull();
    assertThat(page.getHistoryId()).isEqualTo(BigInteger.valueOf(start));
  }

  @Test
  void history_pagesByMaxResults() throws IOException {
    for (int i = 0; i < 5; i++) {
      google.mailbox().deliver("n" + i, Msg.arriving("Mail " + i, "a@x.test", NOON));
    }
    List<BigInteger> ids = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ListHistoryResponse page =
          gmail
              .users()
              .history()
              .list("me")
              .setStartHistoryId(BigInteger.valueOf(start + 1))
              .setMaxResults(2L)
              .setPageToken(token)
              .execute();
      page.getHistory().forEach(h -> ids.add(h.getId()));
      token = page.getNextPageToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(2);
    assertThat(ids).hasSize(4).first().isEqualTo(BigInteger.valueOf(start + 2));
  }

  @Test
  void aStartHistoryIdOlderThanTheKeptHistory_is404() {
    google.mailbox().keepHistoryFrom(start + 1);

    GoogleJsonError error =
        apiError(
            () ->
                gmail
                    .users()
                    .history()
                    .list("me")
                    .setStartHistoryId(BigInteger.valueOf(start))
                    .execute());

    assertThat(error.getCode()).isEqualTo(404);
    assertThat(error.getErrors().get(0).getReason()).isEqualTo("notFound");
  }

  @Test
  void messagesList_matchesEachMessageOnItsOwn_newestFirst() throws IOException {
    google.mailbox().deliver("inv", Msg.arriving("Invoice 7", "billing@x.test", NOON));
    google
        .mailbox()
        .deliver("inv", Msg.arriving("Re: Invoice 7", "me@x.test", NOON.plusSeconds(60), "SENT"));
    google.mailbox().deliver("inv", Msg.arriving("lunch?", "bob@x.test", NOON.plusSeconds(120)));

    assertThat(messageIds("from:billing")).containsExactly("inv");
    assertThat(messageIds("invoice")).containsExactly("invm1", "inv");
    assertThat(messageIds("(invoice OR lunch) after:" + NOON.plusSeconds(30).getEpochSecond()))
        .containsExactly("invm2", "invm1");
    assertThat(messageIds("in:sent invoice")).containsExactly("invm1");
    assertThat(messageIds("before:2024/03/15 invoice")).isEmpty();
  }

  @Test
  void messagesList_leavesOutSpamAndTrash_unlessAskedFor() throws IOException {
    google.mailbox().deliver("junk", Msg.arriving("Win now", "spam@x.test", NOON, "SPAM"));

    assertThat(messageIds("win")).isEmpty();
    assertThat(messageIds("in:spam win")).containsExactly("junk");
    ListMessagesResponse all =
        gmail.users().messages().list("me").setQ("win").setIncludeSpamTrash(true).execute();
    assertThat(all.getMessages()).extracting(Message::getThreadId).containsExactly("junk");
  }

  private List<String> messageIds(String q) throws IOException {
    ListMessagesResponse page = gmail.users().messages().list("me").setQ(q).execute();
    return page.getMessages() == null
        ? List.of()
        : page.getMessages().stream().map(Message::getId).toList();
  }
}
