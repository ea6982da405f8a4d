package org.govdatasec.crypto;

import java.util.Arrays;

/**
 * HKDF (RFC 5869) with HMAC-SM3: derives independent keys from one key, e.g. a per-index blind-index key
 * from the index master key, separated by {@code info} (ST-2, ST-3).
 */
public final class HkdfSm3 {
  /** The most bytes one derivation may produce (255 blocks of 32 bytes). */
  public static final int MAX_OUTPUT_BYTES = 255 * HmacSm3.TAG_BYTES;

  private HkdfSm3() {}

  /**
   * Derives key material.
   *
   * @param ikm the input key material
   * @param salt the salt; {@code null} or empty means 32 zero bytes (RFC 5869 §2.2)
   * @param info context and application-specific information, e.g. {@code "govdatasec/blind-index/citizen.id"}
   * @param length the output length in bytes, 1 to {@value #MAX_OUTPUT_BYTES}
   * @return the derived key
   */
  public static SecretBytes derive(SecretBytes ikm, byte[] salt, byte[] info, int length) {
    return derive(ikm, salt, info, length, CryptoProvider.defaultProvider());
  }

  /**
   * Derives key material in a chosen provider.
   *
   * @param ikm the input key material
   * @param salt the salt, {@code null} or empty for 32 zero bytes
   * @param info the context
   * @param length the output length, 1 to {@value #MAX_OUTPUT_BYTES}
   * @param provider the module
   * @return the derived key
   */
  public static SecretBytes derive(SecretBytes ikm, byte[] salt, byte[] info, int length, CryptoProvider provider) {
    if (ikm == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("null input key material was given to HKDF-SM3.");
    }
    if (length < 1 || length > MAX_OUTPUT_BYTES) {
      throw CryptoError.INVALID_ARGUMENT.exception(
          "HKDF-SM3 was asked for " + length + " bytes; it gives 1 to " + MAX_OUTPUT_BYTES + ".");
    }
    byte[] s = salt == null || salt.length == 0 ? new byte[HmacSm3.TAG_BYTES] : salt;
    byte[] prk = HmacSm3.createUnchecked(s, provider).computeMac(ikm.checked());
    byte[] okm = expand(prk, info == null ? new byte[0] : info, length, provider);
    Arrays.fill(prk, (byte) 0);
    try {
      return SecretBytes.copyFrom(okm, SecretKeyAccess.insecure());
    } finally {
      Arrays.fill(okm, (byte) 0);
    }
  }

  static byte[] expand(byte[] prk, byte[] info, int length, CryptoProvider provider) {
    HmacSm3 mac = HmacSm3.createUnchecked(prk, provider);
    byte[] okm = new byte[length];
    byte[] t = new byte[0];
    byte[] block = new byte[HmacSm3.TAG_BYTES + info.length + 1];
    int done = 0;
    for (int i = 1; done < length; i++) {
      int n = t.length;
      System.arraycopy(t, 0, block, 0, n);
      System.arraycopy(info, 0, block, n, info.length);
      block[n + info.length] = (byte) i;
      t = mac.computeMac(block, 0, n + info.length + 1);
      int take = Math.min(t.length, length - done);
      System.arraycopy(t, 0, okm, done, take);
      done += take;
    }
    Arrays.fill(t, (byte) 0);
    Arrays.fill(block, (byte) 0);
    return okm;
  }
}
