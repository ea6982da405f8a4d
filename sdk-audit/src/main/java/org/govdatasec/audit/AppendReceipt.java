package org.govdatasec.audit;

import java.time.Instant;

/**
 * The acknowledgement of an appended event (AU-1): its sequence number (its leaf index in the Merkle
 * tree) and the log time stamped on it. In {@link AuditLog.Durability#DURABLE} mode a receipt exists
 * only after the event was forced to disk.
 *
 * @param seq the sequence number, from 0
 * @param at the log time of the entry
 */
public record AppendReceipt(long seq, Instant at) {}
