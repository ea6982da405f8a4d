package org.govdatasec.masking;

/**
 * What masked data is for; each profile has its default strategy per personal-information category
 * ({@link DefaultRules}, table in {@code docs/masking.md}).
 */
public enum Profile {
  /** Fixtures for development, testing and demos (USE-5): format-valid, joinable pseudonyms. */
  TEST_FIXTURE,
  /** Showing a value on a screen or a printout (PI-5): partial masks a person can recognise. */
  DISPLAY,
  /** Data handed to another party (PI-5, PI-6, TX-3): keyed hashes and generalisations. */
  EXPORT
}
