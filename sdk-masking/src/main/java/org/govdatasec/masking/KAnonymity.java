package org.govdatasec.masking;

import java.util.List;

/**
 * The re-identification check of one masked file over its declared quasi-identifiers (USE-5, PI-5):
 * records sharing all quasi-identifier values form an equivalence class; k is the size of the smallest.
 * Prosecutor risk of a record is 1 / the size of its class: the maximum is 1 / k, the average is classes / rows.
 *
 * @param quasiIdentifiers the columns grouped by
 * @param rows the records counted
 * @param classes the number of equivalence classes
 * @param k the smallest class size (0 for an empty file)
 * @param rowsBelowMinK records in classes smaller than the spec's minimum k
 * @param maxRisk the highest prosecutor risk, 1 / k
 * @param averageRisk the average prosecutor risk over records
 */
public record KAnonymity(List<String> quasiIdentifiers, long rows, long classes, long k, long rowsBelowMinK,
    double maxRisk, double averageRisk) {
  /**
   * Copies the list.
   *
   * @param quasiIdentifiers the columns
   * @param rows the records
   * @param classes the classes
   * @param k the smallest class
   * @param rowsBelowMinK records below the minimum
   * @param maxRisk the maximum risk
   * @param averageRisk the average risk
   */
  public KAnonymity {
    quasiIdentifiers = List.copyOf(quasiIdentifiers);
  }
}
