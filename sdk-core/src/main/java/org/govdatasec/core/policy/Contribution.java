package org.govdatasec.core.policy;

import java.util.Objects;
import org.govdatasec.core.classification.Classification;

/**
 * One reason a dataset is at least at some classification: a declared level, a personal-information
 * floor, a nested type or a combination rule. The highest contributions decide the effective level
 * (就高从严, CLS-2).
 *
 * @param source where it comes from: a field name, {@code "(type)"} or {@code "combination:<name>"}
 * @param classification the classification it sets as a floor
 * @param why a readable explanation, for example {@code "personal information [RESIDENT_ID], sensitive"}
 */
public record Contribution(String source, Classification classification, String why) {

  /**
   * Validates the value.
   *
   * @param source where it comes from: a field name, {@code "(type)"} or {@code "combination:<name>"}
   * @param classification the classification it sets as a floor
   * @param why a readable explanation, for example {@code "personal information [RESIDENT_ID], sensitive"}
   * @throws NullPointerException if a component is missing
   */
  public Contribution {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(why, "why");
  }

  @Override
  public String toString() {
    return source + " -> " + classification + " (" + why + ")";
  }
}
