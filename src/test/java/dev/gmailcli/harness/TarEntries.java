package dev.gmailcli.harness;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The entries of a .tar.gz as stored (name, mode, type), read without unpacking it: what the
 * archive promises, whatever the umask of whoever unpacks it. Knows ustar and PAX long names.
 */
public final class TarEntries {
  /** One entry; {@code type} is the tar type flag ('0' a file, '5' a directory, '2' a link). */
  public record Entry(String name, int mode, char type, long size) {}

  private TarEntries() {}

  /** The entries of {@code archive}, in order. */
  public static List<Entry> read(Path archive) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (DataInputStream in =
        new DataInputStream(new GZIPInputStream(Files.newInputStream(archive)))) {
      String longName = null;
      byte[] header = new byte[512];
      while (true) {
        try {
          in.readFully(header);
        } catch (EOFException e) {
          break;
        }
        if (header[0] == 0) {
          break; // the two zero blocks that end the archive
        }
        char type = (char) header[156];
        long size = octal(header, 124, 12);
        byte[] data = in.readNBytes((int) size);
        in.readNBytes((int) ((512 - size % 512) % 512));
        if (type == 'x') {
          longName = paxPath(new String(data, StandardCharsets.UTF_8));
          continue;
        }
        if (type == 'L') {
          longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
          continue;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        if (longName != null) {
          name = longName;
          longName = null;
        } else if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        // some archivers store the file type bits too (0100644): the permissions only
        entries.add(new Entry(name, (int) octal(header, 100, 8) & 07777, type, size));
      }
    }
    return entries;
  }

  private static String paxPath(String records) {
    for (String record : records.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) {
    String digits = text(header, offset, length).trim();
    return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
  }
}
