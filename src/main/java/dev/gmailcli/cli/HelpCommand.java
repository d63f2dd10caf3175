package dev.gmailcli.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gmailcli help [COMMAND|TOPIC]}: picocli's help command, plus topics that print one part of
 * the root's {@code --help} on its own. A topic's text is that part, rendered from the same source
 * (the exit-code list, the root's footer), so the two never differ.
 */
@Command(
    name = "help",
    helpCommand = true,
    header = "Show the help of a command, or a topic: environment, exit-codes.",
    synopsisHeading = "%nUsage: ",
    description = {
      "%nWithout COMMAND or TOPIC: the help of gmailcli itself.",
      "Topics: environment (the environment variables gmailcli reads), exit-codes (what each exit"
          + " code means).%n"
    })
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {
  /** The topics, each one part of the root's help. */
  enum Topic {
    ENVIRONMENT("environment") {
      @Override
      String text(Help root) {
        return heading(root.footerHeading()) + root.footer();
      }
    },
    EXIT_CODES("exit-codes") {
      @Override
      String text(Help root) {
        return heading(root.exitCodeListHeading()) + root.exitCodeList();
      }
    };

    private final String topicName;

    Topic(String topicName) {
      this.topicName = topicName;
    }

    String topicName() {
      return topicName;
    }

    abstract String text(Help root);

    static Topic named(String name) {
      return Arrays.stream(values()).filter(t -> t.topicName.equals(name)).findFirst().orElse(null);
    }

    // headings start with a blank line to set them apart inside --help; a topic starts with them
    private static String heading(String heading) {
      return heading.stripLeading();
    }
  }

  /** The topic names, offered by shell completion beside the command names. */
  static final class TopicNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Stream.of(Topic.values()).map(Topic::topicName).iterator();
    }
  }

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean helpRequested;

  @Parameters(
      paramLabel = "COMMAND|TOPIC",
      arity = "0..1",
      completionCandidates = TopicNames.class,
      description = "The command to show the help of, or a topic: environment, exit-codes.")
  String name;

  private CommandLine self;
  private Help.ColorScheme colors;
  private PrintWriter out;

  @Override
  public void init(
      CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = out;
  }

  @Override
  public Integer call() {
    CommandLine parent = self.getParent();
    if (name == null) {
      parent.usage(out, colors);
      return 0;
    }
    Topic topic = Topic.named(name);
    if (topic != null) {
      out.print(topic.text(new Help(parent.getCommandSpec(), colors)));
      out.flush();
      return 0;
    }
    Map<String, CommandLine> commands = parent.getSubcommands();
    CommandLine command = commands.get(name);
    if (command == null) {
      throw new CommandLine.ParameterException(
          parent, "Unknown command or topic '" + name + "'.", null, name);
    }
    command.usage(out, colors);
    return 0;
  }
}
