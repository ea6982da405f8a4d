package org.govdatasec.core.governance.destruction;

import java.time.Instant;
import java.util.Objects;

/**
 * The key vault's proof that a subject's keys were destroyed (DS-2).
 *
 * @param subjectId the data subject
 * @param keyId the destroyed key's id (or ids, comma-separated)
 * @param destroyedAt when
 * @param store which vault or key store
 * @param verified whether the vault checked that the key can no longer be loaded (tombstoned, material gone)
 */
public record ShredProof(String subjectId, String keyId, Instant destroyedAt, String store, boolean verified) {

  /**
   * Validates.
   *
   * @param subjectId the subject
   * @param keyId the key id
   * @param destroyedAt when
   * @param store the store
   * @param verified verified
   */
  public ShredProof {
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(destroyedAt, "destroyedAt");
    Objects.requireNonNull(store, "store");
  }
}
