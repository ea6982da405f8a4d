package org.govdatasec.core.governance.transfer;

import java.time.Instant;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.internal.governance.Ids;

/**
 * A recorded permission to provide one dataset to one destination outside mainland China (TX-4), resting
 * on the security assessment, standard contract or certification the law requires.
 *
 * @param id the permit's id
 * @param dataset the dataset
 * @param destination the destination (not mainland China)
 * @param recipient the receiving party
 * @param validFrom from when
 * @param validUntil until when (exclusive)
 * @param reference the approval the permit rests on (for example the assessment's file number)
 */
public record TransferPermit(String id, String dataset, Destination destination, String recipient, Instant validFrom,
    Instant validUntil, String reference) {

  /**
   * Validates.
   *
   * @param id the id
   * @param dataset the dataset
   * @param destination the destination
   * @param recipient the recipient
   * @param validFrom from when
   * @param validUntil until when
   * @param reference the approval reference
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-028} for a missing value, a
   *     mainland destination or an empty period
   */
  public TransferPermit {
    if (!Ids.valid(id) || dataset == null || dataset.isBlank() || destination == null
        || !destination.region().crossBorder() || recipient == null || recipient.isBlank() || validFrom == null
        || validUntil == null || !validUntil.isAfter(validFrom) || reference == null || reference.isBlank()) {
      throw GovernanceError.BAD_PERMIT.exception("Transfer permit '" + id + "' refused.");
    }
  }

  /**
   * Tells whether the permit covers a transfer at a moment.
   *
   * @param dataset the dataset
   * @param destination the destination
   * @param recipient the recipient
   * @param at the moment
   * @return true if dataset, destination and recipient match and the permit is in force
   */
  public boolean covers(String dataset, Destination destination, String recipient, Instant at) {
    return this.dataset.equals(dataset) && this.destination.equals(destination) && this.recipient.equals(recipient)
        && !at.isBefore(validFrom) && at.isBefore(validUntil);
  }
}
