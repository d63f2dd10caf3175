package dev.gmailcli.auth;

import com.google.api.client.util.Sleeper;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.platform.AtomicFiles;
import dev.gmailcli.platform.CrossProcessLock;
import dev.gmailcli.platform.SmallTextFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * token.json on disk: read leniently and boundedly, written atomically (temporary file in the same
 * directory, fsync, rename, fsync of the directory) with mode 0600, in a directory with mode 0700.
 * Missing directories are created 0700; gmailcli's own directory is tightened to 0700 if it is
 * looser, while a directory the user chose for --token is left as it is. A file that cannot be
 * parsed is reported and left untouched; so is one that is read-only.
 */
public final class TokenFile {
  private static final String READ_HINT = "fix the file, or delete it and run `gmailcli login`";

  /** How long a run waits for another that holds the token's lock. */
  public static final Duration LOCK_WAIT = Duration.ofSeconds(30);

  private final Path path;
  private final boolean ownDirectory;
  private final boolean readOnly;
  private final Sleeper sleeper;
  private final Consumer<String> diagnostics;

  /** A token file in a directory gmailcli does not own (its mode is never changed). */
  public TokenFile(Path path) {
    this(path, null, false, Sleeper.DEFAULT, line -> {});
  }

  /**
   * @param path the token file
   * @param gmailcliHome gmailcli's own directory, whose mode gmailcli may tighten, or null
   * @param readOnly declared read-only (GMAILCLI_TOKEN_READONLY): never locked, never saved
   * @param sleeper how a run waits for the lock
   * @param diagnostics receives a line when gmailcli waits for the lock or goes on without it
   */
  public TokenFile(
      Path path,
      Path gmailcliHome,
      boolean readOnly,
      Sleeper sleeper,
      Consumer<String> diagnostics) {
    this.path = path.toAbsolutePath();
    this.ownDirectory =
        gmailcliHome != null && this.path.getParent().equals(gmailcliHome.toAbsolutePath());
    this.readOnly = readOnly;
    this.sleeper = sleeper;
    this.diagnostics = diagnostics;
  }

  public Path path() {
    return path;
  }

  /** Declared read-only: gmailcli neither locks nor saves it. */
  public boolean readOnly() {
    return readOnly;
  }

  /**
   * The token's cross-process lock ({@code token.json.lock} beside the real file), held until
   * closed; none for a declared read-only file or where no lock file can be made.
   */
  public CrossProcessLock lock() {
    if (readOnly) {
      return CrossProcessLock.none();
    }
    try {
      prepareDirectory();
    } catch (IOException e) {
      return CrossProcessLock.none(); // then no lock file can be made either
    }
    return CrossProcessLock.acquire(
        realPath(), "refreshing the login in " + path, LOCK_WAIT, sleeper, diagnostics);
  }

  /**
   * The saved login, or empty when there is no file. A FIFO, a device, a directory or a file over 1
   * MiB is refused before it is opened.
   */
  public Optional<StoredToken> read() {
    String text;
    try {
      text = SmallTextFiles.read(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (SmallTextFiles.UnusableFileException e) {
      throw GmailCliException.config(
          "cannot use " + path + ": " + e.getMessage(),
          "point --token (or GMAILCLI_TOKEN) at the token.json file itself",
          null);
    } catch (CharacterCodingException e) {
      throw GmailCliException.config(
          "cannot use " + path + ": it is not UTF-8 text", READ_HINT, null);
    } catch (IOException e) {
      throw GmailCliException.config(
          "cannot read " + path + ": " + SmallTextFiles.describe(e),
          "check the file's owner and permissions",
          e);
    }
    try {
      return Optional.of(TokenJson.parse(text));
    } catch (TokenJson.MalformedTokenException e) {
      throw GmailCliException.config("cannot use " + path + ": " + e.getMessage(), READ_HINT, null);
    }
  }

  /**
   * The file's mode when group or others may read or write it (as {@code "0644"}), else empty; a
   * login readable by others is a login others can use.
   */
  public Optional<String> looseMode() {
    return Optional.ofNullable(AtomicFiles.looseMode(realPath()));
  }

  /**
   * Replaces the file atomically; a reader sees the old or the new login, never half of one.
   * Temporary files of gmailcli's naming left by a run that was killed are removed first.
   *
   * @throws GmailCliException exit 4 when the file or its directory cannot be written
   */
  public void write(StoredToken token) {
    try {
      prepareDirectory();
      AtomicFiles.write(realPath(), TokenJson.format(token).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw GmailCliException.config(
          "cannot save the login to " + path + ": " + SmallTextFiles.describe(e),
          "make sure "
              + realPath().getParent()
              + " and the file are writable by you, or choose another file with --token",
          e);
    }
  }

  /** Deletes the file; true if there was one. */
  public boolean delete() {
    try {
      return Files.deleteIfExists(path);
    } catch (IOException e) {
      throw GmailCliException.config(
          "cannot delete " + path + ": " + SmallTextFiles.describe(e), "delete it by hand", e);
    }
  }

  /**
   * The file that is really read and written: a token.json that is a symlink (e.g. shared with a
   * Python project) keeps pointing at the file gmailcli updates, so the rename happens next to the
   * link's target, not over the link; the lock lives there too.
   */
  public Path realPath() {
    if (!Files.isSymbolicLink(path)) {
      return path;
    }
    try {
      return path.toRealPath();
    } catch (IOException dangling) {
      try {
        return path.getParent().resolve(Files.readSymbolicLink(path)).toAbsolutePath();
      } catch (IOException e) {
        return path;
      }
    }
  }

  /** Creates the file's directory (0700) if missing; tightens gmailcli's own directory. */
  public void prepareDirectory() throws IOException {
    AtomicFiles.prepareDirectory(realPath().getParent(), ownDirectory);
  }
}
