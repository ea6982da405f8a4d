package org.govdatasec.core.classification;

/**
 * Categories of personal information (个人信息) that Chinese agency data actually holds, each with its
 * default sensitivity.
 *
 * <p>Sensitivity follows PIPL art. 28 (敏感个人信息: biometrics, religious belief, specific identity,
 * medical health, financial accounts, whereabouts, and the information of minors under 14) and the
 * sensitive-information list of GB/T 35273-2020 appendix B (identity documents, bank cards, criminal
 * records, …). Categories that PIPL art. 28 names itself are {@linkplain #sensitiveByLaw() sensitive by
 * law} and cannot be declared not sensitive; the others can be overridden per field with
 * {@link Sensitivity}.
 *
 * <p>An {@linkplain Kind#IDENTIFIER identifier} category says what format a value has (a resident ID
 * number, a mobile number); a field holds at most one. An {@linkplain Kind#ATTRIBUTE attribute} category
 * says what a value is about (health, religion) and combines freely.
 */
public enum PiCategory {
  /** 姓名: a person's name. */
  NAME("姓名", Kind.IDENTIFIER, false, false, true),
  /** 居民身份证号码: an 18-digit (or legacy 15-digit) resident identity card number. */
  RESIDENT_ID("居民身份证号码", Kind.IDENTIFIER, true, false, true),
  /** 手机号码: a mobile phone number. */
  MOBILE("手机号码", Kind.IDENTIFIER, false, false, true),
  /** 固定电话: a landline number. */
  LANDLINE("固定电话", Kind.IDENTIFIER, false, false, true),
  /** 电子邮箱: an e-mail address. */
  EMAIL("电子邮箱", Kind.IDENTIFIER, false, false, true),
  /** 住址: a postal or residential address. */
  ADDRESS("住址", Kind.IDENTIFIER, false, false, true),
  /** 银行卡号: a bank card number (financial account, sensitive under GB/T 35273). */
  BANK_CARD("银行卡号", Kind.IDENTIFIER, true, false, true),
  /**
   * 统一社会信用代码: an organisation's unified social credit code (GB 32100). It identifies an
   * organisation, not a person, so it is not {@linkplain #personal() personal} information.
   */
  ORG_CREDIT_CODE("统一社会信用代码", Kind.IDENTIFIER, false, false, false),
  /** 护照号码: a passport number. */
  PASSPORT("护照号码", Kind.IDENTIFIER, true, false, true),
  /** 通行证/居住证号码: mainland travel permits for Hong Kong, Macao and Taiwan residents, residence permits. */
  PERMIT("通行证/居住证号码", Kind.IDENTIFIER, true, false, true),
  /** 社会保障卡号: a social security card number. */
  SOCIAL_SECURITY("社会保障卡号", Kind.IDENTIFIER, true, false, true),
  /** 机动车号牌: a vehicle plate. */
  VEHICLE_PLATE("机动车号牌", Kind.IDENTIFIER, false, false, true),
  /** IP地址: an IPv4 or IPv6 address. */
  IP_ADDRESS("IP地址", Kind.IDENTIFIER, false, false, true),
  /** 出生日期: a date of birth. */
  BIRTH_DATE("出生日期", Kind.IDENTIFIER, false, false, true),
  /** 性别: gender. */
  GENDER("性别", Kind.ATTRIBUTE, false, false, true),
  /** 民族: ethnic group. */
  ETHNICITY("民族", Kind.ATTRIBUTE, false, false, true),
  /** 户籍: household registration (hukou). */
  HOUSEHOLD_REGISTRATION("户籍", Kind.ATTRIBUTE, false, false, true),
  /** 教育/工作经历: education and employment. */
  EDUCATION_EMPLOYMENT("教育/工作经历", Kind.ATTRIBUTE, false, false, true),
  /** 婚姻状况: marital status and history. */
  MARITAL_STATUS("婚姻状况", Kind.ATTRIBUTE, true, false, true),
  /** 个人财产信息: income, property, tax and credit records. */
  PROPERTY("个人财产信息", Kind.ATTRIBUTE, true, false, true),
  /** 通信记录和内容: communication records and content. */
  COMMUNICATION("通信记录和内容", Kind.ATTRIBUTE, true, false, true),
  /** 违法犯罪记录: records of offences and criminal convictions. */
  CRIMINAL_RECORD("违法犯罪记录", Kind.ATTRIBUTE, true, false, true),
  /** 生物识别信息: biometrics (face, fingerprint, iris, voice print, gene). */
  BIOMETRIC("生物识别信息", Kind.ATTRIBUTE, true, true, true),
  /** 宗教信仰: religious belief. */
  RELIGION("宗教信仰", Kind.ATTRIBUTE, true, true, true),
  /** 特定身份: specific identity (disability, veteran, subsistence-allowance status, …). */
  SPECIFIC_IDENTITY("特定身份", Kind.ATTRIBUTE, true, true, true),
  /** 医疗健康信息: medical and health information. */
  HEALTH("医疗健康信息", Kind.ATTRIBUTE, true, true, true),
  /** 金融账户信息: financial account information (balances, transactions, account numbers). */
  FINANCIAL_ACCOUNT("金融账户信息", Kind.ATTRIBUTE, true, true, true),
  /** 行踪轨迹/精准定位: whereabouts and precise location. */
  PRECISE_LOCATION("行踪轨迹/精准定位", Kind.ATTRIBUTE, true, true, true),
  /** 不满十四周岁未成年人的个人信息: personal information of a child under 14 (PI-3). */
  MINORS("未成年人信息", Kind.ATTRIBUTE, true, true, true),
  /** 其他个人信息: other personal information. */
  OTHER("其他个人信息", Kind.ATTRIBUTE, false, false, true);

  /** Whether a category names a value's format or what the value is about. */
  public enum Kind {
    /** The category is a format (ID number, mobile, …): a field holds at most one identifier category. */
    IDENTIFIER,
    /** The category describes the content (health, religion, …) and combines with any other. */
    ATTRIBUTE
  }

  private final String chineseName;
  private final Kind kind;
  private final boolean sensitiveByDefault;
  private final boolean sensitiveByLaw;
  private final boolean personal;

  PiCategory(String chineseName, Kind kind, boolean sensitiveByDefault, boolean sensitiveByLaw, boolean personal) {
    this.chineseName = chineseName;
    this.kind = kind;
    this.sensitiveByDefault = sensitiveByDefault;
    this.sensitiveByLaw = sensitiveByLaw;
    this.personal = personal;
  }

  /**
   * Returns the Chinese name of the category.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }

  /**
   * Returns whether the category is a format or an attribute.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Tells whether information of this category is sensitive unless a field declares otherwise.
   *
   * @return the default sensitivity (PIPL art. 28, GB/T 35273 appendix B)
   */
  public boolean sensitiveByDefault() {
    return sensitiveByDefault;
  }

  /**
   * Tells whether PIPL art. 28 itself makes this category sensitive; such a category cannot be declared
   * {@link Sensitivity#NOT_SENSITIVE} ({@code GDS-CLS-006}).
   *
   * @return true if sensitive by statute
   */
  public boolean sensitiveByLaw() {
    return sensitiveByLaw;
  }

  /**
   * Tells whether the category is information about a natural person. Only {@link #ORG_CREDIT_CODE} is
   * not: it identifies an organisation.
   *
   * @return true for personal information
   */
  public boolean personal() {
    return personal;
  }
}
