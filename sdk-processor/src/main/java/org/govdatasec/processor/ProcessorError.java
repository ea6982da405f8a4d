package org.govdatasec.processor;

import org.govdatasec.core.ErrorCode;
import org.govdatasec.core.Requirement;

/**
 * The {@code GDS-PROC} error codes of the annotation processor: one per {@link Rule}, an internal failure
 * and an unreadable option. Listed with their fixes in {@code docs/errors.md}.
 */
public enum ProcessorError implements ErrorCode {
  /** The processor itself failed; the compilation is not known to satisfy the rules. */
  INTERNAL_ERROR("GDS-PROC-000",
      "Report the message and stack frame to the govdatasec maintainers; meanwhile the rules were not checked"
          + " for this compilation.",
      Requirement.CLS_5),
  /** A field that must be encrypted at rest is stored unprotected. */
  UNPROTECTED_AT_REST("GDS-PROC-001",
      "Annotate the field @Convert(converter = EncryptedStringConverter.class) (org.govdatasec.crypto.jpa, from"
          + " sdk-crypto), or declare it as org.govdatasec.crypto.field.EncryptedValue; mark it @Transient if"
          + " it is not stored.",
      Requirement.ST_2, Requirement.ST_3, Requirement.PI_5),
  /** A {@code toString} prints sensitive personal information. */
  SENSITIVE_TO_STRING("GDS-PROC-002",
      "Override toString() to return Redaction.toString(this) (org.govdatasec.core.classification), or leave"
          + " the sensitive fields out of it.",
      Requirement.PI_5),
  /** A type holds personal information but no field identifies the data subject. */
  MISSING_SUBJECT_ID("GDS-PROC-003",
      "Annotate the field that identifies the person the record is about (a citizen number, a resident ID"
          + " number) with @DataSubjectId.",
      Requirement.PI_2, Requirement.DS_2),
  /** Invalid or contradictory classification annotations (a {@code GDS-CLS} rule of sdk-core). */
  INVALID_CLASSIFICATION("GDS-PROC-004",
      "Apply the fix of the GDS-CLS code in the message (docs/errors.md lists them all).",
      Requirement.CLS_1),
  /** A field left unclassified in a type whose other fields are classified. */
  UNCLASSIFIED_FIELD("GDS-PROC-005",
      "Classify the field (@Classified, @PersonalInfo or @DataSubjectId), or suppress the warning with"
          + " @SuppressWarnings(\"govdatasec:UNCLASSIFIED_FIELD\") and a comment saying why it holds no such data.",
      Requirement.CLS_1),
  /** A processor option ({@code -Agovdatasec...}) has a value the processor cannot read. */
  BAD_OPTION("GDS-PROC-006",
      "Write -Agovdatasec.severity.<RULE>=error|warning|off, -Agovdatasec.catalog=true|false or"
          + " -Agovdatasec.internalError=error|warning.",
      Requirement.CLS_5);

  private final Spec spec;

  ProcessorError(String code, String fix, Requirement... requirements) {
    this.spec = Spec.of(code, fix, requirements);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
