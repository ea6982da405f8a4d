package org.govdatasec.core.governance.destruction;

/**
 * The key-shredder port (DS-2): "destroy this subject's keys, and prove it". sdk-crypto's subject key
 * vault implements it (its {@code destroy(subjectId)} result maps one-to-one onto {@link ShredProof});
 * the vault must tombstone destroyed keys so that a restored backup cannot bring them back.
 * Destroying the keys of a subject whose keys are already destroyed succeeds again with a proof.
 */
@FunctionalInterface
public interface KeyShredder {

  /**
   * Destroys every data key of a subject.
   *
   * @param subjectId the data subject
   * @return the proof of destruction
   * @throws RuntimeException if the keys could not be destroyed; the destruction then fails closed
   */
  ShredProof shred(String subjectId);
}
