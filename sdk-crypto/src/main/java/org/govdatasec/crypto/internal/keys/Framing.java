package org.govdatasec.crypto.internal.keys;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.Sm4Gcm;

/**
 * The versioned ciphertext layout of {@code docs/formats.md} ("Ciphertext"):
 * {@code 0x01 | keyId (4 bytes, big-endian) | nonce (12) | SM4-GCM ciphertext | tag (16)}.
 *
 * <p>The SM4-GCM associated data is {@code header (5 bytes) || caller's associated data}: the header has a
 * fixed length, so the concatenation is unambiguous, and a key id or version swapped in the header fails
 * the tag (ST-2).
 */
public final class Framing {
  /** The format version byte. */
  public static final byte VERSION = 0x01;
  /** Header size: version byte and key id. */
  public static final int HEADER_BYTES = 5;
  /** Smallest valid ciphertext: header, nonce and tag around an empty plaintext. */
  public static final int MIN_BYTES = HEADER_BYTES + Sm4Gcm.OVERHEAD;

  private static final byte[] EMPTY = new byte[0];

  private Framing() {}

  /**
   * Encrypts under one key and frames the result.
   *
   * @param keyId the key's id
   * @param gcm the key's SM4-GCM
   * @param plaintext the plaintext, not null
   * @param associatedData the caller's associated data, {@code null} means empty
   * @return the framed ciphertext
   */
  public static byte[] encrypt(int keyId, Sm4Gcm gcm, byte[] plaintext, byte[] associatedData) {
    if (plaintext == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null plaintext was given to encrypt.");
    }
    byte[] header = header(keyId);
    byte[] body = gcm.encrypt(plaintext, associatedData(header, associatedData));
    byte[] out = new byte[HEADER_BYTES + body.length];
    System.arraycopy(header, 0, out, 0, HEADER_BYTES);
    System.arraycopy(body, 0, out, HEADER_BYTES, body.length);
    return out;
  }

  /**
   * Checks the framing of a ciphertext and returns its key id; the tag is not checked here.
   *
   * @param ciphertext the framed ciphertext
   * @return the key id the header names
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for null, {@code 004} for a
   *     truncated value, {@code 005} for an unknown version byte
   */
  public static int keyId(byte[] ciphertext) {
    if (ciphertext == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null ciphertext was given to decrypt.");
    }
    if (ciphertext.length == 0) {
      throw CryptoError.MALFORMED_CIPHERTEXT.exception("an empty ciphertext was given to decrypt.");
    }
    if (ciphertext[0] != VERSION) {
      throw CryptoError.UNKNOWN_VERSION.exception(String.format(
          "the ciphertext starts with version byte 0x%02x; this library reads version 0x01.", ciphertext[0] & 0xff));
    }
    if (ciphertext.length < MIN_BYTES) {
      throw CryptoError.MALFORMED_CIPHERTEXT.exception("a ciphertext of " + ciphertext.length
          + " bytes is shorter than the " + MIN_BYTES + " bytes of header, nonce and tag.");
    }
    return ((ciphertext[1] & 0xff) << 24) | ((ciphertext[2] & 0xff) << 16) | ((ciphertext[3] & 0xff) << 8)
        | (ciphertext[4] & 0xff);
  }

  /**
   * Verifies and decrypts a framed ciphertext whose key id was already resolved to {@code gcm}.
   *
   * @param gcm the SM4-GCM of the key the header names
   * @param ciphertext the framed ciphertext (already checked by {@link #keyId})
   * @param associatedData the caller's associated data, {@code null} means empty
   * @return the plaintext, only if the tag verifies
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-003} if the tag does not verify
   */
  public static byte[] decrypt(Aead gcm, byte[] ciphertext, byte[] associatedData) {
    byte[] header = Arrays.copyOf(ciphertext, HEADER_BYTES);
    byte[] body = Arrays.copyOfRange(ciphertext, HEADER_BYTES, ciphertext.length);
    try {
      return gcm.decrypt(body, associatedData(header, associatedData));
    } catch (GeneralSecurityException e) {
      throw CryptoError.DECRYPTION_FAILED.exception("the ciphertext under key " + unsigned(keyId(ciphertext))
          + " failed authentication (modified, truncated, moved, or other associated data).");
    }
  }

  /**
   * Returns the 5-byte header for a key id.
   *
   * @param keyId the key id
   * @return {@code 0x01 | keyId}
   */
  public static byte[] header(int keyId) {
    return new byte[] {VERSION, (byte) (keyId >>> 24), (byte) (keyId >>> 16), (byte) (keyId >>> 8), (byte) keyId};
  }

  /**
   * Returns the SM4-GCM associated data: {@code header || caller's associated data}.
   *
   * @param header the 5-byte header
   * @param associatedData the caller's associated data, {@code null} means empty
   * @return the concatenation
   */
  public static byte[] associatedData(byte[] header, byte[] associatedData) {
    byte[] ad = associatedData == null ? EMPTY : associatedData;
    byte[] out = new byte[header.length + ad.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(ad, 0, out, header.length, ad.length);
    return out;
  }

  /**
   * Formats a key id as Tink does: an unsigned decimal number.
   *
   * @param keyId the key id
   * @return the unsigned decimal text
   */
  public static String unsigned(int keyId) {
    return Integer.toUnsignedString(keyId);
  }
}
