package org.govdatasec.core.policy;

import java.util.List;
import java.util.Objects;
import org.govdatasec.core.Requirement;

/**
 * One row of the policy table: a control is required when a trigger applies.
 *
 * @param control the control
 * @param trigger when it is required
 * @param strength whether the regulations mandate it, govdatasec recommends it, or the agency added it
 * @param basis the requirements (and so clauses) this row rests on
 * @param clause the clause of the regulations cited for this row, for example {@code NJ-19}
 */
public record ControlRule(Control control, Trigger trigger, Strength strength, List<Requirement> basis, String clause) {

  /**
   * Validates the rule.
   *
   * @param control the control
   * @param trigger when it is required
   * @param strength whether the regulations mandate it, govdatasec recommends it, or the agency added it
   * @param basis the requirements (and so clauses) this row rests on
   * @param clause the clause of the regulations cited for this row, for example {@code NJ-19}
   * @throws NullPointerException if a component is missing
   * @throws IllegalArgumentException if the basis is empty
   */
  public ControlRule {
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(strength, "strength");
    basis = List.copyOf(basis);
    if (basis.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one requirement as its basis");
    }
    clause = clause == null ? "" : clause;
  }

  /**
   * Returns an agency rule: the control is required when the trigger applies, on the control's own basis.
   *
   * @param control the control
   * @param trigger when it is required
   * @return the rule
   */
  public static ControlRule agency(Control control, Trigger trigger) {
    return new ControlRule(control, trigger, Strength.AGENCY, control.requirements(), "agency policy");
  }
}
