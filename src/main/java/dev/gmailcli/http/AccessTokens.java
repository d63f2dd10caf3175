package dev.gmailcli.http;

/**
 * Role: the access tokens that authorize requests to Google for one mailbox, whatever the kind of
 * credential behind them.
 */
public interface AccessTokens {
  /** The access token for the next request: refreshed first when it is about to lapse. */
  String accessToken();

  /**
   * A fresh access token after Google answered 401 to a request sent with {@code refused}. Requests
   * refused with the same token share one refresh: the first refreshes, the others reuse it.
   */
  String renewedAfter(String refused);
}
