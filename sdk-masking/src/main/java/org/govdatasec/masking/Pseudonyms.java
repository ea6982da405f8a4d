package org.govdatasec.masking;

import java.time.LocalDate;

/** Format-valid pseudonym generators; each draws from a keyed {@link Draw}. */
final class Pseudonyms {
  private Pseudonyms() {}

  private static final String ALNUM_LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String[] EMAIL_DOMAINS = {"example.com", "example.org", "example.net"};

  /** Returns a pseudonym of the value's format, or {@code null} when this attempt cannot produce one. */
  static String generate(Format f, String value, FieldRule rule, Draw d) {
    switch (f) {
      case NAME: return name(value, d);
      case RESIDENT_ID: return residentId(value, rule, d);
      case MOBILE: return d.pick(Tables.MOBILE_PREFIXES) + digits(d, 8);
      case LANDLINE: return landline(value, d);
      case EMAIL: return email(value, rule, d);
      case ADDRESS: return address(value, d);
      case BANK_CARD: return bankCard(value, rule, d);
      case CREDIT_CODE: return creditCode(value, rule, d);
      case PASSPORT: return passport(value, d);
      case PERMIT: return permit(value, rule, d);
      case VEHICLE_PLATE: return plate(value, rule, d);
      case IP_ADDRESS: return ip(value, d);
      case BIRTH_DATE: {
        LocalDate orig = Validators.parseDate(value);
        return Masker.formatLike(value, Masker.birthDate(d, rule.keepBirthYear() ? orig.getYear() : 0));
      }
      case DATE: return Masker.formatLike(value, Masker.otherDate(d));
      case NUMBER: return number(value, d);
      default: return generic(value, d);
    }
  }

  static String digits(Draw d, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = d.digit();
    }
    return new String(c);
  }

  private static String name(String value, Draw d) {
    int n = value.codePointCount(0, value.length());
    int surnameLen = 1;
    for (String c : Tables.COMPOUND_SURNAMES) {
      if (value.startsWith(c)) {
        surnameLen = 2;
      }
    }
    int given = Math.max(1, Math.min(2, n - surnameLen));
    StringBuilder sb = new StringBuilder(4);
    sb.append(d.nextInt(24) == 0 ? d.pick(Tables.COMPOUND_SURNAMES) : d.pick(Tables.SURNAMES));
    for (int i = 0; i < given; i++) {
      sb.append(Tables.GIVEN.charAt(d.nextInt(Tables.GIVEN.length())));
    }
    return sb.toString();
  }

  static String residentId(String value, FieldRule rule, Draw d) {
    boolean legacy = value.length() == 15;
    String region;
    if (rule.keepRegion()) {
      region = value.substring(0, 6);
    } else if (rule.keepProvince()) {
      region = regionInProvince(value.substring(0, 2), d);
    } else {
      region = Integer.toString(Tables.REGIONS[d.nextInt(Tables.REGIONS.length)]);
    }
    int keepYear = 0;
    if (rule.keepBirthYear()) {
      keepYear = legacy ? 1900 + Validators.num(value, 6, 8) : Validators.num(value, 6, 10);
    }
    LocalDate birth = Masker.birthDate(d, keepYear);
    if (legacy && birth.getYear() > 1999) {
      birth = birth.minusYears(50);
    }
    int seq = d.nextInt(1000);
    if (rule.keepGender()) {
      int genderDigit = value.charAt(legacy ? 14 : 16) - '0';
      if ((seq & 1) != (genderDigit & 1)) {
        seq ^= 1;
      }
    }
    String date = Masker.formatLike("00000000", birth);
    String s3 = "" + (char) ('0' + seq / 100) + (char) ('0' + seq / 10 % 10) + (char) ('0' + seq % 10);
    if (legacy) {
      return region + date.substring(2) + s3;
    }
    String body = region + date + s3;
    return body + Validators.residentIdCheckChar(body);
  }

  /** A real county of the same province; the province's own code (71/81/82/83 0000) when the table has none. */
  private static String regionInProvince(String province, Draw d) {
    int p = Integer.parseInt(province);
    int count = 0;
    for (int r : Tables.REGIONS) {
      if (r / 10000 == p) {
        count++;
      }
    }
    if (count == 0) {
      return province + "0000";
    }
    int pick = d.nextInt(count);
    for (int r : Tables.REGIONS) {
      if (r / 10000 == p && pick-- == 0) {
        return Integer.toString(r);
      }
    }
    throw new IllegalStateException();
  }

  private static String landline(String value, Draw d) {
    int dash = value.indexOf('-');
    int areaLen = dash > 0 ? dash : (value.charAt(1) == '1' || value.charAt(1) == '2' ? 3 : 4);
    int localStart = dash > 0 ? dash + 1 : areaLen;
    int localLen = value.length() - localStart;
    return value.substring(0, localStart) + (char) ('2' + d.nextInt(7)) + digits(d, localLen - 1);
  }

  private static String email(String value, FieldRule rule, Draw d) {
    int at = value.lastIndexOf('@');
    StringBuilder sb = new StringBuilder("user");
    for (int i = 0; i < 8; i++) {
      sb.append(ALNUM_LOWER.charAt(d.nextInt(ALNUM_LOWER.length())));
    }
    return sb.append('@').append(rule.keepDomain() ? value.substring(at + 1) : d.pick(EMAIL_DOMAINS)).toString();
  }

  private static String address(String value, Draw d) {
    Addresses.Parts p = Addresses.parse(value);
    return p.upTo(Generalisation.DISTRICT) + d.pick(Tables.ROADS) + (1 + d.nextInt(300)) + "号"
        + (1 + d.nextInt(20)) + "栋" + (1 + d.nextInt(30)) + "0" + (1 + d.nextInt(6)) + "室";
  }

  private static String bankCard(String value, FieldRule rule, Draw d) {
    String bin = rule.keepRegion() ? value.substring(0, 6) : d.pick(Tables.CARD_BINS);
    String body = bin + digits(d, value.length() - 7);
    return body + Validators.luhnCheckDigit(body);
  }

  private static String creditCode(String value, FieldRule rule, Draw d) {
    char dept = "159".charAt(d.nextInt(3));
    char type = "1239".charAt(d.nextInt(4));
    String region = rule.keepRegion() ? value.substring(2, 8) : Integer.toString(Tables.REGIONS[d.nextInt(Tables.REGIONS.length)]);
    StringBuilder org = new StringBuilder(9);
    String orgChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (int i = 0; i < 8; i++) {
      org.append(i == 0 ? orgChars.charAt(d.nextInt(orgChars.length())) : d.digit());
    }
    org.append(Validators.organisationCodeCheckChar(org));
    String body = "" + dept + type + region + org;
    return body + Validators.creditCodeCheckChar(body);
  }

  private static String passport(String value, Draw d) {
    if (Character.isDigit(value.charAt(1))) {
      return value.charAt(0) + digits(d, 8);
    }
    String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    return "E" + letters.charAt(d.nextInt(letters.length())) + digits(d, 7);
  }

  private static String permit(String value, FieldRule rule, Draw d) {
    if (value.length() == 18) {
      return residentId(value, rule.toBuilder().keepRegion(true).build(), d);
    }
    if (Character.isDigit(value.charAt(0))) {
      return digits(d, 8);
    }
    return value.charAt(0) + digits(d, value.length() - 1);
  }

  private static String plate(String value, FieldRule rule, Draw d) {
    String head = rule.keepRegion() ? value.substring(0, 2)
        : "" + Validators.PLATE_PROVINCES.charAt(d.nextInt(Validators.PLATE_PROVINCES.length()))
            + Tables.PLATE_LETTERS.charAt(d.nextInt(Tables.PLATE_LETTERS.length()));
    String rest = value.substring(2);
    StringBuilder sb = new StringBuilder(head);
    if (rest.length() == 6) {
      boolean front = rest.charAt(0) == 'D' || rest.charAt(0) == 'F';
      if (front) {
        sb.append(rest.charAt(0)).append(plateChar(d)).append(digits(d, 4));
      } else {
        sb.append(digits(d, 5)).append(rest.charAt(5));
      }
    } else {
      for (int i = 0; i < 5; i++) {
        sb.append(d.nextInt(5) == 0 ? plateChar(d) : d.digit());
      }
    }
    return sb.toString();
  }

  private static char plateChar(Draw d) {
    String chars = "0123456789" + "ABCDEFGHJKLMNPQRSTUVWXYZ";
    return chars.charAt(d.nextInt(chars.length()));
  }

  private static String ip(String value, Draw d) {
    if (Validators.isIpv4(value)) {
      int first;
      do {
        first = 1 + d.nextInt(223);
      } while (first == 127 || first == 10);
      return first + "." + d.nextInt(256) + "." + d.nextInt(256) + "." + (1 + d.nextInt(254));
    }
    StringBuilder sb = new StringBuilder(Integer.toHexString(0x2000 | d.nextInt(0x1000)));
    for (int i = 1; i < 8; i++) {
      sb.append(':').append(Integer.toHexString(d.nextInt(0x10000)));
    }
    return sb.toString();
  }

  /** The 8 groups of a valid IPv6 address. */
  static int[] ipv6Groups(String value) {
    int[] out = new int[8];
    String v = value;
    int dbl = v.indexOf("::");
    String[] head = dbl >= 0 ? split(v.substring(0, dbl)) : split(v);
    String[] tail = dbl >= 0 ? split(v.substring(dbl + 2)) : new String[0];
    int[] h = parseGroups(head);
    int[] t = parseGroups(tail);
    System.arraycopy(h, 0, out, 0, Math.min(8, h.length));
    System.arraycopy(t, 0, out, 8 - t.length, t.length);
    return out;
  }

  private static String[] split(String s) {
    return s.isEmpty() ? new String[0] : s.split(":");
  }

  private static int[] parseGroups(String[] parts) {
    int n = 0;
    for (String p : parts) {
      n += p.indexOf('.') >= 0 ? 2 : 1;
    }
    int[] g = new int[n];
    int i = 0;
    for (String p : parts) {
      if (p.indexOf('.') >= 0) {
        String[] o = p.split("\\.");
        g[i++] = Integer.parseInt(o[0]) << 8 | Integer.parseInt(o[1]);
        g[i++] = Integer.parseInt(o[2]) << 8 | Integer.parseInt(o[3]);
      } else {
        g[i++] = Integer.parseInt(p, 16);
      }
    }
    return g;
  }

  private static String number(String value, Draw d) {
    StringBuilder sb = new StringBuilder(value.length());
    boolean leading = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        boolean nextIsDot = i + 1 < value.length() && value.charAt(i + 1) == '.';
        boolean lastDigit = i + 1 == value.length();
        sb.append(leading && !nextIsDot && !lastDigit ? (char) ('1' + d.nextInt(9)) : d.digit());
        leading = false;
      } else {
        sb.append(c);
        if (c == '.') {
          leading = false;
        }
      }
    }
    return sb.toString();
  }

  /** Shape-preserving keyed text: digits to digits, letters to letters of the same case, Han to Han. */
  static String generic(String value, Draw d) {
    StringBuilder sb = new StringBuilder(value.length());
    boolean changed = false;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= '0' && cp <= '9') {
        sb.append(d.digit());
        changed = true;
      } else if (cp >= 'a' && cp <= 'z') {
        sb.append((char) ('a' + d.nextInt(26)));
        changed = true;
      } else if (cp >= 'A' && cp <= 'Z') {
        sb.append((char) ('A' + d.nextInt(26)));
        changed = true;
      } else if (Character.isLetterOrDigit(cp)) {
        sb.append(Tables.GIVEN.charAt(d.nextInt(Tables.GIVEN.length())));
        changed = true;
      } else {
        sb.appendCodePoint(cp);
      }
    }
    return changed ? sb.toString() : null;
  }
}
