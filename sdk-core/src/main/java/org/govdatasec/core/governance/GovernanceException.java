package org.govdatasec.core.governance;

import org.govdatasec.core.GovDataSecException;

/**
 * A governance flow refused something ({@code GDS-GOV-nnn}): no legal basis, a missing guardian consent,
 * a forged or replayed ticket, an unverified destruction, a cross-border transfer without a permit.
 */
public final class GovernanceException extends GovDataSecException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param error the error code
   * @param refused what was refused and why (never a protected value)
   * @param fix specific advice, or {@code null} for the code's general fix
   * @param cause the cause, or {@code null}
   */
  public GovernanceException(GovernanceError error, String refused, String fix, Throwable cause) {
    super(error, refused, fix, cause);
  }

  /**
   * Returns the error code as the enum.
   *
   * @return the error
   */
  public GovernanceError error() {
    return (GovernanceError) errorCode();
  }
}
