package org.govdatasec.core.classification;

/**
 * The three levels of data in Chinese data-security law (数据安全法 art. 21), lowest first, so that
 * {@link #compareTo} orders them by severity: {@code GENERAL < IMPORTANT < CORE}.
 *
 * <p>Core and important data are "high-risk" in the sense of the Nanjing rules (with personal information
 * of 1,000,000 people or more): they take the strongest controls (CLS-3). Inside {@link #GENERAL} an
 * agency grades 1 to 4 (see {@link Classification}) to map its provincial guide.
 */
public enum DataLevel {
  /** 一般数据: general data, graded 1 (public) to 4 (highest). */
  GENERAL("一般数据"),
  /** 重要数据: important data. */
  IMPORTANT("重要数据"),
  /** 核心数据: core data. */
  CORE("核心数据");

  private final String chineseName;

  DataLevel(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the name used in the regulations, for example {@code 重要数据}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }

  /**
   * Tells whether this level is high-risk by itself (important or core data).
   *
   * @return true for {@link #IMPORTANT} and {@link #CORE}
   */
  public boolean isHighRisk() {
    return this != GENERAL;
  }
}
