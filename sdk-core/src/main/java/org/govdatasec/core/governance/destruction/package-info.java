/**
 * Verified destruction and retention (DS-1, DS-2, DS-3): {@link
 * org.govdatasec.core.governance.destruction.DestructionService} (approval, crypto-shredding through the
 * {@link org.govdatasec.core.governance.destruction.KeyShredder} port, deletion, decryption check,
 * signed {@link org.govdatasec.core.governance.destruction.DestructionCertificate}) and {@link
 * org.govdatasec.core.governance.destruction.RetentionSchedule retention schedules}.
 */
package org.govdatasec.core.governance.destruction;
