package org.govdatasec.core.policy;

/** Where a {@link ControlRule} comes from, and so whether it may be removed. */
public enum Strength {
  /** The regulations require it: removing it needs an explicit, logged {@link Waiver}. */
  MANDATORY,
  /** govdatasec recommends it beyond the letter of the regulations; an agency may remove it. */
  RECOMMENDED,
  /** The agency added it in its own policy. */
  AGENCY
}
