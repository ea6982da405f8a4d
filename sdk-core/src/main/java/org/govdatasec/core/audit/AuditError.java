package org.govdatasec.core.audit;

import org.govdatasec.core.ErrorCode;
import org.govdatasec.core.Requirement;

/**
 * The {@code GDS-AUDIT} error codes: invalid audit events (sdk-core) and refusals of the audit log, its
 * verifier, proofs and review reports (sdk-audit).
 */
public enum AuditError implements ErrorCode {
  /** A text field of an event is longer than its limit. */
  FIELD_TOO_LONG("GDS-AUDIT-001",
      "Shorten the value to the limit given in the message (see docs/audit.md, event model); put bulk detail in"
          + " the data system, not in the audit event.",
      Requirement.AU_1),
  /** A text cannot be encoded as UTF-8 (an unpaired surrogate) or an identifier has a bad form. */
  INVALID_TEXT("GDS-AUDIT-002",
      "Pass well-formed text: no unpaired UTF-16 surrogates; event ids use letters, digits and . _ : - only.",
      Requirement.AU_1, Requirement.AU_2),
  /** A required field of an event is missing. */
  MISSING_FIELD("GDS-AUDIT-003",
      "Set the field named in the message: every event needs an action, an actor with a user and an outcome.",
      Requirement.AU_1, Requirement.USE_4),
  /** A field of an event has a value outside its domain. */
  BAD_FIELD_VALUE("GDS-AUDIT-004",
      "Correct the value named in the message (for example a record count of 0 or more, a reason for a denied"
          + " or failed outcome).",
      Requirement.AU_1),
  /** A retention period shorter than the legal floor of 180 days. */
  RETENTION_TOO_SHORT("GDS-AUDIT-005",
      "Keep audit logs at least 180 days (six months, NJ-21): use a retention of Duration.ofDays(180) or more.",
      Requirement.TX_2),
  /** An invalid audit-log configuration. */
  BAD_LOG_CONFIG("GDS-AUDIT-006",
      "Give the log a directory, a signing key, an origin of 1 to 128 printable characters without spaces, a"
          + " checkpoint interval of at least 1 event and 1 ms, and a segment period of at least 1 minute.",
      Requirement.AU_2),
  /** Another writer holds the log directory. */
  LOG_LOCKED("GDS-AUDIT-007",
      "Open each log directory from one AuditLog at a time; close the other writer or use another directory.",
      Requirement.AU_2),
  /** Writing or syncing the log failed (for example a full disk). */
  STORAGE_FAILED("GDS-AUDIT-008",
      "Free space or fix the storage, then reopen the log: events that were acknowledged are intact; the event"
          + " refused here was not acknowledged and must be recorded again (or its action refused).",
      Requirement.AU_1, Requirement.AU_2),
  /** The log is closed or failed earlier and accepts no more events. */
  LOG_CLOSED("GDS-AUDIT-009",
      "Open the log again (AuditLog.builder()...open()); after a storage failure, fix the storage first.",
      Requirement.AU_1),
  /** Opening found corruption that is not a torn last line. */
  CORRUPT_LOG("GDS-AUDIT-010",
      "Run 'govdatasec audit verify' on the directory to locate the damage, restore the segment from a backup,"
          + " and report the incident (AU-4).",
      Requirement.AU_2),
  /** An event whose canonical encoding exceeds the line limit. */
  EVENT_TOO_LARGE("GDS-AUDIT-011",
      "Keep an event under the line limit given in the message: list fewer record ids (use the record count).",
      Requirement.AU_1),
  /** A prune that would remove data still under retention or not covered by a signed checkpoint. */
  PRUNE_REFUSED("GDS-AUDIT-012",
      "Only whole segments older than the retention floor and covered by a signed checkpoint can be pruned;"
          + " wait, or write a checkpoint first.",
      Requirement.TX_2, Requirement.AU_2),
  /** A proof was asked for sizes or an event the log cannot prove. */
  PROOF_UNAVAILABLE("GDS-AUDIT-013",
      "Ask for an event below the tree size and tree sizes 1 <= m <= n <= log size that were not pruned away.",
      Requirement.AU_2),
  /** A log, key or report file cannot be read. */
  UNREADABLE_INPUT("GDS-AUDIT-014",
      "Check the path named in the message exists and is readable; keys are SM2 public keys in PEM form.",
      Requirement.AU_2),
  /** Waiting for the event to become durable was interrupted. */
  INTERRUPTED("GDS-AUDIT-015",
      "The event may or may not be durable: treat the action as not recorded and retry; do not interrupt"
          + " threads that record audit events.",
      Requirement.AU_1),
  /** A review period that is empty or reversed. */
  BAD_REVIEW_PERIOD("GDS-AUDIT-016",
      "Give a review period with from before to, working hours with start before end, and a bulk threshold"
          + " of at least 1.",
      Requirement.AU_3),
  /** Signing a checkpoint failed. */
  SIGNING_FAILED("GDS-AUDIT-017",
      "Check the SM2 private key given to the log (not destroyed) and the crypto provider.",
      Requirement.AU_2);

  private final Spec spec;

  AuditError(String code, String fix, Requirement... requirements) {
    this.spec = Spec.of(code, fix, requirements);
  }

  @Override
  public Spec spec() {
    return spec;
  }

  /**
   * Creates an exception of this kind with the code's general fix.
   *
   * @param refused what was refused, naming the field, file or value (never a protected value)
   * @return the exception
   */
  public AuditException exception(String refused) {
    return new AuditException(this, refused, null, null);
  }

  /**
   * Creates an exception of this kind with a cause.
   *
   * @param refused what was refused, naming the field, file or value (never a protected value)
   * @param cause the cause, or {@code null}
   * @return the exception
   */
  public AuditException exception(String refused, Throwable cause) {
    return new AuditException(this, refused, null, cause);
  }
}
