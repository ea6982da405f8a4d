package org.govdatasec.core.policy;

import java.util.Objects;

/**
 * A mandatory control that would apply to a dataset but is waived by the policy; reported in every
 * assessment so that a waiver is never silent.
 *
 * @param rule the mandatory rule that applies but is not enforced
 * @param waiver the waiver that allows it
 */
public record WaivedControl(ControlRule rule, Waiver waiver) {

  /**
   * Validates the value.
   *
   * @param rule the mandatory rule that applies but is not enforced
   * @param waiver the waiver that allows it
   * @throws NullPointerException if a component is missing
   */
  public WaivedControl {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(waiver, "waiver");
  }
}
