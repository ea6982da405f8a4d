package org.govdatasec.core.audit;

import org.govdatasec.core.GovDataSecException;

/** An audit event, the audit log or one of its tools refused something ({@code GDS-AUDIT-nnn}). */
public final class AuditException extends GovDataSecException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param error the error code
   * @param refused what was refused, naming the field, file or value
   * @param fix specific advice, or {@code null} for the code's general fix
   * @param cause the cause, or {@code null}
   */
  public AuditException(AuditError error, String refused, String fix, Throwable cause) {
    super(error, refused, fix, cause);
  }

  /**
   * Returns the error code as the enum.
   *
   * @return the error
   */
  public AuditError error() {
    return (AuditError) errorCode();
  }
}
