package org.govdatasec.audit;

import java.util.Optional;

/**
 * The result of {@link AuditVerifier#verify} (AU-2): valid only when every line, every checkpoint root
 * and every signature holds.
 *
 * @param firstSeq the first sequence number present (0 unless the log was pruned)
 * @param events the number of entries read
 * @param checkpoints the number of signed checkpoints checked
 * @param signedSize the size covered by the latest valid checkpoint (events after it are not yet signed)
 * @param problem the first problem found, by sequence number, or {@code null} if none
 */
public record VerificationReport(long firstSeq, long events, int checkpoints, long signedSize, Problem problem) {

  /**
   * One problem: where and what.
   *
   * @param seq the first bad sequence number (for checkpoint problems: the checkpoint's size)
   * @param kind what is wrong
   * @param detail a precise description (no event content)
   */
  public record Problem(long seq, Tamper kind, String detail) {
    @Override
    public String toString() {
      return kind + " at seq " + seq + ": " + detail;
    }
  }

  /**
   * Tells whether the log verified.
   *
   * @return true if no problem was found
   */
  public boolean valid() {
    return problem == null;
  }

  /**
   * Returns the first problem.
   *
   * @return the problem, or empty if the log verified
   */
  public Optional<Problem> firstProblem() {
    return Optional.ofNullable(problem);
  }

  /**
   * Returns a one-line summary for the command line.
   *
   * @return the summary
   */
  public String summary() {
    String body = "entries " + firstSeq + ".." + (firstSeq + events - 1) + " (" + events + "), " + checkpoints
        + " signed checkpoints, signed up to size " + signedSize;
    return valid() ? "OK: " + body : "FAILED: " + problem + " [" + body + "]";
  }
}
