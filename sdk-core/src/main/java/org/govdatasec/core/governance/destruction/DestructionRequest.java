package org.govdatasec.core.governance.destruction;

import java.util.LinkedHashSet;
import java.util.List;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.Official;
import org.govdatasec.core.policy.Assessment;

/**
 * A request to destroy the data of some subjects in a dataset (DS-1): what, why, on which legal basis,
 * asked by whom, at which level.
 *
 * @param dataset the dataset (object of destruction)
 * @param subjectIds the data subjects whose data is destroyed, distinct, at least one
 * @param reason why (for example the retention period ended, DS-3)
 * @param legalBasis the law, regulation or contract clause that requires or allows it
 * @param requester who asks (and runs it, as the ticket's requester)
 * @param level the dataset's classification
 * @param highRisk whether the data is high-risk (important or core data, or personal information of
 *     1,000,000 people or more, CLS-3)
 */
public record DestructionRequest(String dataset, List<String> subjectIds, String reason, String legalBasis,
    Official requester, Classification level, boolean highRisk) {

  /**
   * Validates.
   *
   * @param dataset the dataset
   * @param subjectIds the subjects
   * @param reason the reason
   * @param legalBasis the basis
   * @param requester the requester
   * @param level the level
   * @param highRisk high-risk
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-022} for a missing value or a
   *     repeated subject, or important/core data not marked high-risk
   */
  public DestructionRequest {
    if (blank(dataset) || subjectIds == null || subjectIds.isEmpty() || subjectIds.stream().anyMatch(
        DestructionRequest::blank) || new LinkedHashSet<>(subjectIds).size() != subjectIds.size() || blank(reason)
        || blank(legalBasis) || requester == null || level == null || (level.isHighRisk() && !highRisk)) {
      throw GovernanceError.BAD_DESTRUCTION_REQUEST.exception("Destruction request refused: it needs a dataset,"
          + " distinct subject ids (at least one), a reason, a legal basis, a requester and a level; important and"
          + " core data are high-risk.");
    }
    subjectIds = List.copyOf(subjectIds);
  }

  /**
   * Creates a request for a type assessed by the policy engine, taking its level and high-risk verdict.
   *
   * @param assessment the type's assessment ({@code PolicyEngine.assess})
   * @param dataset the dataset
   * @param subjectIds the subjects
   * @param reason the reason
   * @param legalBasis the legal basis
   * @param requester the requester
   * @return the request
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-022} if the type is
   *     unclassified or a value is missing
   */
  public static DestructionRequest of(Assessment assessment, String dataset, List<String> subjectIds, String reason,
      String legalBasis, Official requester) {
    Classification level = assessment.effective().orElseThrow(() -> GovernanceError.BAD_DESTRUCTION_REQUEST
        .exception("Destruction request refused: " + assessment.schema().simpleName() + " is unclassified (CLS-1)."));
    return new DestructionRequest(dataset, subjectIds, reason, legalBasis, requester, level, assessment.highRisk());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
