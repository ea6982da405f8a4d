/**
 * Consent and legal basis (PI-1, PI-2, PI-3, PI-4, PI-6): {@link
 * org.govdatasec.core.governance.consent.ConsentRecord} (any PIPL art. 13 basis, purposes, categories,
 * validity, evidence, guardian), the {@link org.govdatasec.core.governance.consent.ConsentGuard} that
 * projects a record to what a purpose may see, third-party {@link
 * org.govdatasec.core.governance.consent.ProcessorGrant grants}, and the stores (in memory, JDBC).
 */
package org.govdatasec.core.governance.consent;
