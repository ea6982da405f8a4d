package org.govdatasec.core.governance.approval;

import java.time.Instant;

/**
 * The bulk-operation guard's permission for one operation (USE-2). Record the operation's own audit
 * events with {@link #ticketId()} as their approval ticket.
 *
 * @param operation what was authorised
 * @param operator who may run it
 * @param ticketId the consumed ticket, or {@code null} if the operation was below the threshold
 * @param at when
 */
public record Authorization(BulkOperation operation, String operator, String ticketId, Instant at) {

  /**
   * Tells whether a ticket authorised the operation.
   *
   * @return true if a ticket was consumed
   */
  public boolean ticketed() {
    return ticketId != null;
  }
}
