package org.govdatasec.core.classification;

/**
 * A field's declared sensitivity, overriding its categories' default.
 *
 * @see PiCategory#sensitiveByDefault()
 */
public enum Sensitivity {
  /** Sensitive if any of the field's categories is sensitive by default. */
  DEFAULT,
  /** Sensitive personal information (敏感个人信息), whatever the categories' default. */
  SENSITIVE,
  /**
   * Not sensitive, although a category's default says so. Refused for categories that PIPL art. 28
   * makes sensitive by law ({@code GDS-CLS-006}).
   */
  NOT_SENSITIVE
}
