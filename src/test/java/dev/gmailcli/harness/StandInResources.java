package dev.gmailcli.harness;

import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What {@link GoogleStandInExtension} gives one test: a temporary HOME, a running stand-in and a
 * harness pointed at both. Closing stops the stand-in and then deletes the HOME, even when stopping
 * fails; closing twice does nothing.
 */
final class StandInResources implements AutoCloseable {
  private final Path home;
  private final GoogleStandIn google;
  private final CliHarness cli;
  private boolean closed;

  private StandInResources(Path home, GoogleStandIn google) {
    this.home = home;
    this.google = google;
    this.cli = new CliHarness(home).google(google.baseUrl());
  }

  static StandInResources open() {
    Path home;
    try {
      home = Files.createTempDirectory("gmailcli-home-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return new StandInResources(home, GoogleStandIn.start());
    } catch (RuntimeException e) {
      deleteTree(home);
      throw e;
    }
  }

  Path home() {
    return home;
  }

  GoogleStandIn google() {
    return google;
  }

  CliHarness cli() {
    return cli;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      google.close();
    } finally {
      deleteTree(home);
    }
  }

  /** Deletes a directory tree, making directories writable first (a test may have locked one). */
  static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              dir.toFile().setWritable(true, true);
              dir.toFile().setExecutable(true, true);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              if (failure != null) {
                throw failure;
              }
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the temporary HOME " + root, e);
    }
  }
}
