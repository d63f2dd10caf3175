package dev.gmailcli.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** gmailcli's version, from the build. */
public final class Version {
  private Version() {}

  /** e.g. "0.1.0"; "dev" when run from unpackaged classes without resources. */
  public static String current() {
    // the jar's manifest, which the class loader has read already
    String packaged = Version.class.getPackage().getImplementationVersion();
    if (packaged != null) {
      return packaged;
    }
    try (InputStream in = Version.class.getResourceAsStream("/dev/gmailcli/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
