package org.govdatasec.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Secret key material: immutable, never printed, compared in constant time, and zeroed on
 * {@link #destroy()}.
 *
 * <p>The bytes leave only through {@link #toByteArray(SecretKeyAccess)}, which returns a copy. After
 * {@code destroy()} every read fails with {@link CryptoError#KEY_DESTROYED}: key material of a shredded
 * subject is gone from memory, not only from the store (DS-2).
 */
public final class SecretBytes implements Destroyable {
  private final byte[] bytes;
  private volatile boolean destroyed;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Creates fresh random key material from the platform's {@link java.security.SecureRandom}.
   *
   * @param size the number of bytes, 1 or more
   * @return the new secret
   */
  public static SecretBytes random(int size) {
    if (size < 1) {
      throw CryptoError.INVALID_ARGUMENT.exception("a secret of " + size + " bytes was requested.");
    }
    byte[] b = new byte[size];
    org.govdatasec.crypto.internal.SecureRandoms.get().nextBytes(b);
    return new SecretBytes(b);
  }

  /**
   * Copies existing key material. The caller should zero its own array afterwards.
   *
   * @param bytes the key material, 1 byte or more
   * @param access the token that marks raw key handling
   * @return the secret
   */
  public static SecretBytes copyFrom(byte[] bytes, SecretKeyAccess access) {
    SecretKeyAccess.require(access);
    if (bytes == null || bytes.length == 0) {
      throw CryptoError.INVALID_ARGUMENT.exception("empty or null key material.");
    }
    return new SecretBytes(bytes.clone());
  }

  /**
   * Returns a copy of the key material. The caller should zero it when done.
   *
   * @param access the token that marks raw key handling
   * @return a copy of the bytes
   */
  public byte[] toByteArray(SecretKeyAccess access) {
    SecretKeyAccess.require(access);
    return checked().clone();
  }

  /**
   * Returns the size in bytes (also after destruction).
   *
   * @return the size
   */
  public int size() {
    return bytes.length;
  }

  /**
   * Compares two secrets in constant time (for equal sizes).
   *
   * @param other the other secret
   * @return whether both hold the same bytes
   */
  public boolean equalsSecretBytes(SecretBytes other) {
    return other != null && MessageDigest.isEqual(checked(), other.checked());
  }

  /** Zeroes the key material; every later read fails with {@code GDS-CRYPTO-008}. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  /** Package-internal read without a copy, for the primitives of this package. */
  byte[] checked() {
    if (destroyed) {
      throw CryptoError.KEY_DESTROYED.exception("the key material was destroyed.");
    }
    return bytes;
  }

  /**
   * Returns a description without the secret.
   *
   * @return {@code SecretBytes[16 bytes]} or {@code SecretBytes[destroyed]}
   */
  @Override
  public String toString() {
    return destroyed ? "SecretBytes[destroyed]" : "SecretBytes[" + bytes.length + " bytes]";
  }
}
