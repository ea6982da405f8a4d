/**
 * The cross-border guard (TX-4): {@link org.govdatasec.core.governance.transfer.CrossBorderGuard} refuses a
 * transfer outside mainland China unless a recorded {@link
 * org.govdatasec.core.governance.transfer.TransferPermit} covers its dataset, destination and recipient.
 */
package org.govdatasec.core.governance.transfer;
