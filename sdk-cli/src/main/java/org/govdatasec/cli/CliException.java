package org.govdatasec.cli;

import org.govdatasec.core.GovDataSecException;

/** A refusal of the {@code govdatasec} command, with a {@link CliError} code. */
public final class CliException extends GovDataSecException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the refusal with the code's general fix.
   *
   * @param code the code
   * @param refused what was refused
   */
  public CliException(CliError code, String refused) {
    super(code, refused, null);
  }
}
