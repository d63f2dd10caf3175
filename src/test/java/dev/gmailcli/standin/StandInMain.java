package dev.gmailcli.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Runs a {@link GoogleStandIn} as a separate process, for benchmarks and interoperability checks
 * with other programs (e.g. Python's google-auth quickstart). Not used by the test suite.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.gmailcli.standin.StandInMain \
 *     [--threads N | N] [--url-file FILE] [--control-file FILE] [--credentials-dir DIR]...
 *     [--email ADDRESS] [--https KEYSTORE.p12 [--https-password PASSWORD]]
 *     [--quota UNITS/SECONDS]
 * </pre>
 *
 * <p>It generates N threads (default 100), writes credentials.json (pointing at the stand-in) into
 * each {@code --credentials-dir}, prints {@code base_url=...} and {@code control_url=...} on
 * stdout, writes the base URL to {@code --url-file} and the control URL to {@code --control-file}
 * (each written atomically, after the server is listening, so a script may wait for the file to
 * appear), and runs until killed or told {@code quit}. With {@code --https} it speaks HTTPS with
 * the key and certificate in that PKCS#12 key store (password {@code changeit} unless given); the
 * control URL stays plain HTTP. With {@code --quota 2500/10} it enforces a per-user quota of 2,500
 * units per sliding 10 s (see {@link GoogleStandIn#quota}).
 *
 * <p>The stand-in's own server cannot be given extra routes from outside, so the control routes
 * live on a second listener on 127.0.0.1 (the control URL), and never disturb the stand-in's
 * request counts:
 *
 * <ul>
 *   <li>{@code GET /__counts} — request counts per kind as one JSON object (every kind of {@link
 *       GoogleStandIn#count(String)}, plus {@code total}, {@code refused} — calls refused by the
 *       quota — and {@code units} — quota units of the calls it let through);
 *   <li>{@code GET /__requests} — every recorded request, one per line;
 *   <li>{@code POST /__clear} — forget recorded requests (counts start again at 0);
 *   <li>{@code POST /__expire} — make every access token issued so far expired;
 *   <li>{@code POST /__quit} — stop.
 * </ul>
 *
 * The same commands work as lines on stdin: {@code counts}, {@code requests}, {@code clear}, {@code
 * expire}, {@code quit}. End of stdin is ignored (the process keeps running).
 */
public final class StandInMain {

  /** Every kind the stand-in records, in a fixed order. */
  static final List<String> KINDS =
      List.of(
          "auth",
          "token.code",
          "token.refresh",
          "token",
          "revoke",
          "profile",
          "threads.list",
          "threads.get",
          "labels.list",
          "batch",
          "unmatched");

  private final GoogleStandIn google;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private HttpServer control;

  private StandInMain(GoogleStandIn google) {
    this.google = google;
  }

  public static void main(String[] args) throws Exception {
    int threads = 100;
    String email = null;
    String quota = null;
    Path urlFile = null;
    Path controlFile = null;
    List<Path> credentialDirs = new ArrayList<>();
    Path keyStore = null;
    char[] keyStorePassword = "changeit".toCharArray();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
        case "--url-file" -> urlFile = Path.of(value(args, ++i, a));
        case "--control-file" -> controlFile = Path.of(value(args, ++i, a));
        case "--credentials-dir" -> credentialDirs.add(Path.of(value(args, ++i, a)));
        case "--email" -> email = value(args, ++i, a);
        case "--https" -> keyStore = Path.of(value(args, ++i, a));
        case "--https-password" -> keyStorePassword = value(args, ++i, a).toCharArray();
        case "--quota" -> quota = value(args, ++i, a);
        case "-h", "--help" -> {
          System.out.println(
              "usage: StandInMain [--threads N | N] [--url-file FILE]"
                  + " [--control-file FILE] [--credentials-dir DIR]... [--email ADDRESS]"
                  + " [--https KEYSTORE.p12 [--https-password PASSWORD]]"
                  + " [--quota UNITS/SECONDS]");
          return;
        }
        default -> {
          if (a.matches("\\d+")) {
            threads = Integer.parseInt(a);
          } else {
            System.err.println("StandInMain: unknown argument: " + a);
            System.exit(2);
          }
        }
      }
    }

    GoogleStandIn google =
        GoogleStandIn.start(keyStore == null ? null : tls(keyStore, keyStorePassword));
    if (email != null) {
      google.email(email);
    }
    if (quota != null) {
      String[] parts = quota.split("/", 2);
      if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
        System.err.println("StandInMain: --quota needs UNITS/SECONDS, e.g. 2500/10");
        System.exit(2);
      }
      google.quota(Integer.parseInt(parts[0]), Duration.ofSeconds(Long.parseLong(parts[1])));
    }
    google.mailbox().generate(threads);
    StandInMain main = new StandInMain(google);
    String controlUrl = main.startControl();
    Runtime.getRuntime().addShutdownHook(new Thread(main::close, "stand-in-shutdown"));

    for (Path dir : credentialDirs) {
      Files.createDirectories(dir);
      writeAtomically(dir.resolve("credentials.json"), google.credentialsJson());
    }
    if (controlFile != null) {
      writeAtomically(controlFile, controlUrl + "\n");
    }
    if (urlFile != null) {
      writeAtomically(urlFile, google.baseUrl() + "\n");
    }
    PrintStream out = System.out;
    out.println("base_url=" + google.baseUrl());
    out.println("token_uri=" + google.tokenUri());
    out.println("control_url=" + controlUrl);
    out.println("threads=" + threads);
    out.println("quota=" + (quota == null ? "none" : quota));
    out.flush();

    Thread stdin = new Thread(main::readCommands, "stand-in-stdin");
    stdin.setDaemon(true);
    stdin.start();
    main.stopped.await();
    main.close();
    System.exit(0);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      System.err.println("StandInMain: " + option + " needs a value");
      System.exit(2);
    }
    return args[i];
  }

  private static SSLContext tls(Path keyStore, char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, password);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path temp = Files.createTempFile(abs.getParent(), ".standin-", ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private String startControl() throws IOException {
    control = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
    control.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "stand-in-control");
              t.setDaemon(true);
              return t;
            }));
    control.createContext("/", this::serveControl);
    control.start();
    return "http://127.0.0.1:" + control.getAddress().getPort() + "/";
  }

  private void serveControl(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getRequestBody().readAllBytes();
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      String command = path.startsWith("/__") ? path.substring(3) : path.substring(1);
      boolean readOnly = command.equals("counts") || command.equals("requests");
      int status;
      String body;
      if (!readOnly && !method.equals("POST")) {
        status = command.matches("clear|expire|quit") ? 405 : 404;
        body = status == 405 ? "use POST\n" : "unknown: " + path + "\n";
      } else {
        String answer = command(command);
        status = answer == null ? 404 : 200;
        body = answer == null ? "unknown: " + path + "\n" : answer;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders()
          .add(
              "Content-Type",
              command.equals("counts") ? "application/json" : "text/plain; charset=utf-8");
      ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(bytes);
        }
      }
    }
  }

  /** Runs a control command; returns its output, or null for an unknown command. */
  private String command(String command) {
    switch (command) {
      case "counts":
        return countsJson() + "\n";
      case "requests":
        {
          StringBuilder sb = new StringBuilder();
          google.requests().forEach(r -> sb.append(r).append('\n'));
          return sb.toString();
        }
      case "clear":
        google.clearRequests();
        return "cleared\n";
      case "expire":
        google.expireAccessTokens();
        return "expired\n";
      case "quit":
        stopped.countDown();
        return "bye\n";
      default:
        return null;
    }
  }

  /** {"auth":0,"token.code":0,...,"total":N,"refused":R,"units":U} in {@link #KINDS} order. */
  String countsJson() {
    Map<String, Long> counts = new LinkedHashMap<>();
    KINDS.forEach(k -> counts.put(k, 0L));
    long total = 0;
    for (RecordedRequest r : google.requests()) {
      counts.merge(r.kind(), 1L, Long::sum);
      total++;
    }
    StringBuilder sb = new StringBuilder("{");
    counts.forEach((k, v) -> sb.append('"').append(k).append("\":").append(v).append(','));
    sb.append("\"total\":").append(total);
    sb.append(",\"refused\":").append(google.quotaRefused());
    return sb.append(",\"units\":").append(google.quotaUnits()).append('}').toString();
  }

  private void readCommands() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String c = line.trim();
        if (c.isEmpty()) {
          continue;
        }
        String answer = command(c);
        System.out.print(
            answer == null
                ? "unknown command: " + c + " (counts, requests, clear, expire, quit)\n"
                : answer);
        System.out.flush();
      }
    } catch (IOException e) {
      // stdin closed: keep running until killed
    }
  }

  private synchronized void close() {
    if (control != null) {
      control.stop(0);
      control = null;
    }
    google.close();
  }
}
