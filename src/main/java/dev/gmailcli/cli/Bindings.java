package dev.gmailcli.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the generated {@code *CommandSpec} classes build picocli's model with: a field of a command
 * as picocli reads and writes it, and the standard {@code --help}/{@code --version} options of
 * {@code mixinStandardHelpOptions}. Reading the commands' annotations at run time (what picocli
 * does with an annotated class) made building the model of {@code threads} three times slower; the
 * generated classes say the same in code.
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
    Flag flag = new Flag();
    return option(names)
        .paramLabel(label)
        .type(boolean.class)
        .auxiliaryTypes(boolean.class)
        .initialValue(false)
        .getter(flag)
        .setter(flag);
  }

  /**
   * A field of a command for picocli, both sides; setting returns the value before, as picocli's
   * own does. The generated classes say which field {@code name} is.
   */
  abstract static class Field implements IGetter, ISetter {
    final String name;

    Field(String name) {
      this.name = name;
    }

    abstract Object value();

    abstract void value(Object value);

    final IllegalStateException unknown() {
      return new IllegalStateException("no field " + name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T> T get() {
      return (T) value();
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T> T set(T value) {
      T before = (T) value();
      value((Object) value);
      return before;
    }
  }

  // the value of --help or --version, in the mixin picocli's annotations would make
  private static final class Flag extends Field {
    private boolean value;

    Flag() {
      super("flag");
    }

    @Override
    Object value() {
      return value;
    }

    @Override
    void value(Object value) {
      this.value = (Boolean) value;
    }
  }
}
