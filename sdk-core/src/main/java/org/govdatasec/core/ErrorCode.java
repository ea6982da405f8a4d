package org.govdatasec.core;

import java.util.List;

/**
 * A stable error code of govdatasec, such as {@code GDS-CLS-001}.
 *
 * <p>Codes never change meaning once released: tooling, runbooks and audit reports may match on them.
 * Each area of the SDK declares its codes in an enum implementing this interface; every code is listed,
 * with its fix, in {@code docs/errors.md}.
 */
public interface ErrorCode {

  /**
   * Returns the code, {@code GDS-<AREA>-<nnn>}.
   *
   * @return the code
   */
  String code();

  /**
   * Returns the requirements whose enforcement produced this error.
   *
   * @return the requirements, never empty
   */
  List<Requirement> requirements();

  /**
   * Returns the general advice on how to fix this kind of error; a specific error may add detail.
   *
   * @return the fix
   */
  String fix();
}
