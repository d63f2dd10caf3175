package dev.gmailcli.bench;

import com.google.api.client.http.javanet.NetHttpTransport;
import dev.gmailcli.cli.Cli;
import dev.gmailcli.harness.RecordingSleeper;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.platform.Env;
import dev.gmailcli.platform.Terminal;
import dev.gmailcli.standin.GoogleStandIn;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark, not a unit test (surefire does not pick it up): lists N threads (default 10,000) as
 * ndjson from the Google stand-in, through gmailcli's real entry point in this JVM, into a writer
 * that only counts, and reports wall time, lines, threads.list calls and heap use. Run it with a
 * small {@code -Xmx} (bench/ndjson-memory.sh uses 64m) to show that the listing streams page by
 * page instead of holding every thread.
 *
 * <p>The stand-in's mailbox lives in the same JVM; it is built before the baseline is taken, so
 * "growth" is what the listing itself adds on top.
 *
 * <pre>java -Xmx64m -cp … dev.gmailcli.bench.NdjsonMemoryBenchmark [threads] [format]</pre>
 */
public final class NdjsonMemoryBenchmark {
  private NdjsonMemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String format = args.length > 1 ? args[1] : "ndjson";
    Path home = Files.createTempDirectory("gmailcli-bench");
    try (GoogleStandIn google = GoogleStandIn.start()) {
      int generated = generatedFor(wanted);
      google.mailbox().generate(generated);
      Path tokenFile = home.resolve(".config").resolve("gmailcli").resolve("token.json");
      Files.createDirectories(tokenFile.getParent());
      Files.writeString(tokenFile, TokenFixtures.valid(google, Instant.now()));

      CountingWriter counted = new CountingWriter();
      StringWriter err = new StringWriter();
      Env env =
          new Env(
              new PrintWriter(new BufferedWriter(counted, 1 << 16), false),
              new PrintWriter(err, true),
              new ByteArrayInputStream(new byte[0]),
              Map.of(
                  "HOME", home.toString(),
                  "GMAILCLI_GMAIL_ROOT_URL", google.baseUrl(),
                  "GMAILCLI_TOKEN_URI", google.tokenUri(),
                  "GMAILCLI_REVOKE_URI", google.revokeUri()),
              Clock.systemUTC(),
              new NetHttpTransport(),
              new RecordingSleeper(),
              url -> {
                throw new IllegalStateException("no browser in a benchmark: " + url);
              },
              Terminal.none(),
              home);

      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      settle(memory);
      long baseline = memory.getHeapMemoryUsage().getUsed();
      List<MemoryPoolMXBean> heapPools =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .toList();
      heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
      HeapSampler sampler = new HeapSampler(memory);
      sampler.start();

      long started = System.nanoTime();
      int exit = Cli.run(env, "threads", "--max", Integer.toString(wanted), "--format", format);
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      sampler.stop();

      long max = memory.getHeapMemoryUsage().getMax();
      System.out.printf(Locale.ROOT, "gmailcli threads --max %d --format %s%n", wanted, format);
      System.out.printf(
          Locale.ROOT,
          "  mailbox            %d threads generated, %d listable%n",
          generated,
          wanted);
      System.out.printf(Locale.ROOT, "  exit code          %d%n", exit);
      System.out.printf(Locale.ROOT, "  wall time          %d ms%n", elapsedMs);
      System.out.printf(
          Locale.ROOT, "  lines written      %d (%d chars)%n", counted.lines(), counted.chars());
      System.out.printf(
          Locale.ROOT,
          "  threads.list calls %d (maxResults %s)%n",
          google.count("threads.list"),
          google.requests("threads.list").stream()
              .map(r -> r.param("maxResults"))
              .distinct()
              .toList());
      System.out.printf(
          Locale.ROOT,
          "  other Gmail calls  batch=%d threads.get=%d token=%d%n",
          google.count("batch"),
          google.count("threads.get"),
          google.count("token.refresh") + google.count("token"));
      System.out.printf(Locale.ROOT, "  heap max (-Xmx)    %s%n", max < 0 ? "unbounded" : mib(max));
      System.out.printf(
          Locale.ROOT,
          "  heap baseline      %s (stand-in mailbox loaded, after GC)%n",
          mib(baseline));
      System.out.printf(
          Locale.ROOT,
          "  heap peak used     %s sampled every 10 ms (%d samples),"
              + " growth %s over baseline%n",
          mib(sampler.peak()),
          sampler.samples(),
          mib(sampler.peak() - baseline));
      for (MemoryPoolMXBean pool : heapPools) {
        System.out.printf(
            Locale.ROOT,
            "  pool peak          %-22s %s%n",
            pool.getName(),
            mib(pool.getPeakUsage().getUsed()));
      }
      settle(memory);
      System.out.printf(
          Locale.ROOT,
          "  heap after run     %s (after GC)%n",
          mib(memory.getHeapMemoryUsage().getUsed()));
      if (!err.toString().isEmpty()) {
        System.out.println("  stderr of the run:");
        err.toString().lines().forEach(l -> System.out.println("    " + l));
      }
      if (exit != 0 || counted.lines() != wanted) {
        System.exit(1);
      }
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Threads to generate so that exactly {@code wanted} are outside Spam and Trash: the generator
   * puts thread i in Spam when i % 25 == 7 and in Trash when i % 25 == 13.
   */
  static int generatedFor(int wanted) {
    int generated = 0;
    int listable = 0;
    while (listable < wanted) {
      generated++;
      if (generated % 25 != 7 && generated % 25 != 13) {
        listable++;
      }
    }
    return generated;
  }

  private static void settle(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      memory.gc();
      Thread.sleep(50);
    }
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  /** Counts what would have gone to stdout, then drops it. */
  static final class CountingWriter extends Writer {
    private long lines;
    private long chars;

    @Override
    public void write(char[] buffer, int offset, int length) {
      chars += length;
      for (int i = offset; i < offset + length; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    long lines() {
      return lines;
    }

    long chars() {
      return chars;
    }
  }

  /** Samples used heap every 10 ms on a daemon thread and keeps the highest value. */
  static final class HeapSampler {
    private final MemoryMXBean memory;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;
    private volatile long samples;

    HeapSampler(MemoryMXBean memory) {
      this.memory = memory;
      this.thread = new Thread(this::run, "heap-sampler");
      this.thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    long peak() {
      return peak;
    }

    long samples() {
      return samples;
    }

    private void run() {
      while (running) {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > peak) {
          peak = used;
        }
        samples++;
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
