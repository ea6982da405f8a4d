package org.govdatasec.core.policy;

import java.util.Objects;

/**
 * An explicit, recorded decision not to apply a control the regulations mandate.
 *
 * <p>A policy that removes a {@linkplain Strength#MANDATORY mandatory} rule is refused unless a waiver for
 * that control says why, who approved it and where the decision is filed. Every waiver is logged when the
 * policy is built and reported in every {@link Assessment} it affects.
 *
 * @param control the control waived
 * @param reason why the control does not apply, for example the compensating control in place
 * @param approvedBy who approved the waiver (name and role)
 * @param reference where the decision is filed, for example a document number
 */
public record Waiver(Control control, String reason, String approvedBy, String reference) {

  /**
   * Validates the waiver: reason, approver and reference are all required.
   *
   * @param control the control waived
   * @param reason why the control does not apply, for example the compensating control in place
   * @param approvedBy who approved the waiver (name and role)
   * @param reference where the decision is filed, for example a document number
   * @throws PolicyException {@code GDS-POL-002} if any of them is blank
   */
  public Waiver {
    Objects.requireNonNull(control, "control");
    if (blank(reason) || blank(approvedBy) || blank(reference)) {
      throw new PolicyException(PolicyError.INCOMPLETE_WAIVER,
          "the waiver of " + control + " lacks a reason, an approver or a reference.", null);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Returns a one-line description for logs and reports. */
  @Override
  public String toString() {
    return "waiver of " + control + " approved by " + approvedBy + " (" + reference + "): " + reason;
  }
}
