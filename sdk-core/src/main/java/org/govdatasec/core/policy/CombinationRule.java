package org.govdatasec.core.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;

/**
 * Items that together raise a dataset's level (CLS-2: "多项数据共同影响数据分级"). When a dataset holds
 * every category of {@link #allOf()}, its level is at least {@link #raiseTo()}, and if {@link #sensitive()}
 * it counts as sensitive personal information.
 *
 * <p>Example: name, resident ID number and address together identify and locate a person.
 *
 * @param name a short unique name, for example {@code identity-and-address}
 * @param allOf the categories that must all be present, at least two
 * @param raiseTo the lowest classification of a dataset holding all of them
 * @param sensitive whether the combination is sensitive personal information
 */
public record CombinationRule(String name, Set<PiCategory> allOf, Classification raiseTo, boolean sensitive) {

  /**
   * Validates the rule.
   *
   * @param name a short unique name, for example {@code identity-and-address}
   * @param allOf the categories that must all be present, at least two
   * @param raiseTo the lowest classification of a dataset holding all of them
   * @param sensitive whether the combination is sensitive personal information
   * @throws PolicyException {@code GDS-POL-010} for a blank name or fewer than two categories
   */
  public CombinationRule {
    if (name == null || name.isBlank() || !name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new PolicyException(PolicyError.BAD_COMBINATION_RULE,
          "combination rule name '" + name + "' is not lower-case letters, digits and dashes.", null);
    }
    Objects.requireNonNull(allOf, "allOf");
    if (allOf.size() < 2) {
      throw new PolicyException(PolicyError.BAD_COMBINATION_RULE,
          "combination rule '" + name + "' lists " + allOf.size() + " categories; a combination needs two or more.",
          null);
    }
    allOf = Collections.unmodifiableSet(EnumSet.copyOf(allOf));
    Objects.requireNonNull(raiseTo, "raiseTo");
  }

  /**
   * Tells whether a dataset holding these categories triggers the rule.
   *
   * @param categories the categories the dataset holds
   * @return true if it holds all of {@link #allOf()}
   */
  public boolean matches(Set<PiCategory> categories) {
    return categories.containsAll(allOf);
  }
}
