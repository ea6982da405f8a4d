package org.govdatasec.core.policy;

import org.govdatasec.core.ErrorCode;
import org.govdatasec.core.Requirement;

/** The {@code GDS-POL} error codes: invalid policies, overrides and system profiles. */
public enum PolicyError implements ErrorCode {
  /** A mandatory control was removed without a waiver. */
  MANDATORY_CONTROL_REMOVED("GDS-POL-001",
      "Keep the control, or add a Waiver (reason, approver, reference) for it: builder.waive(new Waiver(...)) or"
          + " govdatasec.policy.waiver.<CONTROL>.reason / .approved-by / .reference.",
      Requirement.CLS_5),
  /** A waiver without reason, approver or reference. */
  INCOMPLETE_WAIVER("GDS-POL-002", "Give the waiver a reason, an approver and a filing reference.",
      Requirement.CLS_5),
  /** An unknown key in a policy properties file. */
  UNKNOWN_PROPERTY("GDS-POL-003",
      "Check the key's spelling against docs/policy.md; every key starts with govdatasec.policy.",
      Requirement.CLS_5),
  /** A value in a policy properties file that cannot be read. */
  BAD_PROPERTY_VALUE("GDS-POL-004", "Write the value in the form docs/policy.md gives for that key.",
      Requirement.CLS_5),
  /** A high-risk subject threshold above the regulations' 1,000,000, or below 1. */
  THRESHOLD_ABOVE_LAW("GDS-POL-005",
      "Use a threshold from 1 to 1,000,000: the Nanjing rules make 1,000,000 subjects high-risk, a policy may only be"
          + " stricter.",
      Requirement.CLS_3),
  /** Personal-information floors in the wrong order. */
  BAD_FLOORS("GDS-POL-006", "Make the sensitive-personal-information floor at least the personal-information floor.",
      Requirement.CLS_2),
  /** A subject count that is negative or cannot be read. */
  BAD_SUBJECT_COUNT("GDS-POL-007", "Report a subject count of 0 or more; check the SubjectCounter behind the profile.",
      Requirement.CLS_3),
  /** A policy file that cannot be read. */
  UNREADABLE_POLICY_FILE("GDS-POL-008", "Check that the file exists, is readable and is a UTF-8 properties file.",
      Requirement.CLS_5),
  /** A waiver that waives nothing. */
  UNUSED_WAIVER("GDS-POL-009",
      "Remove the waiver, or remove the mandatory rules it is for: a waiver that waives nothing is likely a typo.",
      Requirement.CLS_5),
  /** An invalid combination rule. */
  BAD_COMBINATION_RULE("GDS-POL-010",
      "Name the rule with lower-case letters, digits and dashes, list two or more categories and a raise-to level.",
      Requirement.CLS_2),
  /** A system profile without a name. */
  BAD_SYSTEM_PROFILE("GDS-POL-011", "Give the system profile a name and an owning unit.",
      Requirement.CLS_4);

  private final Spec spec;

  PolicyError(String code, String fix, Requirement... requirements) {
    this.spec = Spec.of(code, fix, requirements);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
