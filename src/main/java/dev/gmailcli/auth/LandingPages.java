package dev.gmailcli.auth;

/** The pages the login listener shows in the browser. They echo nothing from the request. */
final class LandingPages {
  private LandingPages() {}

  private static String page(String title, String text) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>gmailcli: "
        + title
        + "</title><style>body{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;"
        + "line-height:1.5;padding:0 1em}</style></head><body><h1>"
        + title
        + "</h1><p>"
        + text
        + "</p></body></html>";
  }

  static final String SUCCESS =
      page(
          "You are logged in",
          "gmailcli received Google's answer. You can close this tab and return to the terminal.");
  static final String DECLINED =
      page(
          "Login cancelled",
          "gmailcli did not get access. You can close this tab and return to the terminal;"
              + " run <code>gmailcli login</code> to try again.");
  static final String FOREIGN =
      page(
          "Not the login in progress",
          "This request does not belong to the login gmailcli is waiting for. Start from the link"
              + " that <code>gmailcli login</code> printed.");
  static final String ALREADY_DONE =
      page("Login already finished", "You can close this tab and return to the terminal.");
  static final String NOT_FOUND = page("Not found", "Nothing here.");
}
