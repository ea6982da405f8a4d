package org.govdatasec.core.governance.transfer;

/**
 * Where data goes (TX-4). Everything outside mainland China counts as cross-border, Hong Kong, Macao and
 * Taiwan included, as the cross-border data rules treat them.
 */
public enum Region {
  /** 中国境内 (mainland China). */
  MAINLAND("中国境内（大陆）", false),
  /** 香港特别行政区. */
  HONG_KONG("香港", true),
  /** 澳门特别行政区. */
  MACAO("澳门", true),
  /** 台湾地区. */
  TAIWAN("台湾", true),
  /** 境外其他国家或地区. */
  ABROAD("境外", true);

  private final String chineseName;
  private final boolean crossBorder;

  Region(String chineseName, boolean crossBorder) {
    this.chineseName = chineseName;
    this.crossBorder = crossBorder;
  }

  /**
   * Returns the Chinese name.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }

  /**
   * Tells whether sending data there is a cross-border transfer.
   *
   * @return true for every region but mainland China
   */
  public boolean crossBorder() {
    return crossBorder;
  }
}
