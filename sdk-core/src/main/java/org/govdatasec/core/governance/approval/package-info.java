/**
 * Approval tickets for bulk operations (USE-1, USE-2, USE-6): {@link
 * org.govdatasec.core.governance.approval.ApprovalService} (N-of-M approval with separation of duties,
 * SM2-signed tickets), {@link org.govdatasec.core.governance.approval.BulkOperationGuard} (thresholds,
 * ticket checks, single use) and the stores of consumed tickets (in memory, JDBC).
 */
package org.govdatasec.core.governance.approval;
