package org.govdatasec.core.policy;

import org.govdatasec.core.GovDataSecException;

/** A policy, an override or a system profile is invalid ({@code GDS-POL-nnn}). */
public final class PolicyException extends GovDataSecException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param error the error code
   * @param refused what was refused, naming the key, control or value
   * @param fix specific advice, or {@code null} for the code's general fix
   */
  public PolicyException(PolicyError error, String refused, String fix) {
    super(error, refused, fix);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param error the error code
   * @param refused what was refused, naming the key, control or value
   * @param fix specific advice, or {@code null} for the code's general fix
   * @param cause the cause
   */
  public PolicyException(PolicyError error, String refused, String fix, Throwable cause) {
    super(error, refused, fix, cause);
  }
}
