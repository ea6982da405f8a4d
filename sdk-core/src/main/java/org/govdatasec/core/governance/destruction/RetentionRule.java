package org.govdatasec.core.governance.destruction;

import java.time.Period;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovernanceError;

/**
 * How long one dataset (optionally at one level) is kept, counted from which event, and why (DS-3), for
 * example "citizen applications, GENERAL-3: 5 years after closure, 《社会救助暂行办法》".
 *
 * @param dataset the dataset
 * @param level the level the rule is for, or {@code null} for every level of the dataset
 * @param retention how long records are kept after the reference date
 * @param countsFrom the event the reference date marks, for example {@code closure}
 * @param legalBasis the law, regulation or contract that sets the period
 */
public record RetentionRule(String dataset, Classification level, Period retention, String countsFrom,
    String legalBasis) {

  /**
   * Validates.
   *
   * @param dataset the dataset
   * @param level the level, or {@code null}
   * @param retention the retention
   * @param countsFrom the reference event
   * @param legalBasis the basis
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-026} for a missing value or a
   *     retention that is not positive
   */
  public RetentionRule {
    if (dataset == null || dataset.isBlank() || retention == null || retention.isNegative() || retention.isZero()
        || countsFrom == null || countsFrom.isBlank() || legalBasis == null || legalBasis.isBlank()) {
      throw GovernanceError.BAD_RETENTION_RULE.exception("Retention rule for '" + dataset + "' refused: it needs a"
          + " dataset, a positive period with no negative part, the event it counts from and a legal basis.");
    }
    if (retention.getYears() < 0 || retention.getMonths() < 0 || retention.getDays() < 0) {
      throw GovernanceError.BAD_RETENTION_RULE.exception("Retention rule for '" + dataset + "' refused: the period "
          + retention + " has a negative part.");
    }
  }
}
