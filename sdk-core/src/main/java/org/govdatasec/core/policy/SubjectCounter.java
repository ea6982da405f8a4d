package org.govdatasec.core.policy;

/**
 * Port: how many distinct data subjects (natural persons) a system holds personal information about.
 *
 * <p>The policy engine reads it on every assessment, so the high-risk controls switch on as soon as a
 * system reaches the threshold (CLS-3). sdk-crypto's subject key vault implements it; a fixed count is
 * {@code () -> 1_200_000L}. Implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface SubjectCounter {

  /**
   * Returns the current number of data subjects.
   *
   * @return the count, 0 or more
   */
  long subjects();
}
