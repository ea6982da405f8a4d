package org.govdatasec.masking;

/**
 * What happens to a value that does not have its field's format (an ID number with a wrong check digit,
 * full-width digits, a ragged value). Never a pass-through (PI-5).
 */
public enum OnInvalid {
  /** Refuse with {@code GDS-MASK-001}, naming file, line and column. */
  FAIL,
  /** Mask it as generic text with the same strategy (a keyed token, a partial mask, a suppression). */
  GENERIC
}
