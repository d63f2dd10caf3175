package dev.gmailcli.gmail;

import com.google.api.client.util.escape.CharEscapers;
import com.google.api.services.gmail.GmailRequest;
import java.util.List;

/**
 * One page of users.threads.list or users.messages.list: they take the same parameters.
 *
 * @param maxResults threads or messages to ask for (1 to 500)
 * @param query Gmail search syntax, or null
 * @param labelIds label ids (already resolved from names), all of which each must carry
 * @param includeSpamTrash also those in Spam and Trash
 * @param pageToken continue from this page token, or null for the first page
 */
public record ListPage(
    int maxResults,
    String query,
    List<String> labelIds,
    boolean includeSpamTrash,
    String pageToken) {

  public ListPage {
    labelIds = labelIds == null ? List.of() : List.copyOf(labelIds);
  }

  /**
   * Sets a list request's parameters from this page: threads.list and messages.list take the same
   * ones, under the same names, though their generated classes share no setter.
   */
  <R extends GmailRequest<?>> R applyTo(R request) {
    request.set("maxResults", (long) maxResults);
    if (query != null && !query.isBlank()) {
      request.set("q", query);
    }
    if (!labelIds.isEmpty()) {
      request.set("labelIds", labelIds);
    }
    if (includeSpamTrash) {
      request.set("includeSpamTrash", true);
    }
    if (pageToken != null && !pageToken.isBlank()) {
      request.set("pageToken", pageToken);
    }
    return request;
  }

  /**
   * This page's parameters as a URL query ({@code maxResults=5&q=…}), written as the generated
   * client writes them: in the order of their names, escaped as google-http-client escapes a query.
   */
  String urlQuery() {
    StringBuilder query = new StringBuilder();
    if (includeSpamTrash) {
      parameter(query, "includeSpamTrash", "true");
    }
    labelIds.forEach(id -> parameter(query, "labelIds", id));
    parameter(query, "maxResults", Integer.toString(maxResults));
    if (pageToken != null && !pageToken.isBlank()) {
      parameter(query, "pageToken", pageToken);
    }
    if (this.query != null && !this.query.isBlank()) {
      parameter(query, "q", this.query);
    }
    return query.toString();
  }

  private static void parameter(StringBuilder query, String name, String value) {
    if (query.length() > 0) {
      query.append('&');
    }
    query.append(name).append('=').append(CharEscapers.escapeUriQuery(value));
  }
}
