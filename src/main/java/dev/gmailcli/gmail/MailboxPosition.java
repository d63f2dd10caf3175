package dev.gmailcli.gmail;

/**
 * Where a mailbox is now (users.getProfile).
 *
 * @param account the mailbox's address
 * @param historyId its current history id
 */
public record MailboxPosition(String account, String historyId) {}
