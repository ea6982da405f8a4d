package org.govdatasec.core.governance.consent;

import java.time.Instant;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;

/**
 * A guardian's explicit consent for a child under 14 (PI-3, PIPL art. 31), with its evidence (PI-4).
 *
 * @param guardianId the guardian's identifier (for example their own data-subject id)
 * @param relationship the relationship to the child, for example {@code 父亲}
 * @param grantedAt when the guardian consented
 * @param method how the consent was obtained
 * @param evidenceRef where the evidence is filed
 */
public record GuardianConsent(String guardianId, String relationship, Instant grantedAt, CollectionMethod method,
    String evidenceRef) {

  /**
   * Validates the guardian's consent.
   *
   * @param guardianId the guardian's identifier
   * @param relationship the relationship
   * @param grantedAt when
   * @param method how
   * @param evidenceRef the evidence
   * @throws GovernanceException {@code GDS-GOV-001} if a value is missing or the method is {@link CollectionMethod#BY_LAW}
   */
  public GuardianConsent {
    if (blank(guardianId) || blank(relationship) || grantedAt == null || method == null || blank(evidenceRef)
        || method == CollectionMethod.BY_LAW) {
      throw GovernanceError.BAD_CONSENT_RECORD.exception("A guardian consent needs the guardian, the relationship,"
          + " the time, how it was collected (not BY_LAW: it is a consent) and an evidence reference.");
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
