package org.govdatasec.samples.registry;

/** Where a {@link Application} stands in its processing (办理状态). */
public enum ApplicationStatus {
  /** 已受理: received and registered. */
  RECEIVED("已受理"),
  /** 审核中: under review (household income check, home visit). */
  UNDER_REVIEW("审核中"),
  /** 已批准: approved; the allowance is paid monthly. */
  APPROVED("已批准"),
  /** 已驳回: rejected, with a reason given to the applicant. */
  REJECTED("已驳回");

  private final String chineseName;

  ApplicationStatus(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the status as shown to applicants.
   *
   * @return the Chinese name, for example 审核中
   */
  public String chineseName() {
    return chineseName;
  }
}
