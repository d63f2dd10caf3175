package dev.gmailcli.auth;

import dev.gmailcli.GmailCliException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * token.json on disk: read leniently, written atomically (temporary file in the same directory,
 * fsync, rename) with mode 0600, in a directory with mode 0700. Missing directories are created
 * 0700; gmailcli's own directory is tightened to 0700 if it is looser, while a directory the user
 * chose for --token is left as it is. A file that cannot be parsed is reported and left untouched.
 */
public final class TokenFile {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwx------");

  private final Path path;
  private final boolean ownDirectory;

  /** A token file in a directory gmailcli does not own (its mode is never changed). */
  public TokenFile(Path path) {
    this(path, null);
  }

  /**
   * @param path the token file
   * @param gmailcliHome gmailcli's own directory, whose mode gmailcli may tighten, or null
   */
  public TokenFile(Path path, Path gmailcliHome) {
    this.path = path.toAbsolutePath();
    this.ownDirectory =
        gmailcliHome != null && this.path.getParent().equals(gmailcliHome.toAbsolutePath());
  }

  public Path path() {
    return path;
  }

  /** The saved login, or empty when there is no file. */
  public Optional<StoredToken> read() {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (CharacterCodingException e) {
      throw GmailCliException.config(
          "cannot use " + path + ": it is not UTF-8 text",
          "fix the file, or delete it and run `gmailcli login`",
          null);
    } catch (IOException e) {
      throw GmailCliException.config(
          "cannot read " + path + ": " + describe(e), "check the file's owner and permissions", e);
    }
    try {
      return Optional.of(TokenJson.parse(text));
    } catch (TokenJson.MalformedTokenException e) {
      throw GmailCliException.config(
          "cannot use " + path + ": " + e.getMessage(),
          "fix the file, or delete it and run `gmailcli login`",
          null);
    }
  }

  /** Replaces the file atomically; a reader sees the old or the new login, never half of one. */
  public void write(StoredToken token) {
    Path target = linkTarget();
    Path dir = target.getParent();
    Path temp = null;
    try {
      prepareDirectory(dir);
      temp =
          POSIX
              ? Files.createTempFile(
                  dir, ".token-", ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE))
              : Files.createTempFile(dir, ".token-", ".tmp");
      byte[] bytes = TokenJson.format(token).getBytes(StandardCharsets.UTF_8);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      move(temp, target);
      temp = null;
      syncDirectory(dir);
    } catch (IOException e) {
      throw GmailCliException.config(
          "cannot save the login to " + path + ": " + describe(e),
          "make sure " + dir + " is writable by you, or choose another file with --token",
          e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the write already failed; that error is the one to report
        }
      }
    }
  }

  /** Deletes the file; true if there was one. */
  public boolean delete() {
    try {
      return Files.deleteIfExists(path);
    } catch (IOException e) {
      throw GmailCliException.config(
          "cannot delete " + path + ": " + describe(e), "delete it by hand", e);
    }
  }

  // A token.json that is a symlink (e.g. shared with a Python project) keeps pointing at the file
  // gmailcli updates: the rename happens next to the link's target, not over the link.
  private Path linkTarget() {
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

  private void prepareDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      if (POSIX && ownDirectory && !Files.getPosixFilePermissions(dir).equals(DIR_MODE)) {
        Files.setPosixFilePermissions(dir, DIR_MODE);
      }
      return;
    }
    if (POSIX) {
      FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(DIR_MODE);
      Files.createDirectories(dir, mode);
      // createDirectories applies the umask; make sure the final directory is exactly 0700
      Files.setPosixFilePermissions(dir, DIR_MODE);
    } else {
      Files.createDirectories(dir);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  // Makes the rename itself durable; not every platform lets a directory be opened, hence best
  // effort.
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // the file itself is already on disk
    }
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
