package dev.gmailcli.e2e;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link NetHttpTransport} that runs an action just before the n-th request whose URL
 * contains a given text is built, so a test can change the stand-in in the middle of one run
 * (expire access tokens before page 2, start failing after page 1).
 */
final class BeforeRequestTransport extends HttpTransport {
  private static final Method BUILD_REQUEST;

  static {
    try {
      BUILD_REQUEST =
          NetHttpTransport.class.getDeclaredMethod("buildRequest", String.class, String.class);
      BUILD_REQUEST.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final NetHttpTransport delegate = new NetHttpTransport();
  private final String urlPart;
  private final int nth;
  private final Runnable action;
  private final AtomicInteger seen = new AtomicInteger();

  /**
   * @param urlPart e.g. {@code "/threads?"} (threads.list) or {@code "/batch"}
   * @param nth 1 for the first matching request
   */
  BeforeRequestTransport(String urlPart, int nth, Runnable action) {
    this.urlPart = urlPart;
    this.nth = nth;
    this.action = action;
  }

  @Override
  protected LowLevelHttpRequest buildRequest(String method, String url) throws IOException {
    if (url.contains(urlPart) && seen.incrementAndGet() == nth) {
      action.run();
    }
    try {
      return (LowLevelHttpRequest) BUILD_REQUEST.invoke(delegate, method, url);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
