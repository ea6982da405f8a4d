package org.govdatasec.masking;

import java.util.Locale;
import org.govdatasec.core.classification.PiCategory;

/**
 * The value formats sdk-masking validates and preserves. Most come from a {@link PiCategory}
 * ({@link #of(PiCategory)}); {@link #FREE_TEXT}, {@link #NUMBER}, {@link #DATE} and {@link #GENERIC} are
 * masking's own (PI-5).
 */
public enum Format {
  /** A Chinese name (姓名), code-point safe, compound surnames and rare characters included. */
  NAME,
  /** An 18-digit (GB 11643) or legacy 15-digit resident ID number. */
  RESIDENT_ID,
  /** A mainland mobile number (11 digits, operator prefix 13x-19x). */
  MOBILE,
  /** A landline with area code ({@code 0771-5512345}). */
  LANDLINE,
  /** An e-mail address. */
  EMAIL,
  /** A postal address. */
  ADDRESS,
  /** A bank card number (13 to 19 digits, Luhn). */
  BANK_CARD,
  /** A unified social credit code (GB 32100). */
  CREDIT_CODE,
  /** A Chinese passport number. */
  PASSPORT,
  /** A travel or residence permit number (港澳通行证, 回乡证, 台胞证, 居住证). */
  PERMIT,
  /** A motor vehicle plate (GA 36). */
  VEHICLE_PLATE,
  /** An IPv4 or IPv6 address. */
  IP_ADDRESS,
  /** A birth date ({@code yyyy-MM-dd}, {@code yyyy/MM/dd} or {@code yyyyMMdd}). */
  BIRTH_DATE,
  /** Another date, same forms as {@link #BIRTH_DATE}. */
  DATE,
  /** A decimal number. */
  NUMBER,
  /** Free text in which ID numbers, mobiles, e-mails, bank cards, credit codes and IPs are found and masked. */
  FREE_TEXT,
  /** Any text, masked without a format. */
  GENERIC;

  /**
   * Returns the format of a personal-information category.
   *
   * @param category the category
   * @return its format; {@link #GENERIC} for attributes without a format
   */
  public static Format of(PiCategory category) {
    switch (category) {
      case NAME: return NAME;
      case RESIDENT_ID: case SOCIAL_SECURITY: return RESIDENT_ID;
      case MOBILE: return MOBILE;
      case LANDLINE: return LANDLINE;
      case EMAIL: return EMAIL;
      case ADDRESS: return ADDRESS;
      case BANK_CARD: return BANK_CARD;
      case ORG_CREDIT_CODE: return CREDIT_CODE;
      case PASSPORT: return PASSPORT;
      case PERMIT: return PERMIT;
      case VEHICLE_PLATE: return VEHICLE_PLATE;
      case IP_ADDRESS: return IP_ADDRESS;
      case BIRTH_DATE: return BIRTH_DATE;
      case PROPERTY: return NUMBER;
      case COMMUNICATION: case CRIMINAL_RECORD: case HEALTH: case OTHER: return FREE_TEXT;
      default: return GENERIC;
    }
  }

  /**
   * Reads a format or category name as written in a mask spec: a format name, or a {@link PiCategory} name.
   *
   * @param name the name, case-insensitive, dashes allowed for underscores
   * @return the format
   * @throws MaskingException {@code GDS-MASK-002} for an unknown name
   */
  public static Format parse(String name) {
    String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Format f : values()) {
      if (f.name().equals(n)) {
        return f;
      }
    }
    for (PiCategory c : PiCategory.values()) {
      if (c.name().equals(n)) {
        return of(c);
      }
    }
    throw MaskError.UNKNOWN_CATEGORY.exception("'" + name + "' is neither a masking format nor a PiCategory.");
  }

  /**
   * Tells whether a strategy applies to values of this format.
   *
   * @param strategy the strategy
   * @return true if {@link Masker} can apply it
   */
  public boolean supports(Strategy strategy) {
    switch (strategy) {
      case TOKENISE:
        return this == RESIDENT_ID || this == MOBILE || this == BANK_CARD || this == PASSPORT || this == NUMBER
            || this == GENERIC;
      case GENERALISE:
        return this == BIRTH_DATE || this == DATE || this == ADDRESS || this == NUMBER || this == IP_ADDRESS
            || this == RESIDENT_ID || this == MOBILE;
      case DATE_SHIFT:
        return this == BIRTH_DATE || this == DATE;
      default:
        return true;
    }
  }
}
