package dev.gmailcli.auth;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.UrlEncodedContent;
import dev.gmailcli.http.Retrier;
import java.io.IOException;
import java.util.Map;

/** Revokes a token at Google's revocation endpoint (RFC 7009); the token goes in the body. */
public final class TokenRevoker {
  /** What Google said. */
  public enum Outcome {
    /** The token was valid and is now revoked. */
    REVOKED,
    /** Google no longer knew the token: it had expired or been revoked already. */
    ALREADY_INVALID
  }

  private final HttpTransport transport;
  private final HttpRequestInitializer settings;
  private final String revokeUri;
  private final Retrier retrier;

  public TokenRevoker(
      HttpTransport transport, HttpRequestInitializer settings, String revokeUri, Retrier retrier) {
    this.transport = transport;
    this.settings = settings;
    this.revokeUri = revokeUri;
    this.retrier = retrier;
  }

  /**
   * Revokes {@code token} (a refresh token revokes the whole grant).
   *
   * @throws dev.gmailcli.GmailCliException exit 5 when Google cannot be reached, exit 6 for other
   *     refusals
   */
  public Outcome revoke(String token) {
    try {
      retrier.call(
          () -> {
            transport
                .createRequestFactory(settings)
                .buildPostRequest(
                    new GenericUrl(revokeUri), new UrlEncodedContent(Map.of("token", token)))
                .execute()
                .disconnect();
            return null;
          });
      return Outcome.REVOKED;
    } catch (HttpResponseException e) {
      if (e.getStatusCode() == 400 && "invalid_token".equals(OAuthErrors.errorCode(e))) {
        return Outcome.ALREADY_INVALID;
      }
      throw OAuthErrors.toCliException(e, "revoke the login");
    } catch (IOException e) {
      throw OAuthErrors.toCliException(e, "revoke the login");
    }
  }
}
