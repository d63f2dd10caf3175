package dev.gmailcli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandBrowserOpenerTest {
  private static final String URL =
      "https://accounts.google.com/o/oauth2/auth?client_id=fake-id&state=S&scope=a%20b";

  @TempDir Path tmp;

  private static List<List<String>> candidates(Map<String, String> env, String os) {
    return new CommandBrowserOpener(env, os).candidates(URL);
  }

  @Test
  void browserVariable_isUsedWithTheUrlAppended() {
    assertThat(candidates(Map.of("BROWSER", "firefox"), "Linux"))
        .containsExactly(List.of("firefox", URL));
  }

  @Test
  void browserVariable_winsOverThePlatformOpener() {
    assertThat(candidates(Map.of("BROWSER", "firefox"), "Mac OS X"))
        .containsExactly(List.of("firefox", URL));
  }

  @Test
  void browserVariableWithPercentS_andSeveralEntries_givesOneCommandEach() {
    assumeThat(File.pathSeparator).isEqualTo(":");

    assertThat(candidates(Map.of("BROWSER", "chrome --new-window %s:lynx"), "Linux"))
        .containsExactly(List.of("chrome", "--new-window", URL), List.of("lynx", URL));
  }

  @Test
  void percentSInsideAWord_isReplacedThere() {
    assertThat(candidates(Map.of("BROWSER", "open-it --url=%s"), "Linux"))
        .containsExactly(List.of("open-it", "--url=" + URL));
  }

  @Test
  void linuxWithoutDisplayOrBrowser_hasNoCandidates() throws Exception {
    Path bin = fakeExecutable("xdg-open");

    assertThat(candidates(Map.of("PATH", bin.toString()), "Linux")).isEmpty();
    assertThat(candidates(Map.of("PATH", bin.toString(), "DISPLAY", " "), "Linux")).isEmpty();
    assertThat(candidates(Map.of("PATH", bin.toString(), "BROWSER", ""), "Linux")).isEmpty();
  }

  @Test
  void linuxWithDisplay_usesOpenersFoundOnPath() throws Exception {
    Path bin = fakeExecutable("xdg-open");

    assertThat(candidates(Map.of("PATH", bin.toString(), "DISPLAY", ":0"), "Linux"))
        .containsExactly(List.of("xdg-open", URL));
    assertThat(candidates(Map.of("PATH", bin.toString(), "WAYLAND_DISPLAY", "wayland-0"), "Linux"))
        .containsExactly(List.of("xdg-open", URL));
  }

  @Test
  void linuxWithDisplayButNoOpenerOnPath_hasNoCandidates() {
    assertThat(candidates(Map.of("PATH", tmp.toString(), "DISPLAY", ":0"), "Linux")).isEmpty();
  }

  @Test
  void mac_usesOpen() {
    assertThat(candidates(Map.of(), "Mac OS X")).containsExactly(List.of("open", URL));
  }

  @Test
  void windows_usesTheUrlProtocolHandler() {
    assertThat(candidates(Map.of(), "Windows 11"))
        .containsExactly(List.of("rundll32", "url.dll,FileProtocolHandler", URL));
  }

  private Path fakeExecutable(String name) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path program = Files.writeString(bin.resolve(name), "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
    return bin;
  }

  @Test
  void browserEntries_mayQuotePathsWithSpaces() {
    assertThat(CommandBrowserOpener.words("\"/opt/My Browser/run\" --new-window '%s'"))
        .containsExactly("/opt/My Browser/run", "--new-window", "%s");
    assertThat(
            new CommandBrowserOpener(Map.of("BROWSER", "'/opt/My Browser/run' %s"), "Linux")
                .candidates("http://127.0.0.1:1/"))
        .containsExactly(List.of("/opt/My Browser/run", "http://127.0.0.1:1/"));
  }
}
