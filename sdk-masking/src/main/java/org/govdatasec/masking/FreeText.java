package org.govdatasec.masking;

import java.util.function.BiFunction;

/**
 * Finds identifiers in free text and replaces each: runs of ASCII letters, digits and {@code @._%+-:}
 * are classified as e-mail, resident ID, credit code, bank card, mobile, landline or IP address; any
 * other run holding 7 digits or more is replaced as generic text, so an invalid ID number in a remark
 * is masked too. Names inside free text are not found by this class (no dictionary finds them reliably);
 * the fixture pipeline replaces the names that the same row holds in its NAME columns by their
 * pseudonyms, and other names should be declared as their own column or the text suppressed.
 */
final class FreeText {
  private FreeText() {}

  static String replace(String text, BiFunction<Format, String, String> replacer) {
    StringBuilder out = null;
    int n = text.length();
    int i = 0;
    int copied = 0;
    while (i < n) {
      if (!tokenChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && tokenChar(text.charAt(i))) {
        i++;
      }
      int end = i;
      while (end > start && ".:-+".indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      String token = text.substring(start, end);
      Format f = classify(token);
      if (f != null) {
        if (out == null) {
          out = new StringBuilder(n + 16);
        }
        out.append(text, copied, start).append(replacer.apply(f, token));
        copied = end;
      }
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, n).toString();
  }

  private static boolean tokenChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || "@._%+-:".indexOf(c) >= 0;
  }

  /** The identifier format of a token, GENERIC for an unrecognised run of 7+ digits, null for anything else. */
  static Format classify(String token) {
    if (token.length() < 7) {
      return null;
    }
    if (token.indexOf('@') > 0 && Validators.isEmail(token)) {
      return Format.EMAIL;
    }
    if (Validators.isResidentId(token)) {
      return Format.RESIDENT_ID;
    }
    if (token.length() == 18 && Validators.isCreditCode(token)) {
      return Format.CREDIT_CODE;
    }
    if (Validators.isBankCard(token)) {
      return Format.BANK_CARD;
    }
    if (Validators.isMobile(token)) {
      return Format.MOBILE;
    }
    if (token.charAt(0) == '0' && Validators.isLandline(token)) {
      return Format.LANDLINE;
    }
    if ((token.indexOf('.') > 0 || token.indexOf(':') >= 0) && Validators.isIpAddress(token)) {
      return Format.IP_ADDRESS;
    }
    int digits = 0;
    for (int k = 0; k < token.length(); k++) {
      char c = token.charAt(k);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    return digits >= 7 ? Format.GENERIC : null;
  }
}
