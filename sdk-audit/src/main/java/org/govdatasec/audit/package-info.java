/**
 * govdatasec audit (AU-1 to AU-4, USE-3, USE-4, TX-2): the durable, tamper-evident
 * {@link org.govdatasec.audit.AuditLog} that implements sdk-core's
 * {@link org.govdatasec.core.audit.AuditRecorder} port; its {@link org.govdatasec.audit.AuditVerifier},
 * RFC 6962 {@link org.govdatasec.audit.Merkle} proofs with SM3 ({@link org.govdatasec.audit.AuditProofs}),
 * SM2-signed {@link org.govdatasec.audit.Checkpoint}s, and the periodic
 * {@link org.govdatasec.audit.AuditReview}. Formats: {@code docs/audit.md}. Errors: the {@code GDS-AUDIT}
 * codes of {@link org.govdatasec.core.audit.AuditError}. Nothing in {@code org.govdatasec.audit.internal}
 * is API.
 */
package org.govdatasec.audit;
