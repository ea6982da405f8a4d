package org.govdatasec.core.governance.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.internal.governance.Ids;

/**
 * The legal basis on which one subject's personal information may be processed: for which purposes,
 * which categories, from when until when, how it was obtained and (for a child under 14) the guardian's
 * consent (PI-1, PI-2, PI-3, PI-4).
 *
 * <p>Despite the name, a record also carries non-consent bases ({@link LegalBasis#STATUTORY_DUTY},
 * {@link LegalBasis#CONTRACT}, …): the guard treats every basis alike, except that only a consent basis
 * needs a guardian for a child and only plain {@link LegalBasis#CONSENT} does not cover sensitive
 * categories. Immutable; {@link #withdrawnAt(Instant)} returns a copy.
 *
 * @param id the record's id: 1 to 128 letters, digits or {@code . _ : -}
 * @param subjectId the data subject (the {@code @DataSubjectId} value)
 * @param basis the legal basis
 * @param purposes the purposes covered, at least one, sorted
 * @param categories the personal-information categories covered, at least one
 * @param extraFields names of non-personal fields the purposes may also read (for example {@code remarks});
 *     empty if none
 * @param grantedAt when the basis took effect
 * @param expiresAt when it ends, or {@code null} if it does not expire by itself
 * @param withdrawnAt when the subject withdrew it, or {@code null}
 * @param method how it was obtained
 * @param evidenceRef where the evidence is (form number, signature id, statute)
 * @param guardian the guardian's consent for a child under 14, or {@code null}
 */
public record ConsentRecord(String id, String subjectId, LegalBasis basis, Set<String> purposes,
    Set<PiCategory> categories, Set<String> extraFields, Instant grantedAt, Instant expiresAt, Instant withdrawnAt,
    CollectionMethod method, String evidenceRef, GuardianConsent guardian) {

  /** The state of a record at a moment. */
  public enum Status {
    /** In force. */
    ACTIVE,
    /** Not in force yet. */
    NOT_YET_VALID,
    /** Expired. */
    EXPIRED,
    /** Withdrawn by the subject. */
    WITHDRAWN
  }

  /**
   * Validates the record.
   *
   * @param id the id
   * @param subjectId the subject
   * @param basis the basis
   * @param purposes the purposes
   * @param categories the categories
   * @param extraFields the non-personal fields
   * @param grantedAt from when
   * @param expiresAt until when, or {@code null}
   * @param withdrawnAt when withdrawn, or {@code null}
   * @param method how obtained
   * @param evidenceRef the evidence
   * @param guardian the guardian's consent, or {@code null}
   * @throws GovernanceException {@code GDS-GOV-001} for a missing or inconsistent value
   */
  public ConsentRecord {
    if (!Ids.valid(id)) {
      throw bad("the id must be 1 to 128 letters, digits or . _ : -");
    }
    if (GuardianConsent.blank(subjectId) || subjectId.length() > 256) {
      throw bad("a subject id (at most 256 characters) is required");
    }
    if (basis == null || method == null || grantedAt == null || GuardianConsent.blank(evidenceRef)) {
      throw bad("basis, collection method, grant time and evidence reference are required (PI-4)");
    }
    purposes = sortedNonBlank(purposes, "purposes");
    if (purposes.isEmpty()) {
      throw bad("at least one purpose is required (PI-1)");
    }
    if (categories == null || categories.isEmpty() || categories.stream().anyMatch(java.util.Objects::isNull)) {
      throw bad("at least one personal-information category is required (PI-1)");
    }
    categories = Collections.unmodifiableSet(EnumSet.copyOf(categories));
    extraFields = sortedNonBlank(extraFields == null ? Set.of() : extraFields, "extraFields");
    if (expiresAt != null && !expiresAt.isAfter(grantedAt)) {
      throw bad("the expiry must be after the grant");
    }
    if (withdrawnAt != null && !basis.consentBased()) {
      throw bad("only a consent basis can be withdrawn by the subject; end a " + basis + " basis with an expiry");
    }
    if (basis.consentBased() == (method == CollectionMethod.BY_LAW)) {
      throw bad("a consent basis needs a consent collection method, and a non-consent basis the method BY_LAW");
    }
    if (guardian != null && !basis.consentBased()) {
      throw bad("a guardian's consent belongs to a consent basis only");
    }
  }

  private static SortedSet<String> sortedNonBlank(Collection<String> values, String what) {
    if (values == null || values.stream().anyMatch(v -> v == null || v.isBlank() || v.length() > 256)) {
      throw bad(what + " must be non-blank texts of at most 256 characters");
    }
    return Collections.unmodifiableSortedSet(new TreeSet<>(values));
  }

  private static GovernanceException bad(String why) {
    return GovernanceError.BAD_CONSENT_RECORD.exception("Consent record refused: " + why + ".");
  }

  /**
   * Starts a builder.
   *
   * @param id the record's id
   * @param subjectId the data subject
   * @param basis the legal basis
   * @return a builder
   */
  public static Builder builder(String id, String subjectId, LegalBasis basis) {
    return new Builder(id, subjectId, basis);
  }

  /**
   * Returns the record's state at a moment.
   *
   * @param now the moment
   * @return the state; withdrawal wins over expiry
   */
  public Status status(Instant now) {
    if (withdrawnAt != null && !now.isBefore(withdrawnAt)) {
      return Status.WITHDRAWN;
    }
    if (now.isBefore(grantedAt)) {
      return Status.NOT_YET_VALID;
    }
    if (expiresAt != null && !now.isBefore(expiresAt)) {
      return Status.EXPIRED;
    }
    return Status.ACTIVE;
  }

  /**
   * Tells whether the record covers a purpose.
   *
   * @param purpose the purpose
   * @return true if listed
   */
  public boolean covers(String purpose) {
    return purposes.contains(purpose);
  }

  /**
   * Returns a copy withdrawn at a moment.
   *
   * @param at the moment of withdrawal
   * @return the withdrawn copy
   * @throws GovernanceException {@code GDS-GOV-001} if the basis is not consent
   */
  public ConsentRecord withdrawnAt(Instant at) {
    return new ConsentRecord(id, subjectId, basis, purposes, categories, extraFields, grantedAt, expiresAt,
        Objects.requireNonNull(at, "at"), method, evidenceRef, guardian);
  }

  /** Builds a {@link ConsentRecord}; {@link #build()} validates. */
  public static final class Builder {
    private final String id;
    private final String subjectId;
    private final LegalBasis basis;
    private final Set<String> purposes = new TreeSet<>();
    private final Set<PiCategory> categories = EnumSet.noneOf(PiCategory.class);
    private final Set<String> extraFields = new TreeSet<>();
    private Instant grantedAt;
    private Instant expiresAt;
    private CollectionMethod method;
    private String evidenceRef;
    private GuardianConsent guardian;

    private Builder(String id, String subjectId, LegalBasis basis) {
      this.id = id;
      this.subjectId = subjectId;
      this.basis = basis;
    }

    /**
     * Adds purposes.
     *
     * @param values the purposes
     * @return this builder
     */
    public Builder purposes(String... values) {
      purposes.addAll(List.of(values));
      return this;
    }

    /**
     * Adds categories.
     *
     * @param values the categories
     * @return this builder
     */
    public Builder categories(PiCategory... values) {
      categories.addAll(List.of(values));
      return this;
    }

    /**
     * Adds categories.
     *
     * @param values the categories
     * @return this builder
     */
    public Builder categories(Collection<PiCategory> values) {
      categories.addAll(values);
      return this;
    }

    /**
     * Adds non-personal fields the purposes may read.
     *
     * @param names the field names
     * @return this builder
     */
    public Builder extraFields(String... names) {
      extraFields.addAll(List.of(names));
      return this;
    }

    /**
     * Sets the validity.
     *
     * @param from when it takes effect
     * @param until when it ends, or {@code null}
     * @return this builder
     */
    public Builder valid(Instant from, Instant until) {
      this.grantedAt = from;
      this.expiresAt = until;
      return this;
    }

    /**
     * Sets how it was obtained and the evidence.
     *
     * @param how the method
     * @param reference the evidence reference
     * @return this builder
     */
    public Builder evidence(CollectionMethod how, String reference) {
      this.method = how;
      this.evidenceRef = reference;
      return this;
    }

    /**
     * Sets the guardian's consent.
     *
     * @param value the guardian's consent
     * @return this builder
     */
    public Builder guardian(GuardianConsent value) {
      this.guardian = value;
      return this;
    }

    /**
     * Builds the record.
     *
     * @return the record
     * @throws GovernanceException {@code GDS-GOV-001} for a missing or inconsistent value
     */
    public ConsentRecord build() {
      return new ConsentRecord(id, subjectId, basis, purposes, categories, extraFields, grantedAt, expiresAt, null,
          method, evidenceRef, guardian);
    }
  }
}
