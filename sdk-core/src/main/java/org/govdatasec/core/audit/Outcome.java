package org.govdatasec.core.audit;

/**
 * How an action ended (AU-4): success, or denied or failed with a reason.
 *
 * @param status the status
 * @param reason why it was denied or failed; required for those, optional for success
 */
public record Outcome(Status status, String reason) {

  /** The status of an outcome. */
  public enum Status {
    /** The action was carried out. */
    SUCCESS,
    /** The action was refused by a control (no consent, no approval, no permission). */
    DENIED,
    /** The action was attempted and failed. */
    FAILED
  }

  /** A plain success. */
  public static final Outcome SUCCESS = new Outcome(Status.SUCCESS, null);

  /**
   * Validates the outcome.
   *
   * @param status the status
   * @param reason the reason
   * @throws AuditException {@code GDS-AUDIT-003} without a status, or without a reason for a denied or
   *     failed outcome; {@code GDS-AUDIT-001} for an over-long reason
   */
  public Outcome {
    if (status == null) {
      throw AuditError.MISSING_FIELD.exception("Audit event field 'outcome.status' is missing.");
    }
    reason = status == Status.SUCCESS ? Texts.optional("outcome.reason", reason, AuditEvent.MAX_TEXT)
        : Texts.required("outcome.reason", reason, AuditEvent.MAX_TEXT);
  }

  /**
   * Creates a denied outcome.
   *
   * @param reason why the action was refused
   * @return the outcome
   */
  public static Outcome denied(String reason) {
    return new Outcome(Status.DENIED, reason);
  }

  /**
   * Creates a failed outcome.
   *
   * @param reason why the action failed
   * @return the outcome
   */
  public static Outcome failed(String reason) {
    return new Outcome(Status.FAILED, reason);
  }
}
