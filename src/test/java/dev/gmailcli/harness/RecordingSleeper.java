package dev.gmailcli.harness;

import com.google.api.client.util.Sleeper;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/** A sleeper that does not sleep but remembers every wait, so retry tests run instantly. */
public final class RecordingSleeper implements Sleeper {
  private final List<Long> sleeps = new CopyOnWriteArrayList<>();
  private volatile LongConsumer alsoAdvancing = millis -> {};

  @Override
  public void sleep(long millis) {
    sleeps.add(millis);
    alsoAdvancing.accept(millis);
  }

  /** Each sleep also moves {@code clock} forward by its length (scaled time). */
  public RecordingSleeper alsoAdvancing(SimulatedClock clock) {
    alsoAdvancing = clock::advanceMillis;
    return this;
  }

  public List<Long> sleeps() {
    return List.copyOf(sleeps);
  }

  public long totalMillis() {
    return sleeps.stream().mapToLong(Long::longValue).sum();
  }
}
