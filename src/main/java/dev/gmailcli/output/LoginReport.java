package dev.gmailcli.output;

/** What {@code gmailcli status} shows: a saved user login, or a service account's delegation. */
public sealed interface LoginReport permits StatusReport, ServiceAccountReport {}
