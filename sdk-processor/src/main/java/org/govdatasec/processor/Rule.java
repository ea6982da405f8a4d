package org.govdatasec.processor;

import java.util.Locale;

/**
 * A compile-time rule of the govdatasec processor, with its stable id (for {@code @SuppressWarnings}) and
 * its error code.
 *
 * <p>Each rule's severity can be changed with {@code -Agovdatasec.severity.<RULE>=error|warning|off}, and
 * {@code @SuppressWarnings("govdatasec:<RULE>")} silences one rule on one element (and the elements it
 * encloses); say why next to it.
 */
public enum Rule {
  /** On a stored type, a field that must be encrypted at rest is not declared protected (ST-2, ST-3, PI-5). */
  UNPROTECTED_AT_REST(ProcessorError.UNPROTECTED_AT_REST, Severity.ERROR),
  /** A {@code toString} prints sensitive personal information (PI-5). */
  SENSITIVE_TO_STRING(ProcessorError.SENSITIVE_TO_STRING, Severity.ERROR),
  /** A type holds personal information but has no {@code @DataSubjectId} field (PI-2, DS-2). */
  MISSING_SUBJECT_ID(ProcessorError.MISSING_SUBJECT_ID, Severity.ERROR),
  /** Conflicting or impossible annotations: the {@code GDS-CLS} rules of sdk-core (CLS-1). */
  INVALID_CLASSIFICATION(ProcessorError.INVALID_CLASSIFICATION, Severity.ERROR),
  /** A field left unclassified next to classified ones (CLS-1). */
  UNCLASSIFIED_FIELD(ProcessorError.UNCLASSIFIED_FIELD, Severity.WARNING);

  /** What a rule's finding does to the compilation. */
  public enum Severity {
    /** The compilation fails. */
    ERROR,
    /** A compiler warning (which fails the build under {@code -Werror}). */
    WARNING,
    /** Not checked. */
    OFF;

    /**
     * Reads {@code error}, {@code warning} or {@code off}, in any case.
     *
     * @param text the text
     * @return the severity
     * @throws IllegalArgumentException if the text is none of those
     */
    public static Severity parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
  }

  private final ProcessorError error;
  private final Severity defaultSeverity;

  Rule(ProcessorError error, Severity defaultSeverity) {
    this.error = error;
    this.defaultSeverity = defaultSeverity;
  }

  /**
   * Returns the rule id, {@code govdatasec:<NAME>}, as written in {@code @SuppressWarnings}.
   *
   * @return the id
   */
  public String id() {
    return "govdatasec:" + name();
  }

  /**
   * Returns the error code the rule reports.
   *
   * @return the code
   */
  public ProcessorError error() {
    return error;
  }

  /**
   * Returns the severity when no option changes it.
   *
   * @return the default severity
   */
  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /**
   * Returns the processor option that sets the rule's severity, {@code govdatasec.severity.<NAME>}.
   *
   * @return the option key (without {@code -A})
   */
  public String option() {
    return "govdatasec.severity." + name();
  }
}
