package org.govdatasec.core.governance.destruction;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a destruction's process, as recorded on its certificate (DS-1).
 *
 * @param name the step, for example {@code shred}
 * @param at when it completed
 * @param detail what it did (key ids, row counts, check counts); never a protected value
 */
public record ProcessStep(String name, Instant at, String detail) {

  /**
   * Validates.
   *
   * @param name the step
   * @param at when
   * @param detail what
   */
  public ProcessStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
  }
}
