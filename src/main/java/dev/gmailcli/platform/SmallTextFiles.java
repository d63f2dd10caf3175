package dev.gmailcli.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the small UTF-8 files gmailcli keeps (token.json, credentials.json, key files) without ever
 * hanging or running out of memory: a FIFO, a device, a socket, a directory or a file larger than
 * {@link #MAX_BYTES} is refused before it is opened (opening a FIFO would wait for a writer).
 */
public final class SmallTextFiles {
  /** The largest file gmailcli reads: a token or key file is a few kilobytes. */
  public static final int MAX_BYTES = 1 << 20;

  private static final int S_IFMT = 0170000;

  private SmallTextFiles() {}

  /** A path that is not a regular file of a sane size; the message says what it is. */
  public static final class UnusableFileException extends IOException {
    private static final long serialVersionUID = 1L;

    UnusableFileException(String message) {
      super(message);
    }
  }

  /**
   * The file's text (symbolic links are followed).
   *
   * @throws java.nio.file.NoSuchFileException when there is no such file
   * @throws UnusableFileException when it is not a regular file or is too large
   * @throws CharacterCodingException when it is not UTF-8
   */
  public static String read(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new UnusableFileException("it is " + kind(path, attributes) + ", not a file");
    }
    if (attributes.size() > MAX_BYTES) {
      throw tooLarge(attributes.size());
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(bytes.length); // it grew after it was checked
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** A file error in a person's words: "permission denied", "not a directory", … */
  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return denied.getReason() != null ? denied.getReason() : "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return ((FileSystemException) e).getFile() + " is in the way: it is not a directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static UnusableFileException tooLarge(long size) {
    return new UnusableFileException(
        "it is larger than 1 MiB (" + size + " bytes), so it cannot be a token or key file");
  }

  private static String kind(Path path, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return switch (mode & S_IFMT) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }
}
