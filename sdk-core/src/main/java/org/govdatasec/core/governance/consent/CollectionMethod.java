package org.govdatasec.core.governance.consent;

/** How an authorisation was obtained, kept as evidence (PI-4). */
public enum CollectionMethod {
  /** 书面: a signed paper form, filed under the evidence reference. */
  WRITTEN_FORM("书面签字"),
  /** 电子签名: an electronic signature. */
  ELECTRONIC_SIGNATURE("电子签名"),
  /** 在线勾选: an online consent action (checkbox and confirmation), logged under the evidence reference. */
  ONLINE_CONSENT("在线勾选"),
  /** 录音录像: an oral consent, recorded. */
  RECORDED_ORAL("录音录像"),
  /** 依法履职: no consent collected; the evidence reference names the statute, contract or decision. */
  BY_LAW("依法履职");

  private final String chineseName;

  CollectionMethod(String chineseName) {
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
