package dev.gmailcli.state;

import java.nio.file.Path;

/**
 * One cursor file as {@code status} lists it.
 *
 * @param file the cursor's file
 * @param cursor the cursor, or null when the file cannot be used
 * @param problem why it cannot be used, or null
 */
public record CursorListing(Path file, Cursor cursor, String problem) {}
