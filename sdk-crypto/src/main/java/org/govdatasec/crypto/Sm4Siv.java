package org.govdatasec.crypto;

import com.google.crypto.tink.DeterministicAead;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.govdatasec.crypto.internal.Siv;

/**
 * SM4-SIV: <strong>deterministic</strong> authenticated encryption (RFC 5297's SIV construction with SM4
 * in place of AES). The same plaintext and associated data under the same key always give the same
 * ciphertext, so equal values can be found by equality on the encrypted column.
 *
 * <p>Deterministic means it reveals which stored values are equal. Use it only where an equality join
 * must run on the ciphertext itself; to look up an encrypted column prefer SM4-GCM with a
 * {@code BlindIndex}, which reveals less. The 32-byte key is two SM4 keys: the first keys S2V (CMAC-SM4),
 * the second keys CTR. Output: {@code V (16) || C}. Implements Tink's {@link DeterministicAead}.
 * Computed with Bouncy Castle regardless of the chosen {@link CryptoProvider}.
 */
public final class Sm4Siv implements DeterministicAead {
  /** Key size in bytes (two SM4 keys). */
  public static final int KEY_BYTES = 32;
  /** Bytes a ciphertext adds to its plaintext. */
  public static final int OVERHEAD = 16;

  private final Siv siv;

  private Sm4Siv(Siv siv) {
    this.siv = siv;
  }

  /**
   * Creates the cipher.
   *
   * @param key 32 bytes
   * @return the cipher
   * @throws CryptoException {@code GDS-CRYPTO-002} for a key of another size
   */
  public static Sm4Siv create(SecretBytes key) {
    byte[] k = Keys.raw(key, KEY_BYTES, KEY_BYTES, "SM4-SIV");
    try {
      return new Sm4Siv(new Siv(SM4Engine::new, k));
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  /**
   * Encrypts deterministically.
   *
   * @param plaintext the plaintext, not null
   * @param associatedData authenticated, not encrypted; {@code null} means empty
   * @return {@code V || C}
   */
  @Override
  public byte[] encryptDeterministically(byte[] plaintext, byte[] associatedData) {
    if (plaintext == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null plaintext was given to SM4-SIV.");
    }
    return siv.encrypt(plaintext, associatedData == null ? new byte[0] : associatedData);
  }

  /**
   * Decrypts and verifies.
   *
   * @param ciphertext {@code V || C}
   * @param associatedData the associated data given at encryption
   * @return the plaintext
   * @throws GeneralSecurityException if the value is too short, modified or bound to other data
   */
  @Override
  public byte[] decryptDeterministically(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    if (ciphertext == null) {
      throw new GeneralSecurityException("null ciphertext");
    }
    return siv.decrypt(ciphertext, associatedData == null ? new byte[0] : associatedData);
  }

  @Override
  public String toString() {
    return "Sm4Siv[deterministic, RFC 5297 construction]";
  }
}
