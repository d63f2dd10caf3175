package dev.gmailcli.app;

import dev.gmailcli.GmailCliException;
import dev.gmailcli.Locations;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.output.ProfileStatus;
import dev.gmailcli.output.StatusReport;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code gmailcli status --all}: every saved login — the default one and each profile's — one line
 * each; with {@code --check}, whether each works now.
 */
public final class AllStatusTask {
  private final Path profilesDirectory;
  private final Function<String, Services> servicesFor;
  private final Clock clock;

  /**
   * @param profilesDirectory where the profiles' logins live ({@code GMAILCLI_HOME/profiles})
   * @param servicesFor the services of one profile (null: the default login)
   */
  public AllStatusTask(
      Path profilesDirectory, Function<String, Services> servicesFor, Clock clock) {
    this.profilesDirectory = profilesDirectory;
    this.servicesFor = servicesFor;
    this.clock = clock;
  }

  /** The lines; a broken login shows its problem instead of stopping the others. */
  public List<ProfileStatus> run(boolean check) {
    List<ProfileStatus> rows = new ArrayList<>();
    List<String> names = new ArrayList<>();
    names.add(null);
    names.addAll(profileNames());
    for (String name : names) {
      Services services = servicesFor.apply(name);
      CredentialStore store = services.credentialStore();
      Optional<StoredToken> token;
      try {
        token = store.find();
      } catch (GmailCliException e) {
        rows.add(
            new ProfileStatus(
                name,
                "",
                List.of(),
                null,
                false,
                false,
                e.getMessage(),
                true,
                e.exitCode().code()));
        continue;
      }
      if (token.isEmpty()) {
        continue; // no default login, or an empty profile directory
      }
      StatusReport report = StatusTask.of(token.get(), store, services.cursorStore(), clock);
      String problem = null;
      int exitCode = 0;
      if (check) {
        try {
          services.mailboxAccess().openAndProve();
        } catch (GmailCliException e) {
          problem = e.getMessage();
          exitCode = e.exitCode().code();
        }
      }
      rows.add(
          new ProfileStatus(
              name,
              report.account(),
              report.scopes(),
              report.expiry(),
              report.accessTokenValid(),
              report.refreshTokenPresent(),
              problem,
              check,
              exitCode));
    }
    return rows;
  }

  private static boolean isProfileName(String name) {
    try {
      Locations.checkProfileName(name);
      return true;
    } catch (GmailCliException notOne) {
      return false;
    }
  }

  private List<String> profileNames() {
    TreeSet<String> names = new TreeSet<>();
    if (!Files.isDirectory(profilesDirectory)) {
      return List.of();
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(profilesDirectory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (isProfileName(name) && Files.isRegularFile(entry.resolve("token.json"))) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw GmailCliException.config(
          "cannot list " + profilesDirectory + ": " + e.getMessage(),
          "check the directory's owner and permissions",
          e);
    }
    return List.copyOf(names);
  }
}
