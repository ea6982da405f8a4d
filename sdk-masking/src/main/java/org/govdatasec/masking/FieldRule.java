package org.govdatasec.masking;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How one field is masked: its format, strategy and the strategy's options (PI-5, USE-5). Immutable;
 * build with {@link #builder(Format, Strategy)}, which validates eagerly.
 *
 * @param format the value's format
 * @param strategy the strategy
 * @param onInvalid what to do with a value that does not have the format
 * @param keepFirst MASK: code points kept at the start
 * @param keepLast MASK: code points kept at the end
 * @param maskChar MASK: the mask character (a code point)
 * @param domain keyed strategies: the pseudonym domain; fields with the same domain (and key) join, others
 *     are unrelated. {@code null} lets the caller choose (the pipeline uses {@code file.column})
 * @param keepRegion PSEUDONYMISE/TOKENISE of ID numbers: keep the 6-digit region code; plates: keep the
 *     province and city letters; bank cards: keep the 6-digit issuer number
 * @param keepProvince PSEUDONYMISE of ID numbers: keep the province (first 2 digits)
 * @param keepBirthYear PSEUDONYMISE of ID numbers and birth dates: keep the year of birth
 * @param keepGender PSEUDONYMISE of ID numbers: keep the parity of the 17th digit (gender)
 * @param keepDomain PSEUDONYMISE of e-mail addresses: keep the domain after {@code @}
 * @param generalisation GENERALISE: how far; {@code null} means the format's default
 * @param bucket GENERALISE of numbers: the bucket width
 * @param ageBandWidth GENERALISE to age bands: the band width in years
 * @param asOf GENERALISE to age bands: the reference date ages are computed at
 * @param maxShiftDays DATE_SHIFT: the largest shift in days, either way
 * @param subjectColumn DATE_SHIFT in the pipeline: the column naming the subject the offset is bound to
 * @param hashHexLength HASH: hex characters kept of the 64 of HMAC-SM3 (16 to 64)
 */
public record FieldRule(
    Format format,
    Strategy strategy,
    OnInvalid onInvalid,
    int keepFirst,
    int keepLast,
    int maskChar,
    String domain,
    boolean keepRegion,
    boolean keepProvince,
    boolean keepBirthYear,
    boolean keepGender,
    boolean keepDomain,
    Generalisation generalisation,
    long bucket,
    int ageBandWidth,
    LocalDate asOf,
    int maxShiftDays,
    String subjectColumn,
    int hashHexLength) {

  /** The largest keep-first or keep-last. */
  public static final int MAX_KEEP = 32;

  /**
   * Validates the rule.
   *
   * @param format see the record component
   * @param strategy see the record component
   * @param onInvalid see the record component
   * @param keepFirst see the record component
   * @param keepLast see the record component
   * @param maskChar see the record component
   * @param domain see the record component
   * @param keepRegion see the record component
   * @param keepProvince see the record component
   * @param keepBirthYear see the record component
   * @param keepGender see the record component
   * @param keepDomain see the record component
   * @param generalisation see the record component
   * @param bucket see the record component
   * @param ageBandWidth see the record component
   * @param asOf see the record component
   * @param maxShiftDays see the record component
   * @param subjectColumn see the record component
   * @param hashHexLength see the record component
   * @throws MaskingException {@code GDS-MASK-004} for a strategy the format does not support,
   *     {@code GDS-MASK-009} for an option out of range
   */
  public FieldRule {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(onInvalid, "onInvalid");
    if (!format.supports(strategy)) {
      throw MaskError.UNSUPPORTED_STRATEGY.exception(strategy + " does not apply to format " + format + ".");
    }
    if (keepFirst < 0 || keepFirst > MAX_KEEP || keepLast < 0 || keepLast > MAX_KEEP) {
      throw MaskError.BAD_OPTION.exception("keep-first " + keepFirst + " / keep-last " + keepLast
          + " is outside 0.." + MAX_KEEP + ".");
    }
    if (!Character.isValidCodePoint(maskChar) || Character.isLetterOrDigit(maskChar)
        || Character.isWhitespace(maskChar) || maskChar == ',' || maskChar == '"') {
      throw MaskError.BAD_OPTION.exception("mask character U+" + Integer.toHexString(maskChar).toUpperCase(java.util.Locale.ROOT)
          + " is a letter, digit, space, comma or quote; use a symbol such as * or #.");
    }
    if (bucket <= 0) {
      throw MaskError.BAD_OPTION.exception("bucket " + bucket + " is not positive.");
    }
    if (ageBandWidth < 1 || ageBandWidth > 100) {
      throw MaskError.BAD_OPTION.exception("age band width " + ageBandWidth + " is outside 1..100.");
    }
    if (maxShiftDays < 1 || maxShiftDays > 3650) {
      throw MaskError.BAD_OPTION.exception("max-days " + maxShiftDays + " is outside 1..3650.");
    }
    if (hashHexLength < 16 || hashHexLength > 64) {
      throw MaskError.BAD_OPTION.exception("hash length " + hashHexLength + " is outside 16..64 hex characters.");
    }
    if (generalisation != null && strategy == Strategy.GENERALISE && !Generalisations.applies(format, generalisation)) {
      throw MaskError.BAD_OPTION.exception("generalisation " + generalisation + " does not apply to format " + format + ".");
    }
    Objects.requireNonNull(asOf, "asOf");
  }

  /**
   * Returns the generalisation in force: the configured one or the format's default.
   *
   * @return the generalisation
   */
  public Generalisation effectiveGeneralisation() {
    return generalisation != null ? generalisation : Generalisations.defaultFor(format);
  }

  /**
   * Returns a copy with another domain.
   *
   * @param newDomain the domain
   * @return the copy
   */
  public FieldRule withDomain(String newDomain) {
    return toBuilder().domain(newDomain).build();
  }

  /**
   * Returns a builder holding this rule's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(format, strategy);
    b.onInvalid = onInvalid;
    b.keepFirst = keepFirst;
    b.keepLast = keepLast;
    b.maskChar = maskChar;
    b.domain = domain;
    b.keepRegion = keepRegion;
    b.keepProvince = keepProvince;
    b.keepBirthYear = keepBirthYear;
    b.keepGender = keepGender;
    b.keepDomain = keepDomain;
    b.generalisation = generalisation;
    b.bucket = bucket;
    b.ageBandWidth = ageBandWidth;
    b.asOf = asOf;
    b.maxShiftDays = maxShiftDays;
    b.subjectColumn = subjectColumn;
    b.hashHexLength = hashHexLength;
    return b;
  }

  /**
   * Starts a rule.
   *
   * @param format the format
   * @param strategy the strategy
   * @return a builder with the defaults of docs/masking.md
   */
  public static Builder builder(Format format, Strategy strategy) {
    return new Builder(format, strategy);
  }

  /** Builds a {@link FieldRule}; {@link #build()} validates. */
  public static final class Builder {
    private Format format;
    private Strategy strategy;
    private OnInvalid onInvalid = OnInvalid.FAIL;
    private int keepFirst;
    private int keepLast;
    private int maskChar = '*';
    private String domain;
    private boolean keepRegion;
    private boolean keepProvince;
    private boolean keepBirthYear;
    private boolean keepGender;
    private boolean keepDomain;
    private Generalisation generalisation;
    private long bucket = 1000;
    private int ageBandWidth = 10;
    private LocalDate asOf = LocalDate.of(2025, 1, 1);
    private int maxShiftDays = 30;
    private String subjectColumn;
    private int hashHexLength = 64;

    private Builder(Format format, Strategy strategy) {
      this.format = format;
      this.strategy = strategy;
    }

    /**
     * Sets the format.
     *
     * @param value the format
     * @return this builder
     */
    public Builder format(Format value) {
      this.format = value;
      return this;
    }

    /**
     * Sets the strategy.
     *
     * @param value the strategy
     * @return this builder
     */
    public Builder strategy(Strategy value) {
      this.strategy = value;
      return this;
    }

    /**
     * Sets what happens to an invalid value (default {@link OnInvalid#FAIL}).
     *
     * @param value the behaviour
     * @return this builder
     */
    public Builder onInvalid(OnInvalid value) {
      this.onInvalid = value;
      return this;
    }

    /**
     * MASK: keeps the first {@code first} and last {@code last} code points (default 0 and 0).
     *
     * @param first code points kept at the start, 0 to 32
     * @param last code points kept at the end, 0 to 32
     * @return this builder
     */
    public Builder keep(int first, int last) {
      this.keepFirst = first;
      this.keepLast = last;
      return this;
    }

    /**
     * MASK: sets the mask character (default {@code *}).
     *
     * @param codePoint a symbol code point
     * @return this builder
     */
    public Builder maskChar(int codePoint) {
      this.maskChar = codePoint;
      return this;
    }

    /**
     * Sets the pseudonym domain: fields with the same domain and key give the same output for the same value.
     *
     * @param value the domain, e.g. {@code citizen-id}
     * @return this builder
     */
    public Builder domain(String value) {
      this.domain = value;
      return this;
    }

    /**
     * Keeps the region (ID numbers: 6-digit code; plates: province and city; bank cards: issuer number).
     *
     * @param value true to keep
     * @return this builder
     */
    public Builder keepRegion(boolean value) {
      this.keepRegion = value;
      return this;
    }

    /**
     * ID numbers: keeps the province (first 2 digits), drawing a real county of that province.
     *
     * @param value true to keep
     * @return this builder
     */
    public Builder keepProvince(boolean value) {
      this.keepProvince = value;
      return this;
    }

    /**
     * ID numbers and birth dates: keeps the year of birth.
     *
     * @param value true to keep
     * @return this builder
     */
    public Builder keepBirthYear(boolean value) {
      this.keepBirthYear = value;
      return this;
    }

    /**
     * ID numbers: keeps the gender digit's parity.
     *
     * @param value true to keep
     * @return this builder
     */
    public Builder keepGender(boolean value) {
      this.keepGender = value;
      return this;
    }

    /**
     * E-mail: keeps the domain after {@code @}.
     *
     * @param value true to keep
     * @return this builder
     */
    public Builder keepDomain(boolean value) {
      this.keepDomain = value;
      return this;
    }

    /**
     * GENERALISE: sets how far.
     *
     * @param value the generalisation, or {@code null} for the format's default
     * @return this builder
     */
    public Builder generalisation(Generalisation value) {
      this.generalisation = value;
      return this;
    }

    /**
     * GENERALISE of numbers: the bucket width (default 1000).
     *
     * @param value a positive width
     * @return this builder
     */
    public Builder bucket(long value) {
      this.bucket = value;
      return this;
    }

    /**
     * GENERALISE to age bands: band width (default 10) and the reference date (default 2025-01-01, fixed
     * so that runs are reproducible).
     *
     * @param width years per band, 1 to 100
     * @param referenceDate the date ages are computed at
     * @return this builder
     */
    public Builder ageBand(int width, LocalDate referenceDate) {
      this.ageBandWidth = width;
      this.asOf = referenceDate;
      return this;
    }

    /**
     * DATE_SHIFT: the largest shift either way (default 30 days); the subject column in the pipeline.
     *
     * @param days 1 to 3650
     * @param subject the column naming the subject, or {@code null} when the caller passes the subject
     * @return this builder
     */
    public Builder dateShift(int days, String subject) {
      this.maxShiftDays = days;
      this.subjectColumn = subject;
      return this;
    }

    /**
     * HASH: hex characters kept (default 64).
     *
     * @param value 16 to 64
     * @return this builder
     */
    public Builder hashHexLength(int value) {
      this.hashHexLength = value;
      return this;
    }

    /**
     * Builds and validates the rule.
     *
     * @return the rule
     * @throws MaskingException {@code GDS-MASK-004} or {@code GDS-MASK-009}
     */
    public FieldRule build() {
      return new FieldRule(format, strategy, onInvalid, keepFirst, keepLast, maskChar, domain, keepRegion,
          keepProvince, keepBirthYear, keepGender, keepDomain, generalisation, bucket, ageBandWidth, asOf,
          maxShiftDays, subjectColumn, hashHexLength);
    }
  }
}
