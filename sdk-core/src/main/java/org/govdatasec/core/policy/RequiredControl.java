package org.govdatasec.core.policy;

import java.util.List;
import java.util.Objects;
import org.govdatasec.core.Requirement;

/**
 * A control a dataset needs, with why: the triggers that applied and the requirements they rest on.
 *
 * @param control the control
 * @param strength the strongest of the rules that require it ({@link Strength#MANDATORY} if any is)
 * @param triggers the triggers that applied, in table order
 * @param requirements the requirements cited by those rules, without repeats
 * @param clauses the clauses of the regulations cited by those rules, without repeats
 */
public record RequiredControl(
    Control control, Strength strength, List<Trigger> triggers, List<Requirement> requirements, List<String> clauses) {

  /**
   * Validates the value.
   *
   * @param control the control
   * @param strength the strongest of the rules that require it ({@link Strength#MANDATORY} if any is)
   * @param triggers the triggers that applied, in table order
   * @param requirements the requirements cited by those rules, without repeats
   * @param clauses the clauses of the regulations cited by those rules, without repeats
   * @throws NullPointerException if a component is missing
   */
  public RequiredControl {
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(strength, "strength");
    triggers = List.copyOf(triggers);
    requirements = List.copyOf(requirements);
    clauses = List.copyOf(clauses);
  }

  /**
   * Tells whether the regulations mandate this control for the dataset.
   *
   * @return true if any rule requiring it is mandatory
   */
  public boolean mandatory() {
    return strength == Strength.MANDATORY;
  }
}
