package dev.gmailcli.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens URLs the way Python's webbrowser and many CLIs do: each command in {@code $BROWSER}
 * (separated by the path separator, {@code %s} replaced by the URL or the URL appended), else the
 * platform opener ({@code open}, {@code xdg-open}, {@code rundll32}). Never loads AWT, so it works
 * on headless machines.
 */
public final class CommandBrowserOpener implements BrowserOpener {
  private final Map<String, String> env;
  private final String osName;

  public CommandBrowserOpener(Map<String, String> env, String osName) {
    this.env = env;
    this.osName = osName.toLowerCase();
  }

  @Override
  public void open(String url) throws IOException {
    IOException last = null;
    for (List<String> command : candidates(url)) {
      try {
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
            .start();
        return;
      } catch (IOException e) {
        last = e;
      }
    }
    throw last != null ? last : new IOException("no browser command found");
  }

  /** The commands to try, in order. */
  List<List<String>> candidates(String url) {
    List<List<String>> result = new ArrayList<>();
    String browser = env.get("BROWSER");
    if (browser != null && !browser.isBlank()) {
      for (String entry : browser.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          result.add(withUrl(entry.trim(), url));
        }
      }
      return result;
    }
    if (osName.contains("mac")) {
      result.add(List.of("open", url));
    } else if (osName.contains("win")) {
      result.add(List.of("rundll32", "url.dll,FileProtocolHandler", url));
    } else if (hasDisplay()) {
      for (String opener : new String[] {"xdg-open", "sensible-browser", "x-www-browser"}) {
        if (onPath(opener)) {
          result.add(List.of(opener, url));
        }
      }
    }
    return result;
  }

  private static List<String> withUrl(String entry, String url) {
    List<String> words = words(entry);
    boolean substituted = false;
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).contains("%s")) {
        words.set(i, words.get(i).replace("%s", url));
        substituted = true;
      }
    }
    if (!substituted) {
      words.add(url);
    }
    return words;
  }

  /** Splits a command like a POSIX shell would for quotes: {@code "/opt/My Browser/x" %s}. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  // Without a display xdg-open falls back to text browsers that would fight gmailcli for the
  // terminal.
  private boolean hasDisplay() {
    return isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"));
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private boolean onPath(String program) {
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private File nullDevice() {
    return new File(osName.contains("win") ? "NUL" : "/dev/null");
  }
}
