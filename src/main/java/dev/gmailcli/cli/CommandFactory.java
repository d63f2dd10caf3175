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
    try {
      Constructor<K> constructor = type.getDeclaredConstructor(Env.class);
      return constructor.newInstance(env);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
  }
}
