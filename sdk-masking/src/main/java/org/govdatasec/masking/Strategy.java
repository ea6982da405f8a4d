package org.govdatasec.masking;

/**
 * How a field is masked (PI-5, USE-5). The formats each strategy applies to are listed in
 * {@code docs/masking.md}.
 */
public enum Strategy {
  /** Keep the first N and last M characters (code points), replace the rest with a mask character. */
  MASK(false),
  /** Keyed (HMAC-SM3), deterministic, format-valid replacement that never equals its input. */
  PSEUDONYMISE(true),
  /** Reversible with the key (FF1-SM4), format-preserving. */
  TOKENISE(true),
  /** HMAC-SM3 in hex; an unkeyed hash is refused ({@code GDS-MASK-005}). */
  HASH(true),
  /** Coarsen: birth date to year, decade or age band; address to district, city or province; numbers to buckets. */
  GENERALISE(false),
  /** Shift a date by a keyed offset that is the same for every date of one subject. */
  DATE_SHIFT(true),
  /** Remove the value: empty (CSV) or null (JSON). */
  SUPPRESS(false),
  /** Leave the value as it is: only for columns that hold no personal information, or quasi-identifiers kept for analysis. */
  KEEP(false);

  private final boolean keyed;

  Strategy(boolean keyed) {
    this.keyed = keyed;
  }

  /**
   * Tells whether the strategy needs a masking key.
   *
   * @return true for PSEUDONYMISE, TOKENISE, HASH and DATE_SHIFT
   */
  public boolean keyed() {
    return keyed;
  }
}
