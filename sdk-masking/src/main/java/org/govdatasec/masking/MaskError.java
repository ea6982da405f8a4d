package org.govdatasec.masking;

import org.govdatasec.core.ErrorCode;
import org.govdatasec.core.Requirement;

/**
 * The {@code GDS-MASK} error codes: refused values, rules, keys, specs and fixture runs of sdk-masking
 * (PI-5, USE-5).
 *
 * <p>Messages name the file, line, column and rule concerned, never the value being masked.
 */
public enum MaskError implements ErrorCode {
  /** A value does not have the format of its category, and the rule says to fail on invalid values. */
  INVALID_VALUE("GDS-MASK-001",
      "Correct the source value, or set on-invalid: generic so invalid values are masked as generic text (never passed through).",
      Requirement.PI_5),
  /** A category or format name that sdk-masking does not know. */
  UNKNOWN_CATEGORY("GDS-MASK-002",
      "Use a PiCategory name (RESIDENT_ID, MOBILE, NAME, ...) or a format of docs/masking.md (FREE_TEXT, NUMBER, GENERIC).",
      Requirement.PI_5),
  /** A strategy name that sdk-masking does not know. */
  UNKNOWN_STRATEGY("GDS-MASK-003",
      "Use one of MASK, PSEUDONYMISE, TOKENISE, HASH, GENERALISE, DATE_SHIFT, SUPPRESS, KEEP.",
      Requirement.PI_5),
  /** A strategy that cannot apply to the field's format. */
  UNSUPPORTED_STRATEGY("GDS-MASK-004",
      "Pick a strategy that docs/masking.md lists for this format (e.g. TOKENISE needs digits; GENERALISE needs a date, address, number, IP or ID).",
      Requirement.PI_5),
  /** An unkeyed hash of an identifier was asked for. */
  UNKEYED_HASH_REFUSED("GDS-MASK-005",
      "Use HASH with a masking key (HMAC-SM3): ID numbers and mobiles are enumerable, so an unkeyed hash is reversible by brute force.",
      Requirement.PI_5, Requirement.ST_3),
  /** A keyed strategy without a masking key. */
  KEY_REQUIRED("GDS-MASK-006",
      "Give the masker a MaskingKey (--key FILE or the GOVDATASEC_MASKING_KEY environment variable for the CLI).",
      Requirement.PI_5, Requirement.ST_3),
  /** A masking key of the wrong size or encoding. */
  BAD_KEY("GDS-MASK-007",
      "Give exactly 32 random bytes, written as 64 hex digits or base64 (e.g. openssl rand -hex 32 > mask.key).",
      Requirement.ST_3),
  /** A key file that others may read or write. */
  UNSAFE_KEY_FILE("GDS-MASK-008",
      "Make the key file readable by its owner only: chmod 600 mask.key.",
      Requirement.ST_3),
  /** A rule option out of range. */
  BAD_OPTION("GDS-MASK-009",
      "Give the option a value in the range docs/masking.md documents (keep-first/keep-last 0..32, bucket > 0, max-days 1..3650).",
      Requirement.PI_5),
  /** A mask spec that cannot be read or does not have the documented structure. */
  SPEC_INVALID("GDS-MASK-010",
      "Fix the mask spec at the line and column given; see the spec format in docs/masking.md.",
      Requirement.USE_5),
  /** An input file named by the spec, or the input folder, does not exist. */
  INPUT_MISSING("GDS-MASK-011",
      "Put the file in the input folder, or remove it from the spec.",
      Requirement.USE_5),
  /** A column of an input file that the spec does not list. */
  UNLISTED_COLUMN("GDS-MASK-012",
      "List every column in the spec: a category or strategy for personal data, strategy: KEEP for columns that are not personal.",
      Requirement.USE_5, Requirement.PI_5),
  /** A malformed CSV file: unbalanced quotes, ragged rows, a missing header. */
  MALFORMED_CSV("GDS-MASK-013",
      "Fix the CSV at the line and column given (RFC 4180: quote fields holding commas, quotes or line breaks; double inner quotes; same number of fields on every row).",
      Requirement.USE_5),
  /** A malformed JSON Lines file. */
  MALFORMED_JSON("GDS-MASK-014",
      "Fix the JSON Lines file at the line given: one JSON object per line, values strings, numbers, booleans or null.",
      Requirement.USE_5),
  /** The leak scan found a source value of a masked column in the output. */
  LEAK_FOUND("GDS-MASK-015",
      "Mask the column(s) the report names (a KEEP or free-text column carries a masked value); no output was written.",
      Requirement.USE_5, Requirement.PI_5),
  /** The masked output is less anonymous than the spec's minimum k. */
  K_BELOW_MINIMUM("GDS-MASK-016",
      "Generalise the quasi-identifiers further (birth date to year or decade, address to city) or lower min-k with approval; see the report.",
      Requirement.USE_5, Requirement.PI_5),
  /** Reading or writing a file failed. */
  IO_FAILURE("GDS-MASK-017",
      "Check that the paths exist, are readable and writable, and that the disk has space; no partial output was left.",
      Requirement.USE_5),
  /** A value that is not a token of this key and domain. */
  NOT_A_TOKEN("GDS-MASK-018",
      "Detokenise only values produced by TOKENISE with the same key and domain (join name or file.column).",
      Requirement.PI_5),
  /** DATE_SHIFT without a subject to bind the offset to. */
  SUBJECT_REQUIRED("GDS-MASK-019",
      "Give DATE_SHIFT a subject-column (the column identifying the person) with a value on every row.",
      Requirement.PI_5),
  /** A masked fixture was asked for in a way the JUnit extension cannot serve. */
  BAD_FIXTURE("GDS-MASK-020",
      "Put @MaskedFixture on a parameter or field of type List<Map<String, String>> and name resources that exist on the test class path.",
      Requirement.USE_5);

  private final Spec spec;

  MaskError(String code, String fix, Requirement... requirements) {
    this.spec = Spec.of(code, fix, requirements);
  }

  @Override
  public Spec spec() {
    return spec;
  }

  /**
   * Creates an exception of this kind.
   *
   * @param refused what was refused, naming the rule, file or column, never the protected value
   * @return the exception
   */
  public MaskingException exception(String refused) {
    return new MaskingException(this, refused, null, null);
  }

  /**
   * Creates an exception of this kind at a place in a file.
   *
   * @param refused what was refused
   * @param location where, e.g. {@code citizens.csv:12:3}
   * @return the exception
   */
  public MaskingException at(String refused, String location) {
    return new MaskingException(this, refused, location, null);
  }

  /**
   * Creates an exception of this kind with a cause.
   *
   * @param refused what was refused
   * @param cause the cause
   * @return the exception
   */
  public MaskingException exception(String refused, Throwable cause) {
    return new MaskingException(this, refused, null, cause);
  }
}
