package org.govdatasec.core.governance.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.internal.governance.Ids;

/**
 * A time-bounded, scoped grant to a third party: an outsourced processor or a sharing partner may process
 * one dataset for the listed purposes and categories, from {@code validFrom} until {@code validUntil}
 * (PI-6, TX-3). Grants always expire.
 *
 * @param id the grant's id: 1 to 128 letters, digits or {@code . _ : -}
 * @param grantee the third party (its unit or company name, as in the audit actor's organisation)
 * @param kind outsourced processor or sharing partner
 * @param dataset the dataset covered
 * @param purposes the purposes covered, at least one
 * @param categories the personal-information categories covered, at least one
 * @param validFrom from when
 * @param validUntil until when (exclusive)
 * @param contractRef the contract or sharing agreement
 * @param grantedBy who granted it
 */
public record ProcessorGrant(String id, String grantee, GranteeKind kind, String dataset, Set<String> purposes,
    Set<PiCategory> categories, Instant validFrom, Instant validUntil, String contractRef, String grantedBy) {

  /**
   * Validates the grant.
   *
   * @param id the id
   * @param grantee the grantee
   * @param kind the kind
   * @param dataset the dataset
   * @param purposes the purposes
   * @param categories the categories
   * @param validFrom from when
   * @param validUntil until when
   * @param contractRef the contract
   * @param grantedBy who granted it
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-001} for a missing or
   *     inconsistent value
   */
  public ProcessorGrant {
    if (!Ids.valid(id) || GuardianConsent.blank(grantee) || kind == null || GuardianConsent.blank(dataset)
        || purposes == null || purposes.isEmpty() || purposes.stream().anyMatch(GuardianConsent::blank)
        || categories == null || categories.isEmpty() || categories.stream().anyMatch(java.util.Objects::isNull) || validFrom == null
        || validUntil == null || !validUntil.isAfter(validFrom) || GuardianConsent.blank(contractRef)
        || GuardianConsent.blank(grantedBy)) {
      throw GovernanceError.BAD_CONSENT_RECORD.exception("Third-party grant refused: it needs an id, the grantee,"
          + " its kind, a dataset, purposes, categories, a validity period with an end after its start, the"
          + " contract and who granted it (PI-6).");
    }
    purposes = Collections.unmodifiableSortedSet(new TreeSet<>(purposes));
    categories = Collections.unmodifiableSet(EnumSet.copyOf(categories));
  }

  /**
   * Tells whether the grant is in force at a moment.
   *
   * @param now the moment
   * @return true from {@code validFrom} (inclusive) to {@code validUntil} (exclusive)
   */
  public boolean activeAt(Instant now) {
    return !now.isBefore(validFrom) && now.isBefore(validUntil);
  }

  /**
   * Tells whether the grant's scope covers a use, regardless of time.
   *
   * @param dataset the dataset
   * @param purpose the purpose
   * @param wanted the categories
   * @return true if the dataset matches, the purpose is listed and every category is covered
   */
  public boolean covers(String dataset, String purpose, Collection<PiCategory> wanted) {
    return this.dataset.equals(dataset) && purposes.contains(purpose) && categories.containsAll(wanted);
  }
}
