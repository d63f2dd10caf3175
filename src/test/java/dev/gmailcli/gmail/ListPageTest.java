package dev.gmailcli.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.services.gmail.Gmail;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plain threads.list URL is the one the generated client would build for the same page. */
class ListPageTest {
  private static final String ROOT = "https://gmail.googleapis.com/";

  static Stream<ListPage> pages() {
    return Stream.of(
        new ListPage(5, null, List.of(), false, null),
        new ListPage(500, "", List.of(), false, ""),
        new ListPage(
            2, "from:x é&=+/?#%20 \"quoted\"", List.of("INBOX", "Label_1"), true, "abc/+="),
        new ListPage(1, "subject:(a b) -{c}", List.of("a b&c"), false, "token with space"));
  }

  @ParameterizedTest
  @MethodSource("pages")
  void urlQuery_isExactlyTheGeneratedClientsQuery(ListPage page) throws Exception {
    Gmail gmail =
        new Gmail.Builder(new MockHttpTransport(), GsonFactory.getDefaultInstance(), null)
            .setRootUrl(ROOT)
            .setApplicationName("gmailcli/test")
            .build();
    String generated =
        page.applyTo(gmail.users().threads().list("me")).buildHttpRequestUrl().build();

    assertThat(ROOT + "gmail/v1/users/me/threads?" + page.urlQuery()).isEqualTo(generated);
  }
}
