package org.govdatasec.core.governance.approval;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers consumed tickets so each is used at most once, across restarts with {@link JdbcTicketStore}
 * (USE-2). {@link #consume} must be atomic: of any number of concurrent calls for one ticket, exactly one
 * returns true.
 */
public interface TicketStore {

  /**
   * Marks a ticket consumed, atomically.
   *
   * @param ticketId the ticket id
   * @param at when
   * @param by who used it
   * @return true if this call consumed it; false if it was consumed before (a replay)
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-021} if the store fails
   */
  boolean consume(String ticketId, Instant at, String by);

  /**
   * Tells when a ticket was consumed.
   *
   * @param ticketId the ticket id
   * @return the time, or empty if not consumed
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-021} if the store fails
   */
  Optional<Instant> consumedAt(String ticketId);
}
