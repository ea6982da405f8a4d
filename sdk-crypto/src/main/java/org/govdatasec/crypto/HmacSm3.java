package org.govdatasec.crypto;

import com.google.crypto.tink.Mac;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.govdatasec.crypto.internal.Backend;

/**
 * HMAC-SM3 (RFC 2104 over SM3, GM/T 0042): keyed integrity and keyed pseudonyms (ST-2, PI-5).
 *
 * <p>Implements Tink's {@link Mac}. Tags are compared in constant time. Keys are 16 to 64 bytes. Thread-safe;
 * keep the instance (the keyed state is computed once).
 */
public final class HmacSm3 implements Mac {
  /** Tag size in bytes. */
  public static final int TAG_BYTES = 32;
  /** Smallest accepted key size. */
  public static final int MIN_KEY_BYTES = 16;
  /** Largest accepted key size (one SM3 block). */
  public static final int MAX_KEY_BYTES = 64;

  private final Backend.MacEngine engine;

  private HmacSm3(Backend.MacEngine engine) {
    this.engine = engine;
  }

  /**
   * Creates the MAC with the default provider.
   *
   * @param key 16 to 64 bytes
   * @return the MAC
   * @throws CryptoException {@code GDS-CRYPTO-002} for a key of another size
   */
  public static HmacSm3 create(SecretBytes key) {
    return create(key, CryptoProvider.defaultProvider());
  }

  /**
   * Creates the MAC in a chosen provider.
   *
   * @param key 16 to 64 bytes
   * @param provider the module
   * @return the MAC
   */
  public static HmacSm3 create(SecretBytes key, CryptoProvider provider) {
    byte[] k = Keys.raw(key, MIN_KEY_BYTES, MAX_KEY_BYTES, "HMAC-SM3");
    try {
      return new HmacSm3(provider.backend().hmacSm3(k));
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  /**
   * Creates the MAC over any key length, for standard constructions whose key is not ours to choose
   * (HKDF's salt, known-answer tests of GM/T 0042). Application keys go through {@link #create}.
   */
  static HmacSm3 createUnchecked(byte[] key, CryptoProvider provider) {
    return new HmacSm3(provider.backend().hmacSm3(key));
  }

  /**
   * Computes the 32-byte tag.
   *
   * @param data the data
   * @return the tag
   */
  @Override
  public byte[] computeMac(byte[] data) {
    if (data == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("null data was given to HMAC-SM3.");
    }
    return engine.mac(data, 0, data.length);
  }

  /**
   * Computes the tag of part of an array.
   *
   * @param data the data
   * @param off offset
   * @param len length
   * @return the tag
   */
  public byte[] computeMac(byte[] data, int off, int len) {
    return engine.mac(data, off, len);
  }

  /**
   * Verifies a full 32-byte tag in constant time.
   *
   * @param mac the tag
   * @param data the data
   * @throws GeneralSecurityException if the tag does not match
   */
  @Override
  public void verifyMac(byte[] mac, byte[] data) throws GeneralSecurityException {
    if (mac == null || data == null || mac.length != TAG_BYTES
        || !MessageDigest.isEqual(mac, engine.mac(data, 0, data.length))) {
      throw new GeneralSecurityException("HMAC-SM3 tag mismatch");
    }
  }

  @Override
  public String toString() {
    return "HmacSm3[32-byte tag]";
  }
}
