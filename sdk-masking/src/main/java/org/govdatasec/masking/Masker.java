package org.govdatasec.masking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.HmacSm3;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Ff1;

/**
 * Masks one value by a {@link FieldRule} (PI-5, USE-5): partial masks, keyed format-valid pseudonyms
 * (HMAC-SM3), reversible format-preserving tokens (FF1-SM4), keyed hashes, generalisation, per-subject
 * date shifts and suppression.
 *
 * <pre>{@code
 * Masker masker = Masker.keyed(MaskingKey.fromFile(Path.of("mask.key")));
 * FieldRule id = FieldRule.builder(Format.RESIDENT_ID, Strategy.PSEUDONYMISE).keepBirthYear(true).build();
 * String pseudonym = masker.mask("11010519491231002X", id);   // a valid ID number, born 1949, never the input
 * }</pre>
 *
 * <p>Guarantees: the same value, rule, domain and key give the same output in every run; a different
 * domain or key gives unrelated output; a PSEUDONYMISE output is valid for its format and never equals
 * its input; MASK never reveals more code points than configured, and at most half of a value no longer than the configured reveal; a
 * value invalid for its format is refused ({@link OnInvalid#FAIL}) or masked as generic text
 * ({@link OnInvalid#GENERIC}), never passed through. {@code null} stays {@code null} and the empty string
 * stays empty. Thread-safe.
 */
public final class Masker {
  private static final int MAX_ATTEMPTS = 64;
  private static final LocalDate BIRTH_FROM = LocalDate.of(1930, 1, 1);
  private static final int BIRTH_DAYS = (int) (LocalDate.of(2019, 12, 31).toEpochDay() - BIRTH_FROM.toEpochDay() + 1);
  private static final LocalDate DATE_FROM = LocalDate.of(2000, 1, 1);

  private final MaskingKey key;
  private static final java.util.List<String> PURPOSES = java.util.List.of("pseudonym", "hash", "date-shift");
  private final Map<String, Object> engines = new ConcurrentHashMap<>();
  private final Map<String, HmacSm3[]> macs = new ConcurrentHashMap<>();

  private Masker(MaskingKey key) {
    this.key = key;
  }

  /**
   * Creates a masker that can apply every strategy.
   *
   * @param key the masking key
   * @return the masker
   */
  public static Masker keyed(MaskingKey key) {
    if (key == null) {
      throw MaskError.KEY_REQUIRED.exception("Masker.keyed was given no key.");
    }
    return new Masker(key);
  }

  /**
   * Creates a masker without a key: MASK, GENERALISE, SUPPRESS and KEEP only; keyed strategies are refused
   * ({@code GDS-MASK-006}; HASH with {@code GDS-MASK-005}).
   *
   * @return the masker
   */
  public static Masker unkeyed() {
    return new Masker(null);
  }

  /**
   * Tells whether this masker holds a key.
   *
   * @return true if keyed strategies are available
   */
  public boolean hasKey() {
    return key != null;
  }

  /**
   * Masks a value.
   *
   * @param value the value, may be {@code null}
   * @param rule the rule
   * @return the masked value; {@code null} for {@code null} or SUPPRESS
   * @throws MaskingException {@code GDS-MASK-001} for an invalid value under {@link OnInvalid#FAIL},
   *     {@code GDS-MASK-005}/{@code 006} for a keyed strategy without key, {@code GDS-MASK-019} for
   *     DATE_SHIFT (use {@link #mask(String, FieldRule, String)})
   */
  public String mask(String value, FieldRule rule) {
    return mask(value, rule, null);
  }

  /**
   * Masks a value of a given subject; the subject binds DATE_SHIFT offsets.
   *
   * @param value the value, may be {@code null}
   * @param rule the rule
   * @param subject the data subject's identifier (for DATE_SHIFT), or {@code null}
   * @return the masked value; {@code null} for {@code null} or SUPPRESS
   * @throws MaskingException as {@link #mask(String, FieldRule)}
   */
  public String mask(String value, FieldRule rule, String subject) {
    return mask(value, rule, subject, null);
  }

  /** As {@link #mask(String, FieldRule, String)}; a pseudonym that {@code reject} accepts is re-derived. */
  String mask(String value, FieldRule rule, String subject, Predicate<String> reject) {
    Strategy s = rule.strategy();
    if (s == Strategy.KEEP) {
      return value;
    }
    if (s == Strategy.SUPPRESS) {
      return null;
    }
    if (s.keyed() && key == null) {
      throw (s == Strategy.HASH ? MaskError.UNKEYED_HASH_REFUSED : MaskError.KEY_REQUIRED)
          .exception(s + " of " + rule.format() + " needs a masking key; this masker has none.");
    }
    if (value == null || value.isEmpty()) {
      return value;
    }
    Format f = rule.format();
    if (f != Format.GENERIC && f != Format.FREE_TEXT && !valid(f, value)) {
      if (rule.onInvalid() == OnInvalid.FAIL) {
        throw MaskError.INVALID_VALUE.exception("a value of " + value.codePointCount(0, value.length())
            + " characters is not a valid " + f + " (" + s + ").");
      }
      f = Format.GENERIC;
    }
    String domain = domain(rule);
    switch (s) {
      case MASK:
        return partialMask(value, f, rule);
      case PSEUDONYMISE:
        return pseudonymise(value, f, rule, domain, reject);
      case TOKENISE:
        return f == Format.GENERIC && rule.format() != Format.GENERIC
            ? pseudonymise(value, Format.GENERIC, rule, domain, reject) : tokenise(value, f, rule, domain, true);
      case HASH:
        return hash(value, rule, domain);
      case GENERALISE:
        return f == Format.GENERIC ? "*" : generalise(value, f, rule);
      case DATE_SHIFT:
        return f == Format.GENERIC ? "*" : shift(value, rule, domain, subject);
      default:
        throw new IllegalStateException(s.name());
    }
  }

  /**
   * Reverses a TOKENISE output.
   *
   * @param token the token
   * @param rule the rule it was tokenised with (same domain)
   * @return the original value
   * @throws MaskingException {@code GDS-MASK-018} if the value cannot be a token of this rule,
   *     {@code GDS-MASK-004} if the rule is not TOKENISE
   */
  public String detokenise(String token, FieldRule rule) {
    if (rule.strategy() != Strategy.TOKENISE) {
      throw MaskError.UNSUPPORTED_STRATEGY.exception("detokenise needs a TOKENISE rule, not " + rule.strategy() + ".");
    }
    if (key == null) {
      throw MaskError.KEY_REQUIRED.exception("detokenise needs the masking key.");
    }
    if (token == null || token.isEmpty()) {
      return token;
    }
    if (!tokenShape(rule.format(), token)) {
      throw MaskError.NOT_A_TOKEN.exception("the value is not a " + rule.format() + " and so not a token of this rule.");
    }
    try {
      return tokenise(token, rule.format(), rule, domain(rule), false);
    } catch (CryptoException e) {
      throw MaskError.NOT_A_TOKEN.exception("the value is not a " + rule.format() + " token of this rule.", e);
    }
  }

  /**
   * Tells whether a value has a format, with the validators of {@link Validators}.
   *
   * @param format the format
   * @param value the value
   * @return true if valid; always true for FREE_TEXT and GENERIC
   */
  public static boolean valid(Format format, String value) {
    switch (format) {
      case NAME: return Validators.isChineseName(value);
      case RESIDENT_ID: return Validators.isResidentId(value);
      case MOBILE: return Validators.isMobile(value);
      case LANDLINE: return Validators.isLandline(value);
      case EMAIL: return Validators.isEmail(value);
      case ADDRESS: return Addresses.parse(value) != null;
      case BANK_CARD: return Validators.isBankCard(value);
      case CREDIT_CODE: return Validators.isCreditCode(value);
      case PASSPORT: return Validators.isPassport(value);
      case PERMIT: return Validators.isPermit(value);
      case VEHICLE_PLATE: return Validators.isVehiclePlate(value);
      case IP_ADDRESS: return Validators.isIpAddress(value);
      case BIRTH_DATE: case DATE: return Validators.isDate(value);
      case NUMBER: return isNumber(value);
      default: return value != null;
    }
  }

  /** Tokens keep the shape but not every rule of their format (an ID token has a valid check digit only). */
  private static boolean tokenShape(Format format, String token) {
    if (format == Format.RESIDENT_ID) {
      return (token.length() == 18 && Validators.allDigits(token, 0, 17)
          && token.charAt(17) == Validators.residentIdCheckChar(token))
          || (token.length() == 15 && Validators.allDigits(token, 0, 15));
    }
    return format == Format.GENERIC || format == Format.NUMBER || valid(format, token);
  }

  // ---------------------------------------------------------------------------------------------------
  // MASK
  // ---------------------------------------------------------------------------------------------------

  private static String partialMask(String value, Format f, FieldRule rule) {
    if (f == Format.EMAIL) {
      int at = value.lastIndexOf('@');
      return maskCodePoints(value.substring(0, at), rule.keepFirst(), rule.keepLast(), rule.maskChar())
          + value.substring(at);
    }
    if (f == Format.FREE_TEXT) {
      return FreeText.replace(value, (fmt, token) -> maskCodePoints(token, rule.keepFirst(), rule.keepLast(), rule.maskChar()));
    }
    return maskCodePoints(value, rule.keepFirst(), rule.keepLast(), rule.maskChar());
  }

  /**
   * Keeps at most {@code first} + {@code last} code points; a value not longer than that keeps at most half
   * of its code points (rounded down), so a short value is never revealed whole.
   */
  static String maskCodePoints(String value, int first, int last, int maskChar) {
    boolean bmp = true;
    for (int i = 0; i < value.length(); i++) {
      if (Character.isSurrogate(value.charAt(i))) {
        bmp = false;
        break;
      }
    }
    int n = bmp ? value.length() : value.codePointCount(0, value.length());
    int allowed = first + last < n ? first + last : n / 2;
    int keepFirst = Math.min(first, allowed);
    int keepLast = Math.min(last, allowed - keepFirst);
    if (bmp && maskChar < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      char[] out = value.toCharArray();
      for (int i = keepFirst; i < n - keepLast; i++) {
        out[i] = (char) maskChar;
      }
      return new String(out);
    }
    StringBuilder sb = new StringBuilder(value.length());
    int idx = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      sb.appendCodePoint(idx < keepFirst || idx >= n - keepLast ? cp : maskChar);
      idx++;
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------------
  // PSEUDONYMISE
  // ---------------------------------------------------------------------------------------------------

  private String pseudonymise(String value, Format f, FieldRule rule, String domain, Predicate<String> reject) {
    if (f == Format.FREE_TEXT) {
      return FreeText.replace(value, (fmt, token) -> pseudonymise(token, fmt, rule.toBuilder().format(fmt)
          .strategy(Strategy.PSEUDONYMISE).build(), domain + ":" + fmt, reject));
    }
    HmacSm3 mac = mac("pseudonym", domain);
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      String out = Pseudonyms.generate(f, value, rule, new Draw(mac, bytes, attempt));
      if (out != null && !out.equals(value) && (reject == null || !reject.test(out))) {
        return out;
      }
    }
    return "*".repeat(Math.max(1, value.codePointCount(0, value.length())));
  }

  // ---------------------------------------------------------------------------------------------------
  // TOKENISE
  // ---------------------------------------------------------------------------------------------------

  private String tokenise(String value, Format f, FieldRule rule, String domain, boolean encrypt) {
    byte[] tweak = domain.getBytes(StandardCharsets.UTF_8);
    switch (f) {
      case RESIDENT_ID: {
        int bodyEnd = value.length() == 18 ? 17 : 15;
        int from = rule.keepRegion() ? 6 : 0;
        String mid = ff1(domain, false, encrypt, value.substring(from, bodyEnd), tweak);
        String body = value.substring(0, from) + mid;
        return bodyEnd == 17 ? body + Validators.residentIdCheckChar(body) : body;
      }
      case MOBILE:
        return value.substring(0, 3) + ff1(domain, false, encrypt, value.substring(3), tweak);
      case BANK_CARD: {
        int from = rule.keepRegion() ? 6 : 1;
        String body = value.substring(0, from) + ff1(domain, false, encrypt, value.substring(from, value.length() - 1), tweak);
        return body + Validators.luhnCheckDigit(body);
      }
      case PASSPORT: {
        int from = Character.isDigit(value.charAt(1)) ? 1 : 2;
        return value.substring(0, from) + ff1(domain, false, encrypt, value.substring(from), tweak);
      }
      case NUMBER:
        if (value.length() < 6 || !Validators.allDigits(value, 0, value.length())) {
          return invalidToken(value, rule, domain, encrypt);
        }
        return ff1(domain, false, encrypt, value, tweak);
      default:
        if (value.length() < 4 || !value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
          return invalidToken(value, rule, domain, encrypt);
        }
        return ff1(domain, true, encrypt, value, tweak);
    }
  }

  private String invalidToken(String value, FieldRule rule, String domain, boolean encrypt) {
    if (!encrypt) {
      throw MaskError.NOT_A_TOKEN.exception("the value is too short or has characters outside 0-9A-Z.");
    }
    if (rule.onInvalid() == OnInvalid.FAIL) {
      throw MaskError.INVALID_VALUE.exception("TOKENISE needs at least 6 digits (NUMBER) or 4 characters of 0-9A-Z (GENERIC).");
    }
    return pseudonymise(value, Format.GENERIC, rule, domain, null);
  }

  private String ff1(String domain, boolean base36, boolean encrypt, String value, byte[] tweak) {
    Sm4Ff1 ff1 = (Sm4Ff1) engines.computeIfAbsent((base36 ? "ff1-36/" : "ff1-10/") + domain, k -> {
      SecretBytes sb = key.derive("govdatasec/mask/v1/tokenise/" + domain, 16);
      return base36 ? Sm4Ff1.base36(sb) : Sm4Ff1.decimal(sb);
    });
    return encrypt ? ff1.encrypt(value, tweak) : ff1.decrypt(value, tweak);
  }

  // ---------------------------------------------------------------------------------------------------
  // HASH, DATE_SHIFT
  // ---------------------------------------------------------------------------------------------------

  private String hash(String value, FieldRule rule, String domain) {
    byte[] tag = mac("hash", domain).computeMac(value.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(tag).substring(0, rule.hashHexLength());
  }

  private String shift(String value, FieldRule rule, String domain, String subject) {
    if (subject == null || subject.isEmpty()) {
      throw MaskError.SUBJECT_REQUIRED.exception("DATE_SHIFT of " + rule.format() + " was given no subject.");
    }
    LocalDate date = Validators.parseDate(value);
    Draw d = new Draw(mac("date-shift", domain), subject.getBytes(StandardCharsets.UTF_8), 0);
    int max = rule.maxShiftDays();
    int offset = d.nextInt(2 * max) - max;
    if (offset >= 0) {
      offset++;
    }
    return formatLike(value, date.plusDays(offset));
  }

  // ---------------------------------------------------------------------------------------------------
  // GENERALISE
  // ---------------------------------------------------------------------------------------------------

  private static String generalise(String value, Format f, FieldRule rule) {
    Generalisation g = rule.effectiveGeneralisation();
    switch (f) {
      case BIRTH_DATE: case DATE: {
        LocalDate date = Validators.parseDate(value);
        if (g == Generalisation.YEAR) {
          return Integer.toString(date.getYear());
        }
        if (g == Generalisation.DECADE) {
          int from = date.getYear() / 10 * 10;
          return from + "-" + (from + 9);
        }
        int age = Math.max(0, Period.between(date, rule.asOf()).getYears());
        int from = age / rule.ageBandWidth() * rule.ageBandWidth();
        return rule.ageBandWidth() == 1 ? Integer.toString(from) : from + "-" + (from + rule.ageBandWidth() - 1);
      }
      case ADDRESS:
        return Addresses.parse(value).upTo(g);
      case RESIDENT_ID:
        return g == Generalisation.PROVINCE ? value.substring(0, 2) + "0000"
            : g == Generalisation.CITY ? value.substring(0, 4) + "00" : value.substring(0, 6);
      case NUMBER: {
        BigDecimal v = new BigDecimal(value);
        BigDecimal b = BigDecimal.valueOf(rule.bucket());
        BigDecimal lower = v.divide(b, 0, RoundingMode.FLOOR).multiply(b);
        return "[" + lower.toPlainString() + "," + lower.add(b).toPlainString() + ")";
      }
      case IP_ADDRESS:
        if (Validators.isIpv4(value)) {
          return value.substring(0, value.lastIndexOf('.')) + ".0/24";
        }
        int[] groups = Pseudonyms.ipv6Groups(value);
        return Integer.toHexString(groups[0]) + ":" + Integer.toHexString(groups[1]) + ":"
            + Integer.toHexString(groups[2]) + "::/48";
      case MOBILE:
        return value.substring(0, 3) + "********";
      default:
        throw new IllegalStateException(f.name());
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------------

  private HmacSm3 mac(String purpose, String domain) {
    HmacSm3[] slots = macs.computeIfAbsent(domain, d -> new HmacSm3[PURPOSES.size()]);
    int idx = PURPOSES.indexOf(purpose);
    HmacSm3 m = slots[idx];
    if (m == null) {
      m = HmacSm3.create(key.derive("govdatasec/mask/v1/" + purpose + "/" + domain, 32));
      slots[idx] = m;
    }
    return m;
  }

  private static String domain(FieldRule rule) {
    return rule.domain() != null ? rule.domain() : "format:" + rule.format().name().toLowerCase(Locale.ROOT);
  }

  static String formatLike(String original, LocalDate date) {
    char[] c = new char[original.length() == 8 ? 8 : 10];
    int y = date.getYear();
    c[0] = (char) ('0' + y / 1000);
    c[1] = (char) ('0' + y / 100 % 10);
    c[2] = (char) ('0' + y / 10 % 10);
    c[3] = (char) ('0' + y % 10);
    int p = 4;
    if (c.length == 10) {
      c[p++] = original.charAt(4);
    }
    c[p++] = (char) ('0' + date.getMonthValue() / 10);
    c[p++] = (char) ('0' + date.getMonthValue() % 10);
    if (c.length == 10) {
      c[p++] = original.charAt(4);
    }
    c[p++] = (char) ('0' + date.getDayOfMonth() / 10);
    c[p] = (char) ('0' + date.getDayOfMonth() % 10);
    return new String(c);
  }

  static LocalDate birthDate(Draw d, int keepYear) {
    if (keepYear > 0) {
      LocalDate start = LocalDate.of(keepYear, 1, 1);
      return start.plusDays(d.nextInt(start.lengthOfYear()));
    }
    return BIRTH_FROM.plusDays(d.nextInt(BIRTH_DAYS));
  }

  static LocalDate otherDate(Draw d) {
    return DATE_FROM.plusDays(d.nextInt(365 * 30));
  }

  private static boolean isNumber(String value) {
    int i = value.startsWith("-") ? 1 : 0;
    int digits = 0;
    int dots = 0;
    for (; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c >= '0' && c <= '9') {
        digits++;
      } else {
        return false;
      }
    }
    return digits > 0 && dots <= 1 && !value.endsWith(".");
  }
}
