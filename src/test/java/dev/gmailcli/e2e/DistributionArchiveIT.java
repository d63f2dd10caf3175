package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.ExitCode;
import dev.gmailcli.cli.Cli;
import dev.gmailcli.harness.Distribution;
import dev.gmailcli.harness.Launcher;
import dev.gmailcli.harness.OfflineEnv;
import dev.gmailcli.harness.TarEntries;
import dev.gmailcli.platform.Env;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code target/gmailcli-VERSION.tar.gz} holds: its files and their modes as stored, a man
 * page per command (roff, with its options and the exit codes), and the completion scripts gmailcli
 * prints.
 */
class DistributionArchiveIT {
  @TempDir Path work;

  @Test
  void archive_holdsWhatAPersonInstalls_withItsModes() throws Exception {
    String top = "gmailcli-" + Distribution.version() + "/";
    Map<String, Integer> expected = new HashMap<>();
    expected.put(top + "bin/gmailcli", 0755);
    expected.put(top + "install.sh", 0755);
    expected.put(top + "lib/gmailcli.jar", 0644);
    expected.put(top + "share/bash-completion/completions/gmailcli", 0644);
    expected.put(top + "share/zsh/site-functions/_gmailcli", 0644);
    expected.put(top + "README.md", 0644);
    expected.put(top + "LICENSE", 0644);
    for (String page : manPages()) {
      expected.put(top + "share/man/man1/" + page, 0644);
    }

    Map<String, Integer> files = new HashMap<>();
    for (TarEntries.Entry entry : TarEntries.read(Distribution.archive())) {
      assertThat(entry.name()).startsWith(top);
      if (entry.type() == '5') {
        assertThat(entry.mode()).as(entry.name()).isEqualTo(0755);
      } else {
        assertThat(entry.type()).as(entry.name()).isIn('0', '\0');
        files.put(entry.name(), entry.mode());
      }
    }

    assertThat(files).isEqualTo(expected);
  }

  @Test
  void jar_holdsNoBuildTools() throws Exception {
    Path jar = Distribution.unpack(work).resolve("lib/gmailcli.jar");

    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName))
          .contains("picocli/AutoComplete.class", "dev/gmailcli/cli/Main.class")
          .noneMatch(name -> name.startsWith("picocli/codegen/"))
          .noneMatch(name -> name.startsWith("dev/gmailcli/build/"))
          .noneMatch(name -> name.contains("asciidoctor"));
    }
  }

  @Test
  void manPages_areRoff_withTheirOptionsAndTheExitCodes() throws Exception {
    Path man = Distribution.unpack(work).resolve("share/man/man1");
    for (String page : manPages()) {
      String roff = Files.readString(man.resolve(page));
      String title = page.replace(".1", "").toUpperCase().replace("-", "\\-");
      assertThat(roff)
          .as(page)
          .contains(".TH \"" + title + "\" \"1\" ")
          .contains("\"gmailcli " + Distribution.version() + "\"")
          .contains(".SH \"SYNOPSIS\"", ".SH \"OPTIONS\"", ".SH \"EXIT STATUS\"")
          .contains("\\fB\\-h\\fP, \\fB\\-\\-help\\fP");
      for (ExitCode code : ExitCode.values()) {
        String meaning = code.meaning().replace("-", "\\-"); // roff's minus
        assertThat(roff).contains("\\fB" + code.code() + "\\fP\n.RS 4\n" + meaning);
      }
    }
    assertThat(Files.readString(man.resolve("gmailcli-threads.1")))
        .contains(
            "\\fB\\-\\-format\\fP=\\fIFORMAT\\fP", "\\fB\\-n\\fP, \\fB\\-\\-max\\fP=\\fIN\\fP");
    assertThat(Files.readString(man.resolve("gmailcli.1")))
        .contains(".SH \"COMMANDS\"", ".SH \"ENVIRONMENT\"", "GMAILCLI_HOME");
  }

  @Test
  void completionScripts_areWhatGmailcliPrints() throws Exception {
    Path tree = Distribution.unpack(work);
    Launcher gmailcli = Launcher.at(tree.resolve("bin/gmailcli")).env("HOME", work.toString());

    Launcher.Result bash = gmailcli.run("completion", "bash");
    Launcher.Result zsh = gmailcli.run("completion", "zsh");

    assertThat(bash.err()).isEmpty();
    assertThat(bash.out())
        .isEqualTo(Files.readString(tree.resolve("share/bash-completion/completions/gmailcli")));
    assertThat(zsh.err()).isEmpty();
    assertThat(zsh.out())
        .startsWith("#compdef gmailcli\n")
        .isEqualTo(Files.readString(tree.resolve("share/zsh/site-functions/_gmailcli")));
  }

  @Test
  void completion_loadsNoHttpStack() throws Exception {
    Path jar = Distribution.unpack(work).resolve("lib/gmailcli.jar");
    Path log = work.resolve("classes.log");

    Launcher.Result run =
        Distribution.run(
            work,
            Map.of("HOME", work.toString()),
            "java",
            "-Xlog:class+load=info:file=" + log,
            "-jar",
            jar.toString(),
            "completion",
            "bash");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(log))
        .contains("dev.gmailcli.cli.BashCompletion")
        .doesNotContain("com.google.api.client.http.", "javax.net.ssl.");
  }

  // one page for gmailcli and one for each of its commands
  private static List<String> manPages() {
    StringWriter nowhere = new StringWriter();
    Env env = OfflineEnv.of(new PrintWriter(nowhere), new PrintWriter(nowhere), Path.of("."));
    List<String> pages = new ArrayList<>(List.of("gmailcli.1"));
    Cli.create(env).getSubcommands().keySet().forEach(name -> pages.add("gmailcli-" + name + ".1"));
    return pages;
  }
}
