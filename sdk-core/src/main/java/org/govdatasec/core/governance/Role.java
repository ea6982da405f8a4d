package org.govdatasec.core.governance;

/**
 * The roles of the approval flow, modelled explicitly for separation of duties (USE-6).
 */
public enum Role {
  /** Asks for an approval and, once approved, carries out the operation (申请人/操作人). */
  REQUESTER("申请人"),
  /** May approve requests (审批人). */
  APPROVER("审批人"),
  /**
   * The data-security inspector (数据安全监督员): may approve, but never data that their own unit owns
   * (NN ch.4: the inspector may not also own the data).
   */
  INSPECTOR("数据安全监督员");

  private final String chineseName;

  Role(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name of the role.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }
}
