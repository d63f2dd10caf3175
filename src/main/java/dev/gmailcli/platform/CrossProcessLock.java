package dev.gmailcli.platform;

import com.google.api.client.util.Sleeper;
import dev.gmailcli.GmailCliException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A cross-process lock on a file gmailcli rewrites (held, for a token, across read → refresh →
 * write, so that overlapping runs — cron jobs starting in the same minute — refresh once): an OS
 * file lock on an empty lock file beside it. The OS releases it when its holder exits, even after
 * {@code kill -9}, so no stale-lock cleanup is needed and the lock file is never deleted (deleting
 * lock files races). Where no lock file can be made (a read-only mount), gmailcli proceeds without
 * the lock.
 */
public final class CrossProcessLock implements AutoCloseable {
  /** How often a waiting run tries again. */
  static final Duration POLL = Duration.ofMillis(50);

  private final FileChannel channel;
  private final FileLock lock;

  private CrossProcessLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** No lock: for a file declared read-only, or where no lock file can be made. */
  public static CrossProcessLock none() {
    return new CrossProcessLock(null, null);
  }

  /**
   * Takes the lock of {@code file} ({@code FILE.lock} beside it), waiting up to {@code maxWait} for
   * another holder.
   *
   * @param file the real file (symbolic links resolved)
   * @param holding what a holder does, for the message when the wait is too long ("refreshing the
   *     login in PATH")
   * @param diagnostics receives a line when gmailcli waits or goes on without the lock
   * @throws GmailCliException exit 5 when another gmailcli holds the lock for longer
   */
  public static CrossProcessLock acquire(
      Path file, String holding, Duration maxWait, Sleeper sleeper, Consumer<String> diagnostics) {
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              lockFile,
              Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileSystemException | UnsupportedOperationException | SecurityException e) {
      diagnostics.accept("going on without a lock: cannot create " + lockFile + " (" + e + ")");
      return none();
    } catch (IOException e) {
      diagnostics.accept("going on without a lock: cannot open " + lockFile + " (" + e + ")");
      return none();
    }
    long attempts = Math.max(1, maxWait.toMillis() / POLL.toMillis());
    try {
      for (long attempt = 0; attempt <= attempts; attempt++) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          return new CrossProcessLock(channel, lock);
        }
        if (attempt == 0) {
          diagnostics.accept("waiting for another gmailcli that holds " + lockFile);
        }
        sleeper.sleep(POLL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      closeQuietly(channel);
      diagnostics.accept("going on without a lock: cannot lock " + lockFile + " (" + e + ")");
      return none();
    }
    closeQuietly(channel);
    throw GmailCliException.temporary(
        "another gmailcli is "
            + holding
            + " and has held "
            + lockFile
            + " for over "
            + maxWait.toSeconds()
            + " s",
        "try again in a minute; a lock held by a process that died is released by the system,"
            + " so a gmailcli process is still running (see `pgrep -af gmailcli`)",
        null);
  }

  // null while another process (or another thread of this one) holds the lock
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisProcess) {
      return null;
    }
  }

  /** Whether the lock is really held (false where no lock file could be made). */
  public boolean held() {
    return lock != null;
  }

  @Override
  public void close() {
    if (channel != null) {
      closeQuietly(channel); // closing the channel releases the lock
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing to release any more
    }
  }
}
