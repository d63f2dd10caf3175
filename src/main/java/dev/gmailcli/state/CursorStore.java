package dev.gmailcli.state;

import com.google.api.client.util.Sleeper;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.platform.AtomicFiles;
import dev.gmailcli.platform.CrossProcessLock;
import dev.gmailcli.platform.SmallTextFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cursors of {@code threads --new}: one small JSON file each in a directory of gmailcli's own
 * (mode 0700), written atomically with mode 0600 — with the same care as token.json. A run holds
 * the cursor's cross-process lock from reading it to moving it, so that overlapping runs on one
 * cursor take turns and never both print the same arrivals.
 */
public final class CursorStore {
  /** How long a run waits for another that is reading news on the same cursor. */
  public static final Duration LOCK_WAIT = Duration.ofMinutes(2);

  private final Path dir;
  private final Sleeper sleeper;
  private final Consumer<String> diagnostics;

  /**
   * @param dir the cursor directory (see {@code Locations#cursors()}), gmailcli's own
   * @param sleeper how a run waits for the lock
   * @param diagnostics receives a line when gmailcli waits for the lock or goes on without it
   */
  public CursorStore(Path dir, Sleeper sleeper, Consumer<String> diagnostics) {
    this.dir = dir.toAbsolutePath();
    this.sleeper = sleeper;
    this.diagnostics = diagnostics;
  }

  public Path directory() {
    return dir;
  }

  /** The file of the cursor {@code key}. */
  public Path file(CursorKey key) {
    return dir.resolve(key.fileName());
  }

  /**
   * Takes the lock of cursor {@code key}, waiting for a run that holds it, and keeps it until the
   * returned hold is closed.
   *
   * @throws GmailCliException exit 4 when the directory cannot be made, exit 5 when another run
   *     holds the lock for longer than {@link #LOCK_WAIT}
   */
  public Hold hold(CursorKey key) {
    try {
      // the state directory and everything in it are gmailcli's alone: tighten them if looser
      AtomicFiles.prepareDirectory(dir.getParent(), true);
      AtomicFiles.prepareDirectory(dir, true);
    } catch (IOException e) {
      throw GmailCliException.config(
          "cannot keep the cursors of `threads --new` in "
              + dir
              + ": "
              + SmallTextFiles.describe(e),
          "make " + dir + " a directory you can write, or set XDG_STATE_HOME to one",
          e);
    }
    Path file = file(key);
    CrossProcessLock lock =
        CrossProcessLock.acquire(
            file, "reading new threads for the cursor " + file, LOCK_WAIT, sleeper, diagnostics);
    return new Hold(file, lock);
  }

  /** Every cursor in the directory, by file name; unreadable ones with what is wrong. */
  public List<CursorListing> list() {
    List<CursorListing> listings = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return listings;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : files) {
        try {
          parse(file).ifPresent(cursor -> listings.add(new CursorListing(file, cursor, null)));
        } catch (UnusableCursorException e) {
          listings.add(new CursorListing(file, null, e.getMessage()));
        }
      }
    } catch (IOException e) {
      listings.add(new CursorListing(dir, null, SmallTextFiles.describe(e)));
    }
    listings.sort((a, b) -> a.file().compareTo(b.file()));
    return listings;
  }

  /** A cursor held under its lock: read it, then move it once the news was written out. */
  public final class Hold implements AutoCloseable {
    private final Path file;
    private final CrossProcessLock lock;

    private Hold(Path file, CrossProcessLock lock) {
      this.file = file;
      this.lock = lock;
    }

    public Path file() {
      return file;
    }

    /** The cursor, or empty before the first run. */
    public Optional<Cursor> read() {
      return CursorStore.read(file);
    }

    /**
     * Replaces the cursor atomically.
     *
     * @throws GmailCliException exit 4 when it cannot be written
     */
    public void write(Cursor cursor) {
      try {
        AtomicFiles.write(file, CursorJson.format(cursor).getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw GmailCliException.config(
            "cannot save the cursor to " + file + ": " + SmallTextFiles.describe(e),
            "make "
                + file.getParent()
                + " and the file writable by you; until then each run prints the same threads"
                + " again",
            e);
      }
    }

    @Override
    public void close() {
      lock.close();
    }
  }

  private static Optional<Cursor> read(Path file) {
    try {
      return parse(file);
    } catch (UnusableCursorException e) {
      throw GmailCliException.config(
          "cannot use the cursor " + file + ": " + e.getMessage(),
          "delete "
              + file
              + " to start the cursor afresh (what arrived meanwhile is then not printed)",
          e.getCause());
    }
  }

  private static Optional<Cursor> parse(Path file) throws UnusableCursorException {
    String text;
    try {
      text = SmallTextFiles.read(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (CharacterCodingException e) {
      throw new UnusableCursorException("it is not UTF-8 text", null);
    } catch (IOException e) {
      throw new UnusableCursorException(SmallTextFiles.describe(e), e);
    }
    try {
      return Optional.of(CursorJson.parse(text));
    } catch (CursorJson.MalformedCursorException e) {
      throw new UnusableCursorException(e.getMessage(), null);
    }
  }

  /** A cursor file that cannot be read or understood; the message says why. */
  private static final class UnusableCursorException extends Exception {
    private static final long serialVersionUID = 1L;

    UnusableCursorException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
