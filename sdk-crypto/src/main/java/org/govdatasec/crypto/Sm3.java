package org.govdatasec.crypto;

import org.govdatasec.crypto.internal.Backend;

/**
 * The SM3 hash function of GB/T 32905 (ST-2, ST-3): 32-byte digests for integrity checks and the audit
 * log's Merkle tree.
 *
 * <p>A plain hash is for integrity of data anyone may recompute. To pseudonymise or index an identifier,
 * use {@link HmacSm3} with a key: ID numbers and mobiles are enumerable, so their unkeyed hash reveals
 * them.
 */
public final class Sm3 {
  /** Digest size in bytes. */
  public static final int DIGEST_BYTES = 32;

  private final Backend.Sm3Hasher hasher;

  private Sm3(Backend.Sm3Hasher hasher) {
    this.hasher = hasher;
  }

  /**
   * Hashes bytes with the default provider.
   *
   * @param data the data
   * @return the 32-byte digest
   */
  public static byte[] hash(byte[] data) {
    if (data == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("null data was given to SM3.");
    }
    return CryptoProvider.defaultProvider().backend().sm3(data, 0, data.length);
  }

  /**
   * Starts an incremental hash with the default provider. Not thread-safe: one per computation.
   *
   * @return the hasher
   */
  public static Sm3 newHasher() {
    return newHasher(CryptoProvider.defaultProvider());
  }

  /**
   * Starts an incremental hash in a chosen provider.
   *
   * @param provider the module
   * @return the hasher
   */
  public static Sm3 newHasher(CryptoProvider provider) {
    return new Sm3(provider.backend().newSm3());
  }

  /**
   * Adds bytes.
   *
   * @param data the data
   * @return this hasher
   */
  public Sm3 update(byte[] data) {
    hasher.update(data, 0, data.length);
    return this;
  }

  /**
   * Adds part of an array.
   *
   * @param data the data
   * @param off offset
   * @param len length
   * @return this hasher
   */
  public Sm3 update(byte[] data, int off, int len) {
    hasher.update(data, off, len);
    return this;
  }

  /**
   * Adds one byte (for example a domain-separation prefix).
   *
   * @param b the byte
   * @return this hasher
   */
  public Sm3 update(byte b) {
    hasher.update(b);
    return this;
  }

  /**
   * Finishes the hash and resets the hasher for reuse.
   *
   * @return the 32-byte digest
   */
  public byte[] digest() {
    return hasher.digest();
  }
}
