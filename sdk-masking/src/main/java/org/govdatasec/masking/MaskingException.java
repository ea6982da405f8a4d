package org.govdatasec.masking;

import java.util.Optional;
import org.govdatasec.core.GovDataSecException;

/**
 * A refusal of sdk-masking ({@code GDS-MASK-nnn}, PI-5, USE-5).
 *
 * <p>The message names the rule, file, line and column concerned, never the value being masked. File
 * errors carry a {@link #location()} of the form {@code file:line:column} (1-based).
 */
public final class MaskingException extends GovDataSecException {
  private static final long serialVersionUID = 1L;

  private final String location;

  MaskingException(MaskError code, String refused, String location, Throwable cause) {
    super(code, location == null ? refused : location + ": " + refused, null, cause);
    this.location = location;
  }

  /**
   * Returns the error as its enum constant.
   *
   * @return the error
   */
  public MaskError error() {
    return (MaskError) errorCode();
  }

  /**
   * Returns where in a file the error was found.
   *
   * @return {@code file:line:column}, or empty for an error not tied to a file position
   */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }
}
