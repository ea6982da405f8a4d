package org.govdatasec.core.governance.approval;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TicketStore} in memory; forgets on restart, so production uses {@link JdbcTicketStore}. */
public final class InMemoryTicketStore implements TicketStore {
  private final ConcurrentHashMap<String, Instant> consumed = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryTicketStore() {
    // empty
  }

  @Override
  public boolean consume(String ticketId, Instant at, String by) {
    return consumed.putIfAbsent(ticketId, at) == null;
  }

  @Override
  public Optional<Instant> consumedAt(String ticketId) {
    return Optional.ofNullable(consumed.get(ticketId));
  }
}
