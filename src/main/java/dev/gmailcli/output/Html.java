package dev.gmailcli.output;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes the HTML entities Gmail puts in snippets ({@code &#39;}, {@code &amp;}, …). */
public final class Html {
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", " "),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("hellip", "…"),
          Map.entry("lsquo", "‘"),
          Map.entry("rsquo", "’"),
          Map.entry("ldquo", "“"),
          Map.entry("rdquo", "”"),
          Map.entry("copy", "©"),
          Map.entry("reg", "®"),
          Map.entry("trade", "™"),
          Map.entry("euro", "€"),
          Map.entry("zwnj", ""));

  private Html() {}

  /** {@code text} with entities replaced by their characters; unknown ones stay as they are. */
  public static String decode(String text) {
    if (text == null || text.indexOf('&') < 0) {
      return text == null ? "" : text;
    }
    Matcher matcher = ENTITY.matcher(text);
    StringBuilder result = new StringBuilder(text.length());
    while (matcher.find()) {
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement(matcher)));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private static String replacement(Matcher matcher) {
    String entity = matcher.group(1);
    if (entity.startsWith("#")) {
      boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
      int cp = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
      boolean usable = Character.isValidCodePoint(cp) && cp != 0 && (cp < 0xD800 || cp > 0xDFFF);
      return usable ? new String(Character.toChars(cp)) : matcher.group();
    }
    return NAMED.getOrDefault(entity, matcher.group());
  }
}
