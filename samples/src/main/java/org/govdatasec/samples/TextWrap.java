package org.govdatasec.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps lines of mixed English and Chinese text to a display width, counting a Chinese character as two
 * columns, as a terminal shows it. A line breaks at a space or between Chinese characters (never before
 * closing or after opening punctuation); continuation lines are indented four columns deeper than the
 * line they continue.
 */
final class TextWrap {

  private static final String NO_LINE_START = "，。、；：！？）〕】》」』”’";
  private static final String NO_LINE_END = "（〔【《「『“‘";

  private TextWrap() {}

  /**
   * Wraps one line.
   *
   * @param line a line without line breaks
   * @param width the display width
   * @return the wrapped lines, at least one
   */
  static List<String> wrap(String line, int width) {
    List<String> lines = new ArrayList<>();
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    String continuation = " ".repeat(Math.min(indent + 4, width / 2));
    String rest = line.stripTrailing();
    int protectedPrefix = indent;
    while (width(rest) > width) {
      int cut = cut(rest, width, protectedPrefix);
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = continuation + rest.substring(cut).stripLeading();
      protectedPrefix = continuation.length();
    }
    lines.add(rest);
    return lines;
  }

  /**
   * Returns the display width of a text: two columns for each East Asian wide character.
   *
   * @param text the text
   * @return the width in columns
   */
  static int width(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); i++) {
      w += wide(text.charAt(i)) ? 2 : 1;
    }
    return w;
  }

  private static int cut(String s, int width, int protectedPrefix) {
    int used = 0;
    int best = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i > protectedPrefix && canBreakBefore(s, i)) {
        best = i;
      }
      used += wide(c) ? 2 : 1;
      if (used > width) {
        break;
      }
    }
    if (best > protectedPrefix) {
      return best;
    }
    // No break opportunity: cut hard at the width.
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += wide(s.charAt(i)) ? 2 : 1;
      if (w > width) {
        return Math.max(i, protectedPrefix + 1);
      }
    }
    return s.length();
  }

  private static boolean canBreakBefore(String s, int i) {
    char c = s.charAt(i);
    char prev = s.charAt(i - 1);
    if (c == ' ') {
      return prev != ' ';
    }
    if (NO_LINE_START.indexOf(c) >= 0 || NO_LINE_END.indexOf(prev) >= 0) {
      return false;
    }
    return wide(c) || wide(prev);
  }

  private static boolean wide(char c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6);
  }
}
