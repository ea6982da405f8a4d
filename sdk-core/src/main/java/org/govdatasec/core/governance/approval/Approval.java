package org.govdatasec.core.governance.approval;

import java.time.Instant;
import java.util.Objects;

/**
 * One approver's approval of a request (USE-1).
 *
 * @param userId the approver's staff id
 * @param unit the approver's unit
 * @param at when they approved
 */
public record Approval(String userId, String unit, Instant at) {

  /**
   * Validates.
   *
   * @param userId the approver
   * @param unit the unit
   * @param at when
   */
  public Approval {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(at, "at");
  }
}
