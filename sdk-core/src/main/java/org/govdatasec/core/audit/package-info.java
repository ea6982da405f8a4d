/**
 * The audit port (AU-1, USE-3, USE-4): the structured {@link org.govdatasec.core.audit.AuditEvent} that
 * governance code records through an {@link org.govdatasec.core.audit.AuditRecorder}.
 *
 * <p>The event model carries the regulatory fields of the Nanning and Nanjing rules: who acted (actor),
 * what was done (action), to which data (object, level, personal-information categories), why (purpose,
 * legal basis, consent, approval ticket), who provided, transferred and received the data (USE-4), from
 * where, and with what outcome. Every text is validated when the event is built: over-long values and
 * text that cannot be encoded are refused with a {@code GDS-AUDIT} code of
 * {@link org.govdatasec.core.audit.AuditError}.
 *
 * <p>sdk-core has no I/O: the durable, tamper-evident log that implements the port lives in sdk-audit
 * ({@code org.govdatasec.audit.AuditLog}); {@link org.govdatasec.core.audit.InMemoryAuditRecorder}
 * serves tests and simple uses.
 */
package org.govdatasec.core.audit;
