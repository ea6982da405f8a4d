package org.govdatasec.masking;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Validators of the formats Chinese agency data holds (PI-5). Every method is strict: half-width ASCII
 * only (full-width digits are not digits here), no surrounding spaces, {@code null} is never valid.
 *
 * <p>Sources: GB 11643-1999 (resident ID numbers, ISO 7064 MOD 11-2 check character), GB 32100-2015
 * (unified social credit codes, MOD 31 check character), ISO/IEC 7812 (bank cards, Luhn), GA 36 (vehicle
 * plates), RFC 791 / RFC 4291 (IP addresses).
 */
public final class Validators {
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  /** GB 32100 character set: digits and capital letters except I, O, Z, S, V. */
  static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
  private static final String PROVINCES = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83";
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
          + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
  private static final Pattern LANDLINE = Pattern.compile("(?:0(?:10|2[0-9])-?[2-9][0-9]{7}|0[3-9][0-9]{2}-?[2-9][0-9]{6,7})");
  private static final Pattern PASSPORT = Pattern.compile("(?:E[0-9A-HJ-NP-Z][0-9]{7}|[EGDSP][0-9]{8})");
  private static final Pattern PERMIT = Pattern.compile("(?:[CHM][0-9]{8}(?:[0-9]{2})?|[0-9]{8})");
  /** Province abbreviations used on plates. */
  static final String PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
  private static final Pattern PLATE = Pattern.compile(
      "[" + PLATE_PROVINCES + "][A-HJ-NP-Z](?:[0-9A-HJ-NP-Z]{5}|[DF][0-9A-HJ-NP-Z][0-9]{4}|[0-9]{5}[DF])");

  private Validators() {}

  /**
   * Tells whether a value is a valid resident ID number: 18 characters with a known province code, a real
   * date of birth from 1900 on, and the GB 11643 check character (capital {@code X} for 10); or a legacy
   * 15-digit number with a known province code and a real date of birth in 19yy.
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isResidentId(String value) {
    if (value == null) {
      return false;
    }
    if (value.length() == 15) {
      return allDigits(value, 0, 15) && knownProvince(value) && realDate(1900 + num(value, 6, 8), num(value, 8, 10), num(value, 10, 12));
    }
    if (value.length() != 18 || !allDigits(value, 0, 17)) {
      return false;
    }
    int year = num(value, 6, 10);
    return knownProvince(value) && year >= 1900 && realDate(year, num(value, 10, 12), num(value, 12, 14))
        && value.charAt(17) == residentIdCheckChar(value);
  }

  /**
   * Computes the GB 11643 (ISO 7064 MOD 11-2) check character of the first 17 digits.
   *
   * @param value a string whose first 17 characters are digits
   * @return {@code 0}-{@code 9} or {@code X}
   * @throws IllegalArgumentException if the first 17 characters are not ASCII digits
   */
  public static char residentIdCheckChar(CharSequence value) {
    if (value == null || value.length() < 17) {
      throw new IllegalArgumentException("need 17 digits");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int d = value.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new IllegalArgumentException("not a digit at position " + (i + 1));
      }
      sum += d * ID_WEIGHTS[i];
    }
    return ID_CHECK[sum % 11];
  }

  /**
   * Tells whether a value is a mainland mobile number: 11 digits starting 13 to 19.
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isMobile(String value) {
    return value != null && value.length() == 11 && value.charAt(0) == '1' && value.charAt(1) >= '3'
        && allDigits(value, 0, 11);
  }

  /**
   * Tells whether a value is a landline with area code: {@code 010}/{@code 02x} and 8 digits, or a
   * 4-digit area code and 7 or 8 digits, with or without a dash.
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isLandline(String value) {
    return value != null && LANDLINE.matcher(value).matches();
  }

  /**
   * Tells whether a value is an e-mail address (dot-atom local part, a domain with a TLD).
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isEmail(String value) {
    return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
  }

  /**
   * Tells whether a value is a bank card number: 13 to 19 digits with a valid Luhn check digit.
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isBankCard(String value) {
    return value != null && value.length() >= 13 && value.length() <= 19 && allDigits(value, 0, value.length())
        && luhnValid(value);
  }

  /**
   * Tells whether a string of digits passes the Luhn check (ISO/IEC 7812-1).
   *
   * @param digits ASCII digits, the last one being the check digit
   * @return true if valid; false for an empty string or a non-digit
   */
  public static boolean luhnValid(CharSequence digits) {
    if (digits == null || digits.length() < 2) {
      return false;
    }
    int n = digits.length();
    char expected;
    try {
      expected = luhnCheckDigit(digits.subSequence(0, n - 1));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return digits.charAt(n - 1) == expected;
  }

  /**
   * Computes the Luhn check digit to append to a body of digits.
   *
   * @param body ASCII digits
   * @return the check digit
   * @throws IllegalArgumentException if the body holds a non-digit
   */
  public static char luhnCheckDigit(CharSequence body) {
    int sum = 0;
    boolean dbl = true;
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new IllegalArgumentException("not a digit at position " + (i + 1));
      }
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  /**
   * Tells whether a value is a unified social credit code: 18 characters of the GB 32100 set, a 6-digit
   * region code, and the MOD 31 check character.
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isCreditCode(String value) {
    if (value == null || value.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (CREDIT_CHARS.indexOf(value.charAt(i)) < 0) {
        return false;
      }
    }
    return allDigits(value, 2, 8) && value.charAt(17) == creditCodeCheckChar(value);
  }

  /**
   * Computes the GB 32100 check character of the first 17 characters.
   *
   * @param value a string whose first 17 characters are of the GB 32100 set
   * @return the check character
   * @throws IllegalArgumentException for a character outside the set
   */
  public static char creditCodeCheckChar(CharSequence value) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = CREDIT_CHARS.indexOf(value.charAt(i));
      if (v < 0) {
        throw new IllegalArgumentException("not a GB 32100 character at position " + (i + 1));
      }
      sum += v * CREDIT_WEIGHTS[i];
    }
    int c = 31 - sum % 31;
    return CREDIT_CHARS.charAt(c == 31 ? 0 : c);
  }

  /**
   * Computes the GB 11714 check character of an 8-character organisation code body (positions 9 to 16 of a
   * credit code).
   *
   * @param body 8 digits or capital letters
   * @return {@code 0}-{@code 9} or {@code X}
   * @throws IllegalArgumentException for another character
   */
  public static char organisationCodeCheckChar(CharSequence body) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char ch = body.charAt(i);
      int v;
      if (ch >= '0' && ch <= '9') {
        v = ch - '0';
      } else if (ch >= 'A' && ch <= 'Z') {
        v = ch - 'A' + 10;
      } else {
        throw new IllegalArgumentException("not a GB 11714 character at position " + (i + 1));
      }
      sum += v * ORG_WEIGHTS[i];
    }
    int c = 11 - sum % 11;
    return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
  }

  /**
   * Tells whether a value is a Chinese passport number ({@code E} and 8 characters, or {@code G}, {@code D},
   * {@code S}, {@code P} and 8 digits).
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isPassport(String value) {
    return value != null && PASSPORT.matcher(value).matches();
  }

  /**
   * Tells whether a value is a permit number: an exit-entry permit ({@code C} and 8 digits), a home-return
   * permit ({@code H}/{@code M} and 8 or 10 digits), a Taiwan compatriot permit (8 digits), or a residence
   * permit for Hong Kong, Macao or Taiwan residents (an 18-character ID number with region 81, 82 or 83).
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isPermit(String value) {
    if (value == null) {
      return false;
    }
    if (value.length() == 18) {
      return (value.startsWith("81") || value.startsWith("82") || value.startsWith("83")) && isResidentId(value);
    }
    return PERMIT.matcher(value).matches();
  }

  /**
   * Tells whether a value is a vehicle plate: province abbreviation, issuing-office letter, and 5
   * characters (ordinary) or 6 (new energy, with {@code D}/{@code F}); letters I and O never appear.
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isVehiclePlate(String value) {
    return value != null && PLATE.matcher(value).matches();
  }

  /**
   * Tells whether a value is a dotted-quad IPv4 address without leading zeros.
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isIpv4(String value) {
    if (value == null || value.length() < 7 || value.length() > 15) {
      return false;
    }
    int parts = 0;
    int i = 0;
    while (i <= value.length()) {
      int start = i;
      int v = 0;
      while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
        v = v * 10 + value.charAt(i) - '0';
        i++;
      }
      int len = i - start;
      if (len == 0 || len > 3 || v > 255 || (len > 1 && value.charAt(start) == '0')) {
        return false;
      }
      parts++;
      if (i == value.length()) {
        break;
      }
      if (value.charAt(i) != '.') {
        return false;
      }
      i++;
    }
    return parts == 4;
  }

  /**
   * Tells whether a value is an IPv6 address in RFC 4291 text form (with {@code ::} compression and an
   * optional trailing IPv4 part), without a zone or prefix length.
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isIpv6(String value) {
    if (value == null || value.length() < 2 || value.length() > 45) {
      return false;
    }
    int dbl = value.indexOf("::");
    if (dbl >= 0 && value.indexOf("::", dbl + 1) >= 0) {
      return false;
    }
    String[] halves = dbl >= 0 ? new String[] {value.substring(0, dbl), value.substring(dbl + 2)} : new String[] {value};
    int groups = 0;
    for (int h = 0; h < halves.length; h++) {
      String part = halves[h];
      if (part.isEmpty()) {
        if (dbl < 0) {
          return false;
        }
        continue;
      }
      String[] gs = part.split(":", -1);
      for (int g = 0; g < gs.length; g++) {
        String s = gs[g];
        boolean last = h == halves.length - 1 && g == gs.length - 1;
        if (last && s.indexOf('.') >= 0) {
          if (!isIpv4(s)) {
            return false;
          }
          groups += 2;
          continue;
        }
        if (s.isEmpty() || s.length() > 4) {
          return false;
        }
        for (int k = 0; k < s.length(); k++) {
          if (Character.digit(s.charAt(k), 16) < 0 || s.charAt(k) > 'f') {
            return false;
          }
        }
        groups++;
      }
    }
    return dbl >= 0 ? groups < 8 : groups == 8;
  }

  /**
   * Tells whether a value is an IPv4 or IPv6 address.
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isIpAddress(String value) {
    return isIpv4(value) || isIpv6(value);
  }

  /**
   * Tells whether a value is a real date in {@code yyyy-MM-dd}, {@code yyyy/MM/dd} or {@code yyyyMMdd}
   * form, from 1900-01-01 to 2199-12-31.
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isDate(String value) {
    return parseDate(value) != null;
  }

  /**
   * Tells whether a value is a plausible Chinese name: 2 to 6 Han characters (any plane, so rare
   * characters count), optionally with one middle dot {@code ·} between parts of an ethnic-minority name
   * (up to 20 code points then).
   *
   * @param value the value
   * @return true if valid
   */
  public static boolean isChineseName(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    int count = 0;
    int dots = 0;
    int prev = -1;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '·' || cp == '•' || cp == '\u30FB') {
        if (count == 0 || prev == '·' || i >= value.length()) {
          return false;
        }
        dots++;
        prev = '·';
        continue;
      }
      boolean commonHan = cp >= 0x4E00 && cp <= 0x9FEF;
      if (!commonHan && (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN || !Character.isLetter(cp))) {
        return false;
      }
      prev = cp;
      count++;
    }
    return dots == 0 ? count >= 2 && count <= 6 : count >= 2 && count <= 20;
  }

  /**
   * Parses a date of the forms {@link #isDate} accepts.
   *
   * @param value the value
   * @return the date, or {@code null} if the value is not such a date
   */
  static LocalDate parseDate(String value) {
    if (value == null) {
      return null;
    }
    int y;
    int m;
    int d;
    if (value.length() == 8 && allDigits(value, 0, 8)) {
      y = num(value, 0, 4);
      m = num(value, 4, 6);
      d = num(value, 6, 8);
    } else if (value.length() == 10 && allDigits(value, 0, 4) && allDigits(value, 5, 7) && allDigits(value, 8, 10)
        && (value.charAt(4) == '-' || value.charAt(4) == '/') && value.charAt(7) == value.charAt(4)) {
      y = num(value, 0, 4);
      m = num(value, 5, 7);
      d = num(value, 8, 10);
    } else {
      return null;
    }
    if (y < 1900 || y > 2199) {
      return null;
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  static boolean allDigits(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static int num(CharSequence s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + s.charAt(i) - '0';
    }
    return v;
  }

  private static boolean knownProvince(String value) {
    return value.charAt(0) != '0' && PROVINCES.contains(value.substring(0, 2)) && value.charAt(2) != ' ';
  }

  private static boolean realDate(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1) {
      return false;
    }
    try {
      LocalDate.of(y, m, d);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
