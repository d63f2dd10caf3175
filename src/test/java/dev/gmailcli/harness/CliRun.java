package dev.gmailcli.harness;

/**
 * The outcome of one gmailcli run.
 *
 * @param exitCode the process exit code
 * @param out everything written to stdout
 * @param err everything written to stderr
 */
public record CliRun(int exitCode, String out, String err) {}
