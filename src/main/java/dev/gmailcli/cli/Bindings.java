package dev.gmailcli.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the generated {@code *CommandSpec} classes build picocli's model with: a field of a command
 * as picocli reads and writes it, and the standard {@code --help}/{@code --version} options of
 * {@code mixinStandardHelpOptions}. Reading the commands' annotations at run time (what picocli
 * does with an annotated class) costs a third of a short run; the generated classes say the same in
 * code.
 */
final class Bindings {
  /** The key picocli files {@code mixinStandardHelpOptions} under. */
  static final String STANDARD_HELP = "mixinStandardHelpOptions";

  private Bindings() {}

  /**
   * A builder of an option with what the annotations leave unsaid as they leave it (an empty
   * description key and prompt, where picocli's builder has none).
   */
  static OptionSpec.Builder option(String... names) {
    return OptionSpec.builder(names).descriptionKey("").prompt("");
  }

  /** A builder of a positional parameter, as {@link #option} of an option. */
  static PositionalParamSpec.Builder positional() {
    return PositionalParamSpec.builder().descriptionKey("").prompt("");
  }

  /** A field, read by {@code get} and written by {@code set}. */
  static Binding field(Supplier<?> get, Consumer<Object> set) {
    return new Binding(get, set);
  }

  /**
   * The options {@code @Command(mixinStandardHelpOptions = true)} adds, as picocli makes them:
   * {@code -h, --help} and {@code -V, --version}.
   */
  static CommandSpec standardHelp() {
    CommandSpec mixin = CommandSpec.create();
    mixin.addOption(
        flag("<helpRequested>", "-h", "--help")
            .usageHelp(true)
            .descriptionKey("mixinStandardHelpOptions.help")
            .description("Show this help message and exit.")
            .build());
    mixin.addOption(
        flag("<versionRequested>", "-V", "--version")
            .versionHelp(true)
            .descriptionKey("mixinStandardHelpOptions.version")
            .description("Print version information and exit.")
            .build());
    return mixin;
  }

  private static OptionSpec.Builder flag(String label, String... names) {
    boolean[] value = {false};
    Binding binding = field(() -> value[0], v -> value[0] = (Boolean) v);
    return option(names)
        .paramLabel(label)
        .type(boolean.class)
        .auxiliaryTypes(boolean.class)
        .initialValue(false)
        .getter(binding)
        .setter(binding);
  }

  /** Both sides of a field for picocli; setting returns the value before, as picocli's own does. */
  static final class Binding implements IGetter, ISetter {
    private final Supplier<?> get;
    private final Consumer<Object> set;

    private Binding(Supplier<?> get, Consumer<Object> set) {
      this.get = get;
      this.set = set;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      return (T) get.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T value) {
      T before = (T) get.get();
      set.accept(value);
      return before;
    }
  }
}
