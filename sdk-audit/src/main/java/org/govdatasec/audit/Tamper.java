package org.govdatasec.audit;

/** The kind of damage {@link AuditVerifier} found (AU-2). */
public enum Tamper {
  /** An entry's content differs from what was hashed and signed. */
  MODIFIED,
  /** An entry that the log never wrote appears (a duplicate or foreign sequence number). */
  INSERTED,
  /** Entries are missing: a sequence number is skipped. */
  DELETED,
  /** Entries are out of order (sequence numbers or log times). */
  REORDERED,
  /** A signed checkpoint covers more entries than are present: entries after it were cut off. */
  TRUNCATED,
  /** A checkpoint's SM2 signature does not verify under the given public key. */
  BAD_SIGNATURE,
  /** A line is not well-formed: invalid UTF-8, broken JSON, or not the documented line layout. */
  MALFORMED
}
