package org.govdatasec.core.internal.governance;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Identifiers of governance records. Not API. */
public final class Ids {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /**
   * Tells whether a text is a valid id: 1 to 128 letters, digits or {@code . _ : -} (as audit event ids).
   *
   * @param id the text
   * @return true if valid
   */
  public static boolean valid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * Draws a fresh id with a prefix, such as {@code AT-3f9c...}.
   *
   * @param prefix the prefix
   * @return the id: the prefix, a dash and 32 random hex digits
   */
  public static String fresh(String prefix) {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return prefix + "-" + HexFormat.of().formatHex(b);
  }
}
