package dev.gmailcli.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Private files written so that a reader — or a run killed at any moment — sees the old content or
 * the new, whole: a temporary file in the same directory (mode 0600), fsync, rename over the
 * target, fsync of the directory. Directories are created 0700.
 */
public final class AtomicFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwx------");

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code content}. A target that exists but is not writable is left
   * untouched (a rename would replace it all the same). Temporary files of this target's naming
   * ({@code .NAME.*.tmp}) are removed first: callers write under a lock, so any that exist were
   * left by a run that was killed while saving.
   */
  public static void write(Path target, byte[] content) throws IOException {
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new AccessDeniedException(target.toString(), null, "the file is read-only");
    }
    Path dir = target.getParent();
    String prefix = "." + target.getFileName() + ".";
    removeStaleTemporaryFiles(dir, prefix);
    Path temp =
        POSIX
            ? Files.createTempFile(
                dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE))
            : Files.createTempFile(dir, prefix, ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      move(temp, target);
      temp = null;
      syncDirectory(dir);
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Creates {@code dir} with mode 0700 if it is missing; with {@code tighten}, also takes group's
   * and others' access away from an existing one (for a directory that belongs to gmailcli alone).
   */
  public static void prepareDirectory(Path dir, boolean tighten) throws IOException {
    if (Files.isDirectory(dir)) {
      if (POSIX && tighten) {
        // only ever take access away from group and others: a directory its owner made
        // read-only stays read-only
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        if (mode.retainAll(DIR_MODE)) {
          Files.setPosixFilePermissions(dir, mode);
        }
      }
      return;
    }
    if (POSIX) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
      // createDirectories applies the umask; make sure the final directory is exactly 0700
      Files.setPosixFilePermissions(dir, DIR_MODE);
    } else {
      Files.createDirectories(dir);
    }
  }

  /** The mode of a file group or others may read or write (as "0644"), or null when private. */
  public static String looseMode(Path file) {
    if (!POSIX) {
      return null;
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      int bits = 0;
      for (PosixFilePermission permission : mode) {
        bits |= 1 << (8 - permission.ordinal());
      }
      return (bits & 066) == 0 ? null : String.format("0%o", bits);
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  private static void removeStaleTemporaryFiles(Path dir, String prefix) {
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, prefix + "*.tmp")) {
      for (Path file : stale) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException ignored) {
      // best effort: a leftover temporary file harms nothing but disk space
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  // Makes the rename itself durable; not every platform lets a directory be opened.
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // the file itself is already on disk
    }
  }
}
