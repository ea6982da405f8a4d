package org.govdatasec.crypto.field;

import java.security.MessageDigest;
import java.util.Arrays;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.internal.field.Encoding;

/**
 * A protected field value: the AEAD ciphertext, as stored (ST-2, PI-5).
 *
 * <p>Binary form: whatever the {@link FieldCipher}'s AEAD wrote, e.g. {@code nonce (12) | ciphertext |
 * tag (16)} for {@code Sm4Gcm}, or {@code 0x01 | keyId (4) | nonce (12) | ciphertext | tag (16)} for a
 * keyset. Text form, for a {@code VARCHAR} column: {@value #PREFIX} followed by the binary form in
 * base64url without padding (RFC 4648 section 5), e.g. {@code gds1.q8Xb...}; it is ASCII, so it needs no
 * collation care. An 18-character ID number takes 67 characters under {@code Sm4Gcm}, 73 under a keyset.
 *
 * <p>The annotation processor recognises this type by its exact name to know a field is stored protected.
 * Immutable; {@link #equals} compares the bytes; {@link #toString()} shows only a short prefix.
 *
 * @param ciphertext the binary form (copied in and out, never shared)
 */
public record EncryptedValue(byte[] ciphertext) {

  /** The text-form prefix of format version 1. */
  public static final String PREFIX = "gds1.";
  /** The fewest bytes a binary form may have: a 12-byte nonce and a 16-byte tag. */
  public static final int MIN_BYTES = 28;
  /** The longest text form {@link #parse} accepts (16 MiB of ciphertext), against unbounded input. */
  public static final int MAX_TEXT_CHARS = PREFIX.length() + (16 << 20) / 3 * 4 + 4;

  /**
   * Validates and copies the binary form.
   *
   * @param ciphertext the binary form (copied in and out, never shared)
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-004} if it is null or shorter than
   *     {@value #MIN_BYTES} bytes
   */
  public EncryptedValue {
    if (ciphertext == null || ciphertext.length < MIN_BYTES) {
      throw CryptoError.MALFORMED_CIPHERTEXT.exception("an encrypted value needs at least " + MIN_BYTES
          + " bytes (nonce and tag); got " + (ciphertext == null ? "null" : ciphertext.length + " bytes") + ".");
    }
    ciphertext = ciphertext.clone();
  }

  /**
   * Returns a copy of the binary form.
   *
   * @return the bytes
   */
  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** Returns the bytes without copying, for the cipher of this package. */
  byte[] bytes() {
    return ciphertext;
  }

  /**
   * Returns the binary form's length.
   *
   * @return the number of bytes
   */
  public int length() {
    return ciphertext.length;
  }

  /**
   * Returns the text form, {@code gds1.<base64url>}.
   *
   * @return the text form
   */
  public String toText() {
    return PREFIX + Encoding.base64Url(ciphertext);
  }

  /**
   * Reads the text form.
   *
   * @param text the text form, {@code gds1.<base64url without padding>}
   * @return the value
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-005} for a {@code gds<n>.} prefix of
   *     another version; {@code GDS-CRYPTO-004} for anything else that is not a canonical text form
   */
  public static EncryptedValue parse(String text) {
    if (text == null) {
      throw CryptoError.MALFORMED_CIPHERTEXT.exception("a null text was given where an encrypted value was expected.");
    }
    if (!text.startsWith(PREFIX)) {
      String version = versionPrefix(text);
      if (version != null) {
        throw CryptoError.UNKNOWN_VERSION.exception("the encrypted value has the text-form prefix '" + version
            + "'; this library reads '" + PREFIX + "' only.");
      }
      throw CryptoError.MALFORMED_CIPHERTEXT.exception("the value does not start with '" + PREFIX
          + "' (" + text.length() + " characters); it is not a govdatasec encrypted value.");
    }
    if (text.length() > MAX_TEXT_CHARS) {
      throw CryptoError.MALFORMED_CIPHERTEXT.exception(
          "the encrypted value has " + text.length() + " characters, more than the " + MAX_TEXT_CHARS + " accepted.");
    }
    byte[] bytes = Encoding.strictBase64Url(text.subSequence(PREFIX.length(), text.length()));
    if (bytes == null) {
      throw CryptoError.MALFORMED_CIPHERTEXT.exception("the encrypted value after '" + PREFIX
          + "' is not canonical base64url without padding (" + text.length() + " characters).");
    }
    return new EncryptedValue(bytes);
  }

  /**
   * Tells whether a text looks like an encrypted value of any version ({@code gds<digits>.}), without
   * checking the rest.
   *
   * @param text the text, may be null
   * @return true if it starts with a version prefix
   */
  public static boolean looksEncrypted(String text) {
    return text != null && versionPrefix(text) != null;
  }

  /** Returns {@code gds<digits>.} if the text starts with it. */
  private static String versionPrefix(String text) {
    if (!text.startsWith("gds")) {
      return null;
    }
    int i = 3;
    while (i < text.length() && i < 12 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i > 3 && i < text.length() && text.charAt(i) == '.' ? text.substring(0, i + 1) : null;
  }

  /**
   * Compares the binary forms in constant time.
   *
   * @param o the other object
   * @return whether it is an encrypted value with the same bytes
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptedValue other && MessageDigest.isEqual(ciphertext, other.ciphertext);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ciphertext);
  }

  /**
   * Describes the value with a short prefix of its text form only.
   *
   * @return for example {@code EncryptedValue[gds1.q8XbT0aP..., 46 bytes]}
   */
  @Override
  public String toString() {
    String text = toText();
    return "EncryptedValue[" + text.substring(0, Math.min(text.length(), PREFIX.length() + 8)) + "..., "
        + ciphertext.length + " bytes]";
  }
}
