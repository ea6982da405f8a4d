package org.govdatasec.core.governance.consent;

/** The kind of third party a {@link ProcessorGrant} is given to (PI-6, TX-3). */
public enum GranteeKind {
  /** 受托处理者: an outsourced processor processing on the agency's behalf (PIPL art. 21). */
  OUTSOURCED_PROCESSOR("受托处理者"),
  /** 共享对象: another unit the data is shared with (NJ-22). */
  SHARING_PARTNER("共享对象");

  private final String chineseName;

  GranteeKind(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }
}
