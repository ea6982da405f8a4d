package org.govdatasec.core;

import java.util.List;
import java.util.Objects;

/**
 * A stable error code of govdatasec, such as {@code GDS-CLS-001}.
 *
 * <p>Codes never change meaning once released: tooling, runbooks and audit reports may match on them.
 * Each area of the SDK declares its codes in an enum implementing this interface; every code is listed,
 * with its fix, in {@code docs/errors.md}.
 *
 * <p>An implementation holds one {@link Spec} per constant and returns it from {@link #spec()}; the
 * accessors {@link #code()}, {@link #requirements()} and {@link #fix()} read it.
 */
public interface ErrorCode {

  /**
   * Returns what defines this error code: its code, its general fix and the requirements it enforces.
   *
   * @return the specification, never {@code null}
   */
  Spec spec();

  /**
   * Returns the code, {@code GDS-<AREA>-<nnn>}.
   *
   * @return the code
   */
  default String code() {
    return spec().code();
  }

  /**
   * Returns the requirements whose enforcement produced this error.
   *
   * @return the requirements, never empty
   */
  default List<Requirement> requirements() {
    return spec().requirements();
  }

  /**
   * Returns the general advice on how to fix this kind of error; a specific error may add detail.
   *
   * @return the fix
   */
  default String fix() {
    return spec().fix();
  }

  /**
   * The definition of one error code: the code {@code GDS-<AREA>-<nnn>}, the general advice on how to fix
   * it, and the requirements (see {@code REQUIREMENTS.md}) whose enforcement produces it.
   *
   * @param code the code, {@code GDS-<AREA>-<nnn>}
   * @param fix the general advice on how to fix this kind of error
   * @param requirements the requirements whose enforcement produces this error, never empty; copied
   */
  record Spec(String code, String fix, List<Requirement> requirements) {

    /**
     * Creates a specification, copying the requirements.
     *
     * @param code the code, {@code GDS-<AREA>-<nnn>}
     * @param fix the general advice on how to fix this kind of error
     * @param requirements the requirements whose enforcement produces this error, at least one
     * @throws NullPointerException if an argument or a requirement is {@code null}
     * @throws IllegalArgumentException if no requirement is given
     */
    public Spec {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(fix, "fix");
      requirements = List.copyOf(requirements);
      if (requirements.isEmpty()) {
        throw new IllegalArgumentException("error code " + code + " names no requirement");
      }
    }

    /**
     * Creates a specification from the requirements listed one by one.
     *
     * @param code the code, {@code GDS-<AREA>-<nnn>}
     * @param fix the general advice on how to fix this kind of error
     * @param requirements the requirements whose enforcement produces this error, at least one
     * @return the specification
     * @throws NullPointerException if an argument or a requirement is {@code null}
     * @throws IllegalArgumentException if no requirement is given
     */
    public static Spec of(String code, String fix, Requirement... requirements) {
      return new Spec(code, fix, List.of(requirements));
    }
  }
}
