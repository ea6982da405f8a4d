package org.govdatasec.core.governance.destruction;

/**
 * The application's callback that deletes a subject's rows once their keys are destroyed (DS-1).
 */
@FunctionalInterface
public interface RowDeleter {

  /**
   * Deletes the subject's rows in the dataset.
   *
   * @param dataset the dataset
   * @param subjectId the data subject
   * @return the number of rows deleted
   * @throws RuntimeException if deletion failed; the destruction then fails and no certificate is issued
   */
  long deleteRows(String dataset, String subjectId);
}
