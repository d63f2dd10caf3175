package dev.gmailcli.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * The statements that add a command's options and positional parameters to a generated model, each
 * bound to the field it sets; what picocli's annotations allow and gmailcli's commands do not use
 * fails here.
 */
final class ArgSource {
  private final Class<?> type;
  private final JavaNames names;
  private final SourceLines out;
  // field name -> the type its values are cast to
  private final Map<String, String> fields = new LinkedHashMap<>();

  ArgSource(Class<?> type, JavaNames names, SourceLines out) {
    this.type = type;
    this.names = names;
    this.out = out;
  }

  /** The fields bound so far, for {@link FieldClassSource}. */
  Map<String, String> fields() {
    return fields;
  }

  void option(OptionSpec option) {
    String binding = binding(option);
    out.line("spec.addOption(");
    out.line("    Bindings.option(%s)", JavaNames.literals(option.names()));
    common(option);
    if (option.negatable()) {
      out.chain(".negatable(true)");
    }
    if (option.usageHelp()) {
      out.chain(".usageHelp(true)");
    }
    if (option.versionHelp()) {
      out.chain(".versionHelp(true)");
    }
    if (option.scopeType() == ScopeType.INHERIT) {
      names.importType("picocli.CommandLine.ScopeType");
      out.chain(".scopeType(ScopeType.INHERIT)");
    }
    if (option.help() || option.order() != -1 || !option.fallbackValue().isEmpty()) {
      throw unsupported("help, order or fallbackValue of " + option.longestName());
    }
    end(binding);
  }

  void positional(PositionalParamSpec positional) {
    String binding = binding(positional);
    out.line("spec.addPositional(");
    out.line("    Bindings.positional()");
    if (!positional.index().isUnspecified()) {
      out.chain(".index(%s)", JavaNames.literal(positional.index().originalValue()));
    }
    common(positional);
    end(binding);
  }

  // what options and positional parameters share
  private void common(ArgSpec arg) {
    out.chain(".type(%s.class)", names.of(arg.type()));
    out.chain(".auxiliaryTypes(%s)", names.classLiterals(arg.auxiliaryTypes()));
    if (!arg.arity().isUnspecified()) {
      out.chain(".arity(%s)", JavaNames.literal(arg.arity().originalValue()));
    }
    out.chain(".paramLabel(%s)", JavaNames.literal(arg.paramLabel()));
    if (arg.description().length > 0) {
      out.strings("        ", "description", arg.description(), ")");
    }
    if (arg.converters().length > 0) {
      List<String> converters = new ArrayList<>();
      for (Object converter : arg.converters()) {
        converters.add("new " + names.of(converter.getClass()) + "()");
      }
      out.chain(".converters(%s)", String.join(", ", converters));
    }
    Object candidates = arg.completionCandidates();
    if (candidates != null && candidates.getClass().getPackage() == type.getPackage()) {
      out.chain(".completionCandidates(new %s())", names.of(candidates.getClass()));
    }
    if (arg.required()) {
      out.chain(".required(true)");
    }
    if (arg.hidden()
        || arg.interactive()
        || arg.hideParamSyntax()
        || arg.defaultValue() != null
        || !arg.splitRegex().isEmpty()
        || !arg.descriptionKey().isEmpty()
        || !arg.prompt().isEmpty()) {
      throw unsupported(
          "hidden, interactive, hideParamSyntax, defaultValue, split, descriptionKey or prompt of "
              + arg.paramLabel());
    }
    out.chain(".initialValue(command.%s)", field(arg).getName());
  }

  private void end(String binding) {
    out.chain(".getter(%s)", binding);
    out.chain(".setter(%s)", binding);
    out.chain(".build());");
  }

  // a local variable bound to the field of the command that `arg` sets
  private String binding(ArgSpec arg) {
    Field field = field(arg);
    fields.put(
        field.getName(), names.castTarget(field.getGenericType().getTypeName(), field.getType()));
    out.line(
        "Field %s = new Field(command, %s);", field.getName(), JavaNames.literal(field.getName()));
    return field.getName();
  }

  private Field field(ArgSpec arg) {
    if (arg.userObject() instanceof Field field && field.getDeclaringClass() == type) {
      return field;
    }
    throw unsupported("an option or parameter that is not a field of " + type.getSimpleName());
  }

  private IllegalStateException unsupported(String what) {
    return new IllegalStateException(what + " is not supported");
  }
}
