package dev.gmailcli.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gmailcli.harness.CliHarness;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The completion scripts in real shells, as TAB runs them: bash's function called with {@code
 * COMP_WORDS} and {@code COMP_CWORD} set as bash sets them, and zsh in a pseudo-terminal on the
 * first TAB with {@code _gmailcli} autoloaded from {@code fpath}. A shell that is not installed is
 * skipped (zsh: {@code apt-get install zsh}).
 */
class CompletionInShellsTest {
  @TempDir static Path dir;
  static Path bashScript;
  static Path zshFunctions;

  private static final List<String> COMMANDS =
      List.of("login", "threads", "status", "logout", "completion", "help");
  private static final List<String> HELP =
      List.of("login", "threads", "status", "logout", "completion", "environment", "exit-codes");

  @BeforeAll
  static void scriptsAndProfiles() throws IOException {
    bashScript = dir.resolve("gmailcli.bash");
    Files.writeString(bashScript, new CliHarness(dir).run("completion", "bash").out());
    zshFunctions = Files.createDirectories(dir.resolve("site-functions"));
    Files.writeString(
        zshFunctions.resolve("_gmailcli"), new CliHarness(dir).run("completion", "zsh").out());
    for (String profile : List.of("work", "home", "bad name")) {
      login(dir.resolve("gmailcli-home/profiles").resolve(profile));
    }
    Files.createDirectories(dir.resolve("gmailcli-home/profiles/nologin"));
    login(dir.resolve("xdg/gmailcli/profiles/from-xdg"));
    login(dir.resolve("home/.config/gmailcli/profiles/from-home"));
  }

  private static void login(Path profile) throws IOException {
    Files.createDirectories(profile);
    Files.writeString(profile.resolve("token.json"), "{}");
  }

  @Test
  void everySubcommand_isOffered() {
    assertThat(COMMANDS)
        .containsExactlyElementsOf(Subcommands.ALL.stream().map(Subcommands.Entry::name).toList());
  }

  /** A command line as typed, what TAB offers at its end, and where the profiles are. */
  record Case(String line, List<String> offered, String profilesFrom) {
    Case(String line, List<String> offered) {
      this(line, offered, "GMAILCLI_HOME");
    }

    @Override
    public String toString() {
      return "'" + line + "' (profiles from " + profilesFrom + ")";
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("gmailcli ", COMMANDS),
        new Case("gmailcli thr", List.of("threads")),
        new Case("gmailcli --profile work thr", List.of("threads")),
        new Case("gmailcli threads --fo", List.of("--format")),
        new Case("gmailcli threads --format ", List.of("table", "tsv", "json", "ndjson")),
        new Case("gmailcli status --format ", List.of("table", "json")),
        new Case("gmailcli --profile ", List.of("home", "work")),
        new Case("gmailcli threads --profile w", List.of("work")),
        new Case("gmailcli --profile=", List.of("home", "work")),
        new Case("gmailcli status --profile=h", List.of("home")),
        new Case("gmailcli --profile ", List.of("from-xdg"), "XDG_CONFIG_HOME"),
        new Case("gmailcli --profile ", List.of("from-home"), "HOME"),
        new Case("gmailcli completion ", List.of("bash", "zsh")),
        new Case("gmailcli help ", HELP));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void bash(Case c) {
    Path bash = installed("bash").orElse(null);
    assumeTrue(bash != null, "bash is not installed");
    List<String> command = new ArrayList<>(List.of(bash.toString(), resource("bash-complete.sh")));
    command.add(bashScript.toString());
    command.addAll(bashWords(c.line()));

    assertThat(run(command, c.profilesFrom())).containsExactlyInAnyOrderElementsOf(c.offered());
  }

  // one shell for the lines of each place profiles are in (a shell starts in seconds); the first
  // line of each is a first TAB, which autoloads _gmailcli
  @Test
  void zsh_fromTheFirstTab_autoloaded() {
    Path zsh = installed("zsh").orElse(null);
    assumeTrue(zsh != null, "zsh is not installed (apt-get install zsh)");
    Map<String, List<Case>> byProfiles = new LinkedHashMap<>();
    cases()
        .forEach(c -> byProfiles.computeIfAbsent(c.profilesFrom(), k -> new ArrayList<>()).add(c));
    SoftAssertions softly = new SoftAssertions();
    byProfiles.forEach(
        (profilesFrom, group) -> {
          List<String> command = new ArrayList<>(List.of(zsh.toString(), "-f"));
          command.add(resource("zsh-complete.zsh"));
          command.add(zshFunctions.toString());
          group.forEach(c -> command.add(c.line()));
          List<List<String>> offered = split(run(command, profilesFrom));
          assertThat(offered).hasSameSizeAs(group);
          for (int i = 0; i < group.size(); i++) {
            softly
                .assertThat(offered.get(i))
                .as("zsh: %s", group.get(i))
                .containsExactlyInAnyOrderElementsOf(group.get(i).offered());
          }
        });
    softly.assertAll();
  }

  // the matches of each line, each list ended by "--"
  private static List<List<String>> split(List<String> lines) {
    List<List<String>> lists = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : lines) {
      if (line.equals("--")) {
        lists.add(current);
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    return lists;
  }

  // bash's words: COMP_WORDBREAKS makes "--profile=h" three of them, "--profile", "=" and "h"
  private static List<String> bashWords(String line) {
    return Arrays.asList(line.replace("=", " = ").replaceAll(" = $", " =").split(" ", -1));
  }

  private static List<String> run(List<String> command, String profilesFrom) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", "/usr/bin:/bin");
    env.put("HOME", dir.resolve("home").toString());
    env.put("TERM", "dumb");
    switch (profilesFrom) {
      case "GMAILCLI_HOME" -> env.put("GMAILCLI_HOME", dir.resolve("gmailcli-home").toString());
      case "XDG_CONFIG_HOME" -> env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
      default -> {
        // as gmailcli: a blank GMAILCLI_HOME is unset, a relative XDG_CONFIG_HOME is ignored
        env.put("GMAILCLI_HOME", " ");
        env.put("XDG_CONFIG_HOME", "xdg");
      }
    }
    try {
      Process process = builder.redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] out = readAll(process.getInputStream());
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the shell did not finish within 30 s");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(text).isZero();
      return text.lines().filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private static String resource(String name) {
    return Path.of("src/test/resources/completion", name).toAbsolutePath().toString();
  }

  private static Optional<Path> installed(String shell) {
    return Stream.of(
            System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
        .map(d -> Path.of(d, shell))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
