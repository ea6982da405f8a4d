package org.govdatasec.core.audit;

/**
 * The audit port (AU-1, USE-3): governance code records every access, export, refusal and lifecycle act
 * through it.
 *
 * <p>Implementations must not return before the event is recorded as durably as they promise: the
 * durable log of sdk-audit returns only after the event is on disk, so that an action whose event was
 * lost never happened silently. A recorder that cannot record throws; the caller must then refuse the
 * action (fail closed).
 */
@FunctionalInterface
public interface AuditRecorder {

  /**
   * Records an event.
   *
   * @param event the event
   * @throws AuditException if the event could not be recorded (for example {@code GDS-AUDIT-008} when
   *     storage failed); the action it describes should then be refused
   */
  void record(AuditEvent event);
}
