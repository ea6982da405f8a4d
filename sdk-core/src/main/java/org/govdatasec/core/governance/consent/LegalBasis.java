package org.govdatasec.core.governance.consent;

/**
 * The legal basis of processing personal information (PIPL art. 13). Most agency processing rests on a
 * statutory duty rather than on consent; the model carries the basis, not only consent (PI-2).
 */
public enum LegalBasis {
  /** 个人同意: the subject's consent (PIPL art. 13(1), art. 14). Does not cover sensitive information. */
  CONSENT("个人同意", "PIPL art. 13(1)"),
  /** 单独同意: separate consent, required for sensitive personal information (PIPL art. 29). */
  SEPARATE_CONSENT("单独同意", "PIPL art. 13(1), art. 29"),
  /** 订立、履行合同所必需: necessary to conclude or perform a contract with the subject. */
  CONTRACT("合同所必需", "PIPL art. 13(2)"),
  /** 履行法定职责或者法定义务所必需: necessary for a statutory duty or obligation (most agency work). */
  STATUTORY_DUTY("法定职责", "PIPL art. 13(3), art. 34"),
  /** 应对突发公共卫生事件或紧急情况下保护生命健康和财产安全所必需. */
  PUBLIC_HEALTH_EMERGENCY("突发公共卫生事件", "PIPL art. 13(4)"),
  /** 为公共利益实施新闻报道、舆论监督等行为，在合理的范围内处理. */
  NEWS_PUBLIC_INTEREST("新闻报道与舆论监督", "PIPL art. 13(5)"),
  /** 在合理的范围内处理个人自行公开或者其他已经合法公开的个人信息. */
  DISCLOSED_INFORMATION("已合法公开的信息", "PIPL art. 13(6)"),
  /** 法律、行政法规规定的其他情形. */
  OTHER_LAW("法律法规规定的其他情形", "PIPL art. 13(7)");

  private final String chineseName;
  private final String article;

  LegalBasis(String chineseName, String article) {
    this.chineseName = chineseName;
    this.article = article;
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
   * Returns the article of PIPL the basis comes from.
   *
   * @return the article
   */
  public String article() {
    return article;
  }

  /**
   * Tells whether the basis is the subject's consent; only then can it be withdrawn by the subject, and
   * only then does a child under 14 need a guardian's consent (PI-3, PIPL art. 31).
   *
   * @return true for {@link #CONSENT} and {@link #SEPARATE_CONSENT}
   */
  public boolean consentBased() {
    return this == CONSENT || this == SEPARATE_CONSENT;
  }

  /**
   * Tells whether the basis covers sensitive personal information: every basis but plain
   * {@link #CONSENT} (PIPL art. 29 asks for separate consent).
   *
   * @return false only for {@link #CONSENT}
   */
  public boolean coversSensitive() {
    return this != CONSENT;
  }
}
