package dev.gmailcli.platform;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.OpenCensusUtils;

/**
 * google-http-client's one-time start-up, done ahead of the first request: its tracing (OpenCensus,
 * which looks for an implementation by reflection) and the reflection over its header and URL
 * classes.
 */
final class HttpWarmUp {
  private HttpWarmUp() {}

  static void run() {
    OpenCensusUtils.getTracer();
    new HttpHeaders().setAuthorization("Bearer warm-up");
    new GenericUrl("https://gmail.googleapis.com/gmail/v1/users/me/threads?maxResults=1");
  }
}
