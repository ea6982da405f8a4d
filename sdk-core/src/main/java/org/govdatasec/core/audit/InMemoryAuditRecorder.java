package org.govdatasec.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An {@link AuditRecorder} that keeps events in memory, for tests and for simple uses that forward
 * events elsewhere. Thread-safe. Not durable and not tamper-evident: production systems use sdk-audit's
 * {@code AuditLog} (AU-2, TX-2).
 */
public final class InMemoryAuditRecorder implements AuditRecorder {
  private final List<AuditEvent> events = new ArrayList<>();

  /** Creates an empty recorder. */
  public InMemoryAuditRecorder() {
    // empty
  }

  @Override
  public synchronized void record(AuditEvent event) {
    if (event == null) {
      throw AuditError.MISSING_FIELD.exception("A null audit event was recorded.");
    }
    events.add(event);
  }

  /**
   * Returns the events recorded so far, in order.
   *
   * @return a snapshot of the events
   */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /**
   * Returns the recorded events that match a condition.
   *
   * @param condition the condition
   * @return the matching events, in order
   */
  public synchronized List<AuditEvent> events(Predicate<AuditEvent> condition) {
    return events.stream().filter(condition).toList();
  }

  /** Forgets every event. */
  public synchronized void clear() {
    events.clear();
  }
}
