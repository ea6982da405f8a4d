package org.govdatasec.core.governance.approval;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.governance.GovernanceError;

/**
 * How many distinct approvers each data level needs (N of M), above how many records an operation needs
 * a ticket, and how long a ticket may be valid (USE-1, USE-2).
 *
 * <p>Defaults: 1 approver for GENERAL, 2 for IMPORTANT and CORE; a ticket above 1,000 records of GENERAL
 * data, above 100 of IMPORTANT data and for any operation on CORE data (threshold 0); tickets valid at
 * most 7 days. Data that is high-risk by subject volume (personal information of 1,000,000 people or
 * more, CLS-3) counts as IMPORTANT for both approvers and threshold.
 *
 * @param approvers the number of approvers per level
 * @param thresholds the record count per level above which a ticket is required
 * @param maxValidity the longest validity a ticket may have
 */
public record ApprovalPolicy(Map<DataLevel, Integer> approvers, Map<DataLevel, Long> thresholds,
    Duration maxValidity) {

  /**
   * Validates the policy.
   *
   * @param approvers approvers per level
   * @param thresholds thresholds per level
   * @param maxValidity the longest validity
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-011} if a level is missing, an
   *     approver count is below 1, a higher level needs fewer approvers or has a higher threshold than a
   *     lower one, a threshold is negative, or the validity is not positive
   */
  public ApprovalPolicy {
    approvers = Map.copyOf(approvers);
    thresholds = Map.copyOf(thresholds);
    Objects.requireNonNull(maxValidity, "maxValidity");
    int lastN = 0;
    long lastT = Long.MAX_VALUE;
    for (DataLevel l : DataLevel.values()) {
      Integer n = approvers.get(l);
      Long t = thresholds.get(l);
      if (n == null || t == null || n < 1 || n < lastN || t < 0 || t > lastT) {
        throw GovernanceError.BAD_APPROVAL_REQUEST.exception("Approval policy refused at level " + l + ": every level"
            + " needs 1 or more approvers and a threshold of 0 or more; a higher level may not need fewer approvers"
            + " or allow more records without a ticket.");
      }
      lastN = n;
      lastT = t;
    }
    if (maxValidity.isZero() || maxValidity.isNegative()) {
      throw GovernanceError.BAD_APPROVAL_REQUEST.exception("Approval policy refused: the maximum ticket validity "
          + "must be positive.");
    }
  }

  /**
   * Returns the default policy.
   *
   * @return 1/2/2 approvers, thresholds 1,000/100/0 records, 7 days
   */
  public static ApprovalPolicy defaults() {
    return builder().build();
  }

  /**
   * Starts a builder holding the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the level that counts for approval: the data level, or IMPORTANT for GENERAL data that is
   * high-risk by volume.
   *
   * @param level the data level
   * @param highRiskByVolume whether the system holds personal information of 1,000,000 people or more
   * @return the level to apply
   */
  public static DataLevel approvalLevel(DataLevel level, boolean highRiskByVolume) {
    return level == DataLevel.GENERAL && highRiskByVolume ? DataLevel.IMPORTANT : level;
  }

  /**
   * Returns the approvers needed at a level.
   *
   * @param level the approval level
   * @return the number of distinct approvers
   */
  public int approversFor(DataLevel level) {
    return approvers.get(level);
  }

  /**
   * Returns the threshold at a level: operations on more records need a ticket.
   *
   * @param level the approval level
   * @return the threshold
   */
  public long thresholdFor(DataLevel level) {
    return thresholds.get(level);
  }

  /** Builds an {@link ApprovalPolicy}, starting from the defaults. */
  public static final class Builder {
    private final Map<DataLevel, Integer> approvers = new EnumMap<>(Map.of(DataLevel.GENERAL, 1,
        DataLevel.IMPORTANT, 2, DataLevel.CORE, 2));
    private final Map<DataLevel, Long> thresholds = new EnumMap<>(Map.of(DataLevel.GENERAL, 1_000L,
        DataLevel.IMPORTANT, 100L, DataLevel.CORE, 0L));
    private Duration maxValidity = Duration.ofDays(7);

    private Builder() {}

    /**
     * Sets the number of approvers of a level.
     *
     * @param level the level
     * @param count the number of distinct approvers
     * @return this builder
     */
    public Builder approvers(DataLevel level, int count) {
      approvers.put(Objects.requireNonNull(level, "level"), count);
      return this;
    }

    /**
     * Sets the threshold of a level.
     *
     * @param level the level
     * @param records operations on more records need a ticket
     * @return this builder
     */
    public Builder threshold(DataLevel level, long records) {
      thresholds.put(Objects.requireNonNull(level, "level"), records);
      return this;
    }

    /**
     * Sets the longest validity of a ticket.
     *
     * @param value the validity
     * @return this builder
     */
    public Builder maxValidity(Duration value) {
      this.maxValidity = value;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-011} if inconsistent
     */
    public ApprovalPolicy build() {
      return new ApprovalPolicy(approvers, thresholds, maxValidity);
    }
  }
}
