package org.govdatasec.crypto;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import org.govdatasec.crypto.internal.Backend;
import org.govdatasec.crypto.internal.SecureRandoms;

/**
 * SM4-GCM authenticated encryption with the parameters of RFC 8998: a 16-byte key, a 12-byte random
 * nonce and a 16-byte tag (ST-2, ST-3).
 *
 * <p>Misuse-resistant by construction: the caller never passes a nonce, mode or padding. Every call to
 * {@link #encrypt} draws a fresh nonce and returns {@code nonce (12) || ciphertext || tag (16)};
 * {@link #decrypt} returns the plaintext only if the tag verifies (compared in constant time), and no
 * partial plaintext otherwise. The key schedule and GHASH tables are computed once per instance, so keep
 * the instance. Thread-safe.
 *
 * <p>It implements Tink's {@link Aead}: code that takes a Tink {@code Aead} (a key-encryption key, for
 * example) takes this. Random 96-bit nonces keep the collision risk below 2<sup>-32</sup> up to
 * 2<sup>32</sup> messages per key (NIST SP 800-38D); rotate keys (see {@code Keyset}) well before that.
 */
public final class Sm4Gcm implements Aead {
  /** Key size in bytes. */
  public static final int KEY_BYTES = 16;
  /** Nonce size in bytes (RFC 8998). */
  public static final int NONCE_BYTES = Backend.GCM_NONCE_BYTES;
  /** Tag size in bytes (RFC 8998). */
  public static final int TAG_BYTES = Backend.GCM_TAG_BYTES;
  /** Bytes a ciphertext adds to its plaintext. */
  public static final int OVERHEAD = NONCE_BYTES + TAG_BYTES;

  private static final byte[] EMPTY = new byte[0];

  private final Backend.GcmEngine engine;

  private Sm4Gcm(Backend.GcmEngine engine) {
    this.engine = engine;
  }

  /**
   * Creates the cipher with the default provider.
   *
   * @param key a 16-byte key
   * @return the cipher
   * @throws CryptoException {@code GDS-CRYPTO-002} for a key of another size
   */
  public static Sm4Gcm create(SecretBytes key) {
    return create(key, CryptoProvider.defaultProvider());
  }

  /**
   * Creates the cipher in a chosen provider.
   *
   * @param key a 16-byte key
   * @param provider the cryptographic module
   * @return the cipher
   * @throws CryptoException {@code GDS-CRYPTO-002} for a key of another size
   */
  public static Sm4Gcm create(SecretBytes key, CryptoProvider provider) {
    byte[] k = Keys.raw(key, KEY_BYTES, KEY_BYTES, "SM4-GCM");
    try {
      return new Sm4Gcm(provider.backend().sm4Gcm(k));
    } finally {
      java.util.Arrays.fill(k, (byte) 0);
    }
  }

  /**
   * Encrypts under a fresh random nonce.
   *
   * @param plaintext the plaintext, may be empty, not null
   * @param associatedData authenticated but not encrypted; {@code null} means empty
   * @return {@code nonce || ciphertext || tag}
   */
  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    if (plaintext == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null plaintext was given to SM4-GCM.");
    }
    byte[] out = new byte[NONCE_BYTES + plaintext.length + TAG_BYTES];
    encryptInto(plaintext, 0, plaintext.length, associatedData, out, 0);
    return out;
  }

  /**
   * Encrypts into a buffer: draws the nonce, writes it, then the ciphertext and tag after it.
   *
   * @param in plaintext buffer
   * @param inOff offset
   * @param inLen length
   * @param associatedData associated data, {@code null} means empty
   * @param out output buffer with {@code inLen + OVERHEAD} bytes free from {@code outOff}
   * @param outOff offset at which {@code nonce || ciphertext || tag} is written
   */
  private void encryptInto(byte[] in, int inOff, int inLen, byte[] associatedData, byte[] out, int outOff) {
    byte[] nonce = new byte[NONCE_BYTES];
    SecureRandoms.get().nextBytes(nonce);
    System.arraycopy(nonce, 0, out, outOff, NONCE_BYTES);
    engine.encrypt(nonce, in, inOff, inLen, associatedData == null ? EMPTY : associatedData, out, outOff + NONCE_BYTES);
  }

  /**
   * Decrypts and verifies.
   *
   * @param ciphertext {@code nonce || ciphertext || tag}
   * @param associatedData the associated data given to {@code encrypt}; {@code null} means empty
   * @return the plaintext
   * @throws GeneralSecurityException if the value is too short or the tag does not verify
   */
  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    if (ciphertext == null) {
      throw new GeneralSecurityException("null ciphertext");
    }
    return decryptFrom(ciphertext, 0, ciphertext.length, associatedData);
  }

  private byte[] decryptFrom(byte[] in, int off, int len, byte[] associatedData) throws GeneralSecurityException {
    if (len < OVERHEAD) {
      throw new GeneralSecurityException("ciphertext too short");
    }
    byte[] nonce = java.util.Arrays.copyOfRange(in, off, off + NONCE_BYTES);
    return engine.decrypt(nonce, in, off + NONCE_BYTES, len - NONCE_BYTES,
        associatedData == null ? EMPTY : associatedData);
  }

  @Override
  public String toString() {
    return "Sm4Gcm[RFC 8998, 12-byte random nonce, 16-byte tag]";
  }
}
