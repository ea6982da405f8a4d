package org.govdatasec.core.governance.destruction;

/**
 * The callback that proves destruction (DS-2): after the keys are destroyed and the rows deleted, it tries
 * to decrypt every protected value of the subject it can still find (ciphertexts captured before
 * deletion, backups, replicas, exports) and reports how many still decrypt. The application or the
 * sdk-crypto adapter supplies it; sdk-core has no cryptography.
 */
@FunctionalInterface
public interface DecryptionCheck {

  /**
   * Tries to decrypt the subject's protected values.
   *
   * @param subjectId the data subject
   * @return how many values were tried and how many still decrypted
   * @throws RuntimeException if the check could not run; the destruction then counts as not verified
   */
  Result check(String subjectId);

  /**
   * The outcome of a check.
   *
   * @param valuesChecked how many protected values were tried
   * @param valuesReadable how many of them still decrypted (must be 0)
   */
  record Result(long valuesChecked, long valuesReadable) {

    /**
     * Validates.
     *
     * @param valuesChecked tried
     * @param valuesReadable still readable
     * @throws IllegalArgumentException for negative counts or more readable than checked
     */
    public Result {
      if (valuesChecked < 0 || valuesReadable < 0 || valuesReadable > valuesChecked) {
        throw new IllegalArgumentException("counts must be 0 or more, readable at most checked");
      }
    }
  }
}
