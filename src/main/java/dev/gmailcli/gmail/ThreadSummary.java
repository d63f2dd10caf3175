package dev.gmailcli.gmail;

/**
 * One thread as listed: the fields of Gmail's threads.list, plus details when asked for.
 *
 * @param id thread id
 * @param snippet Gmail's snippet, as Gmail sent it (HTML entities not decoded)
 * @param historyId history id
 * @param details subject, from, date…, or null when not asked for or not available
 */
public record ThreadSummary(String id, String snippet, String historyId, ThreadDetails details) {}
