package org.govdatasec.crypto.keys;

import com.google.crypto.tink.Aead;

/**
 * Per-subject data keys for crypto-shredding (DS-2): each data subject's protected values are encrypted
 * under that subject's own key, so destroying one key makes exactly that subject's data unreadable.
 *
 * <p>The returned {@link Aead} writes the versioned ciphertext layout of {@code docs/formats.md}
 * ({@code 0x01 | keyId | nonce | ciphertext | tag}) and fails closed: after the subject's key is
 * destroyed, decryption fails with {@code GDS-CRYPTO-008} ("destroyed"), never with a tampering error.
 */
public interface SubjectKeyProvider {

  /**
   * Returns the subject's AEAD, creating (and storing, wrapped) the subject's key on first use.
   *
   * @param subjectId the data subject's identifier (the {@code @DataSubjectId} value)
   * @return the AEAD under the subject's key
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-008} if the subject's key was destroyed
   */
  Aead aeadFor(String subjectId);

  /**
   * Returns the subject's AEAD without ever creating a key.
   *
   * @param subjectId the data subject's identifier
   * @return the AEAD under the subject's existing key
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-008} if destroyed, {@code GDS-CRYPTO-006}
   *     if the subject never had a key
   */
  Aead existingAeadFor(String subjectId);
}
