package org.govdatasec.core.governance.approval;

import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovernanceError;

/**
 * An operation about to run on a number of records (USE-2).
 *
 * @param operation the operation
 * @param dataset the dataset
 * @param records how many records it touches, 0 or more
 * @param level the dataset's classification
 * @param highRiskByVolume whether the system holds personal information of 1,000,000 people or more
 * @param purpose the purpose
 */
public record BulkOperation(Operation operation, String dataset, long records, Classification level,
    boolean highRiskByVolume, String purpose) {

  /**
   * Validates.
   *
   * @param operation the operation
   * @param dataset the dataset
   * @param records the record count
   * @param level the level
   * @param highRiskByVolume high-risk by volume
   * @param purpose the purpose
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-011} for a missing value or a
   *     negative count
   */
  public BulkOperation {
    if (operation == null || dataset == null || dataset.isBlank() || records < 0 || level == null || purpose == null
        || purpose.isBlank()) {
      throw GovernanceError.BAD_APPROVAL_REQUEST.exception("A bulk operation needs an operation, a dataset, a record"
          + " count of 0 or more, a level and a purpose.");
    }
  }
}
