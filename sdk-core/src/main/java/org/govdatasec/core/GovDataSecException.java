package org.govdatasec.core;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The root of every exception govdatasec throws on purpose.
 *
 * <p>Every refusal explains itself: a stable {@link #code() code}, what was refused, the
 * {@link #requirements() requirements} it enforces and {@link #fix() how to fix it}. The message reads
 * {@code GDS-CLS-001 [CLS-1] <what was refused>. Fix: <how>}. Messages never contain secret material.
 */
public class GovDataSecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorCode code;
  private final String refused;
  private final String fix;

  /**
   * Creates an exception.
   *
   * @param code the stable error code
   * @param refused what was refused and why, naming the element concerned
   * @param fix how to fix it; if {@code null}, the code's general fix is used
   */
  public GovDataSecException(ErrorCode code, String refused, String fix) {
    this(code, refused, fix, null);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable error code
   * @param refused what was refused and why, naming the element concerned
   * @param fix how to fix it; if {@code null}, the code's general fix is used
   * @param cause the underlying cause, or {@code null}
   */
  public GovDataSecException(ErrorCode code, String refused, String fix, Throwable cause) {
    super(format(code, refused, fix), cause);
    this.code = code;
    this.refused = refused;
    this.fix = fix == null ? code.fix() : fix;
  }

  private static String format(ErrorCode code, String refused, String fix) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(refused, "refused");
    String reqs = code.requirements().stream().map(Requirement::id).collect(Collectors.joining(", "));
    return code.code() + " [" + reqs + "] " + refused + " Fix: " + (fix == null ? code.fix() : fix);
  }

  /**
   * Returns the stable error code.
   *
   * @return the code
   */
  public ErrorCode errorCode() {
    return code;
  }

  /**
   * Returns the code as text, for example {@code "GDS-CLS-001"}.
   *
   * @return the code text
   */
  public String code() {
    return code.code();
  }

  /**
   * Returns the requirements this refusal enforces.
   *
   * @return the requirements
   */
  public List<Requirement> requirements() {
    return code.requirements();
  }

  /**
   * Returns what was refused.
   *
   * @return the description of the refusal
   */
  public String refused() {
    return refused;
  }

  /**
   * Returns how to fix it.
   *
   * @return the fix
   */
  public String fix() {
    return fix;
  }
}
