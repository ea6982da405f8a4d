package org.govdatasec.crypto.internal;

import java.security.GeneralSecurityException;

/**
 * The SM algorithms one cryptographic module provides (ST-3). Keys arrive as raw bytes, already
 * validated for size by the public types; engines are created once per key and reused.
 */
public interface Backend {

  /** Length of an SM4-GCM nonce (RFC 8998). */
  int GCM_NONCE_BYTES = 12;
  /** Length of an SM4-GCM tag (RFC 8998). */
  int GCM_TAG_BYTES = 16;

  /**
   * Returns the name reported to users, e.g. {@code "BouncyCastle 1.82 (lightweight API)"}.
   *
   * @return the name
   */
  String name();

  /**
   * Creates an SM4-GCM engine for one key; the key schedule and GHASH tables are computed once.
   *
   * @param key 16 bytes
   * @return a thread-safe engine
   */
  GcmEngine sm4Gcm(byte[] key);

  /**
   * Creates an HMAC-SM3 engine for one key.
   *
   * @param key the key
   * @return a thread-safe engine
   */
  MacEngine hmacSm3(byte[] key);

  /**
   * Hashes with SM3.
   *
   * @param data the data
   * @param off offset
   * @param len length
   * @return 32 bytes
   */
  byte[] sm3(byte[] data, int off, int len);

  /**
   * Starts an incremental SM3 hash.
   *
   * @return a new hasher, for one thread
   */
  Sm3Hasher newSm3();

  /**
   * Signs with SM2 (SM3withSM2, GB/T 35276), signature DER-encoded.
   *
   * @param pkcs8 the private key, PKCS#8 DER
   * @param userId the signer's user id
   * @param message the message
   * @return the DER signature
   * @throws GeneralSecurityException if signing fails
   */
  byte[] sm2Sign(byte[] pkcs8, byte[] userId, byte[] message) throws GeneralSecurityException;

  /**
   * Verifies an SM2 signature.
   *
   * @param spki the public key, X.509 SubjectPublicKeyInfo DER
   * @param userId the signer's user id
   * @param message the message
   * @param signature the DER signature
   * @return whether it verifies
   */
  boolean sm2Verify(byte[] spki, byte[] userId, byte[] message, byte[] signature);

  /** An SM4-GCM engine bound to one key. */
  interface GcmEngine {
    /**
     * Encrypts; output is {@code ciphertext || tag} written at {@code out[outOff]}.
     *
     * @param nonce 12 bytes, fresh for every call
     * @param in plaintext buffer
     * @param inOff offset
     * @param inLen length
     * @param ad associated data, may be empty
     * @param out output buffer with {@code inLen + 16} bytes free from {@code outOff}
     * @param outOff offset
     */
    void encrypt(byte[] nonce, byte[] in, int inOff, int inLen, byte[] ad, byte[] out, int outOff);

    /**
     * Decrypts and verifies; writes the plaintext only when the tag verifies.
     *
     * @param nonce the nonce
     * @param in ciphertext and tag buffer
     * @param inOff offset
     * @param inLen length, at least 16
     * @param ad associated data
     * @return the plaintext
     * @throws GeneralSecurityException when the tag does not verify
     */
    byte[] decrypt(byte[] nonce, byte[] in, int inOff, int inLen, byte[] ad) throws GeneralSecurityException;
  }

  /** An incremental SM3 computation. */
  interface Sm3Hasher {
    /**
     * Adds bytes.
     *
     * @param data the data
     * @param off offset
     * @param len length
     */
    void update(byte[] data, int off, int len);

    /**
     * Adds one byte.
     *
     * @param b the byte
     */
    void update(byte b);

    /**
     * Finishes and resets.
     *
     * @return 32 bytes
     */
    byte[] digest();
  }

  /** An HMAC-SM3 engine bound to one key. */
  interface MacEngine {
    /**
     * Computes the 32-byte tag.
     *
     * @param data the data
     * @param off offset
     * @param len length
     * @return the tag
     */
    byte[] mac(byte[] data, int off, int len);
  }
}
