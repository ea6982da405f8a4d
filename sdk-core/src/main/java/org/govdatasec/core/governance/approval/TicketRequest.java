package org.govdatasec.core.governance.approval;

import java.time.Duration;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.Official;
import org.govdatasec.core.governance.Role;

/**
 * A request for approval of one operation (USE-1): what, on which dataset owned by which unit, how many
 * records at most, why, at what level, by whom, for how long.
 *
 * @param operation the operation
 * @param dataset the dataset (table or data resource)
 * @param ownerUnit the unit that owns the dataset (its inspector may not approve, USE-6)
 * @param maxRecords the maximum number of records, 1 or more
 * @param purpose the purpose
 * @param level the dataset's classification
 * @param highRiskByVolume whether the system holds personal information of 1,000,000 people or more (CLS-3)
 * @param requester who asks, and will operate; holds {@link Role#REQUESTER}
 * @param validity how long the ticket will be valid from issue
 */
public record TicketRequest(Operation operation, String dataset, String ownerUnit, long maxRecords, String purpose,
    Classification level, boolean highRiskByVolume, Official requester, Duration validity) {

  /**
   * Validates the request.
   *
   * @param operation the operation
   * @param dataset the dataset
   * @param ownerUnit the owning unit
   * @param maxRecords the maximum records
   * @param purpose the purpose
   * @param level the level
   * @param highRiskByVolume high-risk by volume
   * @param requester the requester
   * @param validity the validity
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-011} for a missing or
   *     inconsistent value
   */
  public TicketRequest {
    if (operation == null || blank(dataset) || blank(ownerUnit) || maxRecords < 1 || blank(purpose) || level == null
        || requester == null || validity == null || validity.isZero() || validity.isNegative()
        || dataset.length() > 256 || ownerUnit.length() > 256 || purpose.length() > 1024) {
      throw GovernanceError.BAD_APPROVAL_REQUEST.exception("Approval request refused: it needs an operation, a"
          + " dataset and its owning unit (at most 256 characters), a maximum of 1 or more records, a purpose (at"
          + " most 1,024 characters), a level, a requester and a positive validity (USE-1).");
    }
    if (!requester.has(Role.REQUESTER)) {
      throw GovernanceError.BAD_APPROVAL_REQUEST.exception("Approval request refused: " + requester.userId()
          + " does not hold the REQUESTER role.");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
