package dev.gmailcli.docs;

import dev.gmailcli.docs.MarkdownDoc.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A README code block read as commands to run: each line of an {@code sh} block ({@code \}
 * continuations joined, comment lines left out), or each {@code $ } line of a {@code console} block
 * (with whether the README shows it printing something), and what the {@code <!-- doctest: … -->}
 * comment before it asks for, directives separated by {@code ;}:
 *
 * <ul>
 *   <li>{@code skip: why} — not run, for the reason given;
 *   <li>{@code logged out} — no token.json at the start (else there is a login of
 *       alice@example.com);
 *   <li>{@code also profile NAME} — the profile NAME is logged in as well;
 *   <li>{@code new mail before command K} — two new threads arrive before the K-th command;
 *   <li>{@code silent K, …} — those commands print nothing at all;
 *   <li>{@code service account key PATH for ADDRESS} — a delegated service account key is at PATH
 *       (moved into the test's directory) for the mailbox ADDRESS.
 * </ul>
 */
record ReadmeExample(Block block, List<Command> commands, List<String> directives) {
  /** One command of the block, numbered from 1. */
  record Command(int number, String text, boolean showsOutput) {}

  private static final Pattern GMAILCLI =
      Pattern.compile("(^|[;&|(]\\s*|\\$\\(\\s*)(\\w+=\\S*\\s+)*(\\S*/)?gmailcli(\\s|$)");
  private static final Pattern TALKS_TO_GOOGLE =
      Pattern.compile("gmailcli\\s+(.*\\s)?(login|logout|threads|status\\s.*--check)(\\s|$)");

  private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");
  private static final Pattern KNOWN_DIRECTIVE =
      Pattern.compile(
          "skip: \\S.*|logged out|also profile [\\w.-]+|new mail before command \\d+"
              + "|silent \\d+(, \\d+)*|service account key /\\S+ for \\S+@\\S+");

  static ReadmeExample of(Block block) {
    List<String> directives =
        block.marker() == null || block.marker().isEmpty()
            ? List.of()
            : Arrays.stream(block.marker().split(";")).map(String::strip).toList();
    List<Command> commands =
        block.language().equals("console") ? consoleCommands(block) : shellCommands(block);
    return new ReadmeExample(block, commands, directives);
  }

  private static List<Command> shellCommands(Block block) {
    List<Command> commands = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : block.lines()) {
      if (pending.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1);
        continue;
      }
      pending.append(line);
      commands.add(new Command(commands.size() + 1, pending.toString().strip(), false));
      pending.setLength(0);
    }
    return commands;
  }

  private static List<Command> consoleCommands(Block block) {
    List<Command> commands = new ArrayList<>();
    List<String> lines = block.lines();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("$ ")) {
        int next = i + 1;
        while (next < lines.size() && lines.get(next).isBlank()) {
          next++;
        }
        boolean output = next < lines.size() && !lines.get(next).startsWith("$ ");
        commands.add(new Command(commands.size() + 1, lines.get(i).substring(2).strip(), output));
      }
    }
    return commands;
  }

  /** True for a shell or console block in which some command runs gmailcli. */
  boolean runsGmailcli() {
    return Set.of("sh", "console").contains(block.language())
        && commands.stream().anyMatch(c -> GMAILCLI.matcher(withoutComment(c.text())).find());
  }

  /** True when some command of it needs Google: a login, a logout, a listing, a check. */
  boolean talksToGoogle() {
    return commands.stream().anyMatch(c -> talksToGoogle(c.text()));
  }

  static boolean talksToGoogle(String command) {
    return TALKS_TO_GOOGLE.matcher(withoutComment(command)).find();
  }

  /** Directives this class does not know (a typo would otherwise be ignored silently). */
  List<String> unknownDirectives() {
    return directives.stream().filter(d -> !KNOWN_DIRECTIVE.matcher(d).matches()).toList();
  }

  boolean marked() {
    return block.marker() != null;
  }

  Optional<String> skipReason() {
    return directives.stream().filter(d -> d.startsWith("skip")).findFirst();
  }

  boolean has(String directive) {
    return directives.contains(directive);
  }

  /** The argument of a directive that starts with {@code prefix}. */
  Optional<String> argument(String prefix) {
    return directives.stream()
        .filter(d -> d.startsWith(prefix + " "))
        .map(d -> d.substring(prefix.length() + 1).strip())
        .findFirst();
  }

  Set<Integer> silentCommands() {
    return argument("silent")
        .map(list -> Arrays.stream(list.split(",")).map(String::strip).map(Integer::valueOf))
        .map(numbers -> numbers.collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  /** Where it is, for messages: {@code README.md:123 (sh)}. */
  String where() {
    return "README.md:" + block.line() + " (" + block.language() + ")";
  }

  static String withoutComment(String command) {
    Matcher comment = COMMENT.matcher(command);
    return comment.find() ? command.substring(0, comment.start()) : command;
  }
}
