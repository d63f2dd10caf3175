package dev.gmailcli.standin;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/** JSON rendering like Google's front ends: pretty-printed, no HTML escaping of {@code <>&=}. */
final class StandInJson {

  private static final Gson PRETTY =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private StandInJson() {}

  static String pretty(JsonElement element) {
    return PRETTY.toJson(element) + "\n";
  }
}
