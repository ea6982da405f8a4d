package org.govdatasec.crypto.keys;

import java.time.Instant;
import java.util.Objects;

/**
 * The evidence that a data subject's key was destroyed (crypto-shredding, DS-2; the record of object,
 * time and technical method that DS-1 asks for).
 *
 * <p>{@link #verified()} is {@code true} only if, after destruction, a probe ciphertext made under the
 * subject's key just before destruction failed to decrypt with {@code GDS-CRYPTO-008} ("destroyed") and
 * the store held no row for the subject. Hold the proof with the destruction certificate.
 *
 * @param subjectId the data subject whose key was destroyed
 * @param keyId the destroyed key's id
 * @param destroyedAt when the tombstone was written
 * @param store the vault store the key row was deleted from (no credentials)
 * @param tombstoneFile the append-only tombstone file that bars the key from coming back
 * @param verified whether the failed-decryption check passed
 * @param verification what was checked and what it gave
 */
public record DestructionProof(String subjectId, int keyId, Instant destroyedAt, String store, String tombstoneFile,
    boolean verified, String verification) {

  /**
   * Checks the fields.
   *
   * @param subjectId the subject
   * @param keyId the key id
   * @param destroyedAt the time
   * @param store the store
   * @param tombstoneFile the tombstone file
   * @param verified the verification result
   * @param verification its description
   * @throws NullPointerException for a null field
   */
  public DestructionProof {
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(destroyedAt, "destroyedAt");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(tombstoneFile, "tombstoneFile");
    Objects.requireNonNull(verification, "verification");
  }

  /**
   * Returns the key id as an unsigned decimal number.
   *
   * @return the key id text
   */
  public String keyIdText() {
    return Integer.toUnsignedString(keyId);
  }

  /**
   * Describes the proof on several lines, for a log or a certificate.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "DestructionProof (DS-2 crypto-shredding)\n"
        + "  subject:      " + subjectId + "\n"
        + "  key id:       " + keyIdText() + "\n"
        + "  destroyed at: " + destroyedAt + "\n"
        + "  store:        " + store + " (key row deleted)\n"
        + "  tombstone:    " + tombstoneFile + "\n"
        + "  verified:     " + (verified ? "yes" : "NO") + ": " + verification;
  }
}
