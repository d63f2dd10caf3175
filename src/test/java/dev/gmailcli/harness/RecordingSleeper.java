package dev.gmailcli.harness;

import com.google.api.client.util.Sleeper;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that does not sleep but remembers every wait, so retry tests run instantly. */
public final class RecordingSleeper implements Sleeper {
  private final List<Long> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(long millis) {
    sleeps.add(millis);
  }

  public List<Long> sleeps() {
    return List.copyOf(sleeps);
  }

  public long totalMillis() {
    return sleeps.stream().mapToLong(Long::longValue).sum();
  }
}
