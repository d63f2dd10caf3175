package dev.gmailcli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void silence_leavesJavaUtilLoggingWithoutHandlersAndOff() throws Exception {
    new Main.Silence();

    Logger root = Logger.getLogger("");
    assertThat(root.getLevel()).isEqualTo(Level.OFF);
    assertThat(root.getHandlers()).isEmpty();
    assertThat(Logger.getLogger("com.google.api.client.http").isLoggable(Level.SEVERE)).isFalse();
  }
}
