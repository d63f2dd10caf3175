package dev.gmailcli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.OfflineEnv;
import dev.gmailcli.platform.Env;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

class CliOptionsTest {
  @TempDir Path home;

  @Test
  void noOptionRelies_onAConverterGmailcliSkips() {
    CommandLine cli = Cli.create(env());
    List<String> needing = new ArrayList<>();
    collect(cli, needing);

    assertThat(needing)
        .as(
            "options of a type whose built-in converter gmailcli skips (%s) need a converter"
                + " of their own",
            Cli.EXCLUDED_CONVERTERS)
        .isEmpty();
  }

  private static void collect(CommandLine cli, List<String> needing) {
    for (ArgSpec arg : cli.getCommandSpec().args()) {
      for (Class<?> type : types(arg)) {
        boolean skipped = type.getName().matches(Cli.EXCLUDED_CONVERTERS);
        boolean ownConverter = arg.converters() != null && arg.converters().length > 0;
        if (skipped && !ownConverter) {
          needing.add(cli.getCommandName() + " " + arg.paramLabel() + ": " + type.getName());
        }
      }
    }
    cli.getSubcommands().values().forEach(sub -> collect(sub, needing));
  }

  private static Set<Class<?>> types(ArgSpec arg) {
    Set<Class<?>> types = new LinkedHashSet<>(List.of(arg.type()));
    types.addAll(List.of(arg.auxiliaryTypes()));
    return types;
  }

  private Env env() {
    return OfflineEnv.of(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), home);
  }
}
