package dev.gmailcli.app;

import dev.gmailcli.GmailCliException;
import dev.gmailcli.Locations;
import java.nio.file.Path;
import java.util.Map;

/**
 * The options every command takes. Build it from the command line, then {@link #resolved} applies
 * their environment variables (an option wins over its variable) and checks how they combine.
 *
 * @param credentials --credentials, or null for the default
 * @param token --token, or null for the default
 * @param verbose --verbose: diagnostics on stderr
 * @param noInput --no-input or GMAILCLI_NO_INPUT=1: never wait for a person
 * @param tokenReadOnly --token-readonly or GMAILCLI_TOKEN_READONLY=1: never lock or save the token
 * @param profile --profile or GMAILCLI_PROFILE: a named login, or null for the default one
 * @param serviceAccount --service-account or GMAILCLI_SERVICE_ACCOUNT: a key file, or null
 * @param subject --subject or GMAILCLI_SUBJECT: the mailbox a service account acts for, or null
 */
public record GlobalOptions(
    Path credentials,
    Path token,
    boolean verbose,
    boolean noInput,
    boolean tokenReadOnly,
    String profile,
    Path serviceAccount,
    String subject) {

  /** The options with their environment variables applied, checked. */
  public GlobalOptions resolved(Map<String, String> env) {
    String profileName = firstSet(profile, env.get("GMAILCLI_PROFILE"));
    String key =
        firstSet(
            serviceAccount == null ? null : serviceAccount.toString(),
            env.get("GMAILCLI_SERVICE_ACCOUNT"));
    String mailbox = firstSet(subject, env.get("GMAILCLI_SUBJECT"));
    if (profileName != null) {
      Locations.checkProfileName(profileName);
    }
    if (key != null && mailbox == null) {
      throw GmailCliException.usage(
          "--service-account needs --subject: a service account has no mailbox of its own",
          "name the mailbox to read, e.g. --subject alice@example.com (or GMAILCLI_SUBJECT)");
    }
    if (key == null && mailbox != null) {
      throw GmailCliException.usage(
          "--subject is only for --service-account",
          "add --service-account KEY.json, or leave out --subject");
    }
    if (key != null && (profileName != null || token != null)) {
      throw GmailCliException.usage(
          "--service-account cannot be combined with "
              + (profileName != null ? "--profile" : "--token")
              + ": the key file is the credential",
          "leave out one of them");
    }
    return new GlobalOptions(
        credentials,
        token,
        verbose,
        noInput || isTrue(env.get("GMAILCLI_NO_INPUT")),
        tokenReadOnly || isTrue(env.get("GMAILCLI_TOKEN_READONLY")),
        profileName,
        key == null ? null : Path.of(key),
        mailbox);
  }

  /** True when gmailcli acts for a mailbox through a Workspace service account. */
  public boolean usesServiceAccount() {
    return serviceAccount != null;
  }

  private static String firstSet(String option, String variable) {
    if (option != null && !option.isBlank()) {
      return option.trim();
    }
    return variable != null && !variable.isBlank() ? variable.trim() : null;
  }

  private static boolean isTrue(String value) {
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }
}
