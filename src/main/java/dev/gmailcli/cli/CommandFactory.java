package dev.gmailcli.cli;

import dev.gmailcli.platform.Env;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates command objects, handing the {@link Env} to those that take one. */
final class CommandFactory implements CommandLine.IFactory {
  private final Env env;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(Env env) {
    this.env = env;
  }

  Env env() {
    return env;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type.getModule() != CommandFactory.class.getModule()) {
      // picocli's own classes, and the collections of options that take several values
      return fallback.create(type);
    }
    // gmailcli's commands, converters and version provider, without the exceptions that asking
    // for a missing or non-public constructor costs (picocli's factory throws two for each)
    Constructor<?> noArguments = null;
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == Env.class) {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(env));
      }
      if (parameters.length == 0) {
        noArguments = constructor;
      }
    }
    if (noArguments == null) {
      return fallback.create(type);
    }
    noArguments.setAccessible(true);
    return type.cast(noArguments.newInstance());
  }
}
