package dev.gmailcli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File system mishaps that tests arrange in the middle of a run. */
final class FileFaults {
  private FileFaults() {}

  /** The directory (and its files) vanishes and a plain file takes its name. */
  static void replaceDirectoryWithFile(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          for (Path file : files.toList()) {
            Files.delete(file);
          }
        }
        Files.delete(dir);
        Files.writeString(dir, "not a directory");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
