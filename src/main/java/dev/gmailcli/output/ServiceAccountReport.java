package dev.gmailcli.output;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code gmailcli status} shows for a Workspace service account acting for a user. Holds no
 * secret: never the private key.
 *
 * @param keyFile the key file
 * @param clientEmail the service account's address
 * @param clientId its client id, the one a Workspace administrator allows ("" when unknown)
 * @param subject the mailbox it acts for
 * @param scopes the scopes it asks for
 */
public record ServiceAccountReport(
    Path keyFile, String clientEmail, String clientId, String subject, List<String> scopes)
    implements LoginReport {}
