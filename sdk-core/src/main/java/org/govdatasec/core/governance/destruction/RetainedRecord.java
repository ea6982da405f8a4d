package org.govdatasec.core.governance.destruction;

import java.time.LocalDate;
import java.util.Objects;
import org.govdatasec.core.classification.Classification;

/**
 * A record the application holds, as the retention schedule sees it (DS-3): where, which, whose, at what
 * level, and the date its retention counts from (closure of the case, end of the contract, …).
 *
 * @param dataset the dataset
 * @param recordId the record's id
 * @param subjectId the data subject, for crypto-shredding, or {@code null} for non-personal records
 * @param level the record's classification
 * @param referenceDate the date retention counts from
 */
public record RetainedRecord(String dataset, String recordId, String subjectId, Classification level,
    LocalDate referenceDate) {

  /**
   * Validates.
   *
   * @param dataset the dataset
   * @param recordId the record id
   * @param subjectId the subject, or {@code null}
   * @param level the level
   * @param referenceDate the reference date
   */
  public RetainedRecord {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(referenceDate, "referenceDate");
  }
}
