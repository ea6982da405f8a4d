/**
 * Governance flows of govdatasec: consent and legal basis ({@code .consent}, PI-2, PI-3, PI-4, PI-6),
 * approval tickets for bulk operations ({@code .approval}, USE-1, USE-2, USE-6), verified destruction and
 * retention schedules ({@code .destruction}, DS-1, DS-2, DS-3) and the cross-border guard
 * ({@code .transfer}, TX-4).
 *
 * <p>sdk-core has no cryptography and no I/O of its own: the flows reach signatures through the
 * {@link org.govdatasec.core.governance.Signer} / {@link org.govdatasec.core.governance.SignatureVerifier}
 * ports (sdk-crypto's SM2 plugs in with a method reference), keys through the destruction package's
 * key-shredder port, and storage through store interfaces with in-memory and JDBC ({@code java.sql} only)
 * implementations. Every decision, allowed or refused, is recorded through
 * {@link org.govdatasec.core.audit.AuditRecorder}; a refusal throws a
 * {@link org.govdatasec.core.governance.GovernanceException} with a {@code GDS-GOV} code. See
 * {@code docs/governance.md}.
 */
package org.govdatasec.core.governance;
