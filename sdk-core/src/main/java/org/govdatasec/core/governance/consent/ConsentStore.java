package org.govdatasec.core.governance.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where consent records and third-party grants are kept (PI-4): {@link InMemoryConsentStore} or
 * {@link JdbcConsentStore}. Implementations are thread-safe, apply each change atomically and keep
 * records forever (a withdrawn consent stays as evidence, marked withdrawn).
 */
public interface ConsentStore {

  /**
   * Adds a record.
   *
   * @param record the record
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-001} if a record with that
   *     id exists, {@code GDS-GOV-021} if the store fails
   */
  void add(ConsentRecord record);

  /**
   * Marks a record withdrawn, atomically.
   *
   * @param id the record's id
   * @param at when
   * @return the withdrawn record
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-002} if no such record,
   *     {@code GDS-GOV-001} if it is not consent-based or already withdrawn, {@code GDS-GOV-021} if the
   *     store fails
   */
  ConsentRecord withdraw(String id, Instant at);

  /**
   * Finds a record.
   *
   * @param id the id
   * @return the record, if present
   */
  Optional<ConsentRecord> find(String id);

  /**
   * Returns every record of a subject, withdrawn and expired ones included, by id.
   *
   * @param subjectId the subject
   * @return the records
   */
  List<ConsentRecord> forSubject(String subjectId);

  /**
   * Adds a third-party grant.
   *
   * @param grant the grant
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-001} if a grant with that id
   *     exists, {@code GDS-GOV-021} if the store fails
   */
  void add(ProcessorGrant grant);

  /**
   * Returns every grant to a grantee, expired ones included, by id.
   *
   * @param grantee the grantee
   * @return the grants
   */
  List<ProcessorGrant> grantsTo(String grantee);
}
