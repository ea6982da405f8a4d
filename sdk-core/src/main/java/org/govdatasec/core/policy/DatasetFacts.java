package org.govdatasec.core.policy;

import java.util.Objects;
import org.govdatasec.core.classification.Classification;

/**
 * What the policy needs to know about a dataset to decide its controls: its effective classification
 * and what personal information it holds.
 *
 * @param classification the effective classification (就高从严)
 * @param personalInformation whether it holds personal information
 * @param sensitivePersonalInformation whether it holds sensitive personal information
 * @param minors whether it holds information of children under 14
 * @param highRisk whether it is high-risk: important or core data, or personal information in a system
 *     holding 1,000,000 or more subjects (CLS-3)
 */
public record DatasetFacts(
    Classification classification,
    boolean personalInformation,
    boolean sensitivePersonalInformation,
    boolean minors,
    boolean highRisk) {

  /**
   * Validates the facts: minors' data is sensitive, sensitive data is personal, and important or core data is high-risk.
   *
   * @param classification the effective classification (就高从严)
   * @param personalInformation whether it holds personal information
   * @param sensitivePersonalInformation whether it holds sensitive personal information
   * @param minors whether it holds information of children under 14
   * @param highRisk whether it is high-risk: important or core data, or personal information in a system holding 1,000,000 or more subjects (CLS-3)
   * @throws IllegalArgumentException if the facts contradict each other
   */
  public DatasetFacts {
    Objects.requireNonNull(classification, "classification");
    if (minors && !sensitivePersonalInformation) {
      throw new IllegalArgumentException("minors' data is sensitive personal information");
    }
    if (sensitivePersonalInformation && !personalInformation) {
      throw new IllegalArgumentException("sensitive personal information is personal information");
    }
    if (classification.isHighRisk() && !highRisk) {
      throw new IllegalArgumentException("important and core data are high-risk");
    }
  }
}
