package org.govdatasec.core.classification;

import java.util.List;
import org.govdatasec.core.ErrorCode;
import org.govdatasec.core.Requirement;

/**
 * The {@code GDS-CLS} error codes: invalid or conflicting classification annotations and values.
 *
 * <p>The annotation processor reports the same codes at compile time.
 */
public enum ClassificationError implements ErrorCode {
  /** A grade was given for important or core data. */
  GRADE_OUTSIDE_GENERAL("GDS-CLS-001", "Remove the grade, or classify the field as GENERAL with grade 1 to 4.",
      Requirement.CLS_1),
  /** GENERAL data without a grade from 1 to 4. */
  GRADE_OUT_OF_RANGE("GDS-CLS-002", "Give GENERAL data a grade from 1 (public) to 4, e.g. @Classified(value = GENERAL, grade = 3).",
      Requirement.CLS_1),
  /** Two identifier categories (two formats) on one field. */
  CONFLICTING_IDENTIFIERS("GDS-CLS-003",
      "Keep one identifier category per field (a value has one format); split the field or keep the right one.",
      Requirement.CLS_1),
  /** An organisation's credit code declared together with personal categories. */
  ORGANISATION_AND_PERSON("GDS-CLS-004",
      "ORG_CREDIT_CODE identifies an organisation; put personal categories on a separate field.",
      Requirement.CLS_1),
  /** An empty or repeated category list. */
  BAD_CATEGORY_LIST("GDS-CLS-005", "List each personal-information category once, and at least one.",
      Requirement.CLS_1),
  /** A category that PIPL art. 28 makes sensitive declared not sensitive. */
  STATUTORY_SENSITIVE_DOWNGRADED("GDS-CLS-006",
      "Remove sensitivity = NOT_SENSITIVE: PIPL art. 28 makes this category sensitive personal information.",
      Requirement.CLS_1, Requirement.PI_5),
  /** More than one field of a type is marked as the data-subject identifier. */
  MULTIPLE_SUBJECT_IDS("GDS-CLS-007",
      "Mark exactly one field with @DataSubjectId: the one that identifies the person the record is about.",
      Requirement.CLS_1, Requirement.DS_2),
  /** A classification annotation on a static field. */
  STATIC_FIELD("GDS-CLS-008",
      "Classify instance fields only; a static field is not part of a record's data. Remove the annotation.",
      Requirement.CLS_1),
  /** A classification text that cannot be read. */
  UNREADABLE_CLASSIFICATION("GDS-CLS-009", "Write GENERAL-1, GENERAL-2, GENERAL-3, GENERAL-4, IMPORTANT or CORE.",
      Requirement.CLS_1),
  /** A data-subject identifier that holds several values. */
  MULTI_VALUED_SUBJECT_ID("GDS-CLS-010",
      "Put @DataSubjectId on a single-valued field (not a collection, array or map): one record, one subject.",
      Requirement.CLS_1, Requirement.DS_2),
  /** A schema was asked of something that is not a record or class. */
  NOT_A_DATA_TYPE("GDS-CLS-011", "Ask for the schema of a record or a class (not an interface, enum, array or primitive).",
      Requirement.CLS_1);

  private final Spec spec;

  ClassificationError(String code, String fix, Requirement... requirements) {
    this.spec = Spec.of(code, fix, requirements);
  }

  @Override
  public Spec spec() {
    return spec;
  }

  /**
   * Creates a problem of this kind.
   *
   * @param typeName the type concerned, or {@code null}
   * @param element the field concerned, or {@code null} for the type itself
   * @param message what is wrong
   * @return the problem
   */
  public ClassificationProblem problem(String typeName, String element, String message) {
    return new ClassificationProblem(this, typeName, element, message);
  }

  ClassificationException exception(String typeName, String element, String message) {
    return new ClassificationException(List.of(problem(typeName, element, message)));
  }
}
