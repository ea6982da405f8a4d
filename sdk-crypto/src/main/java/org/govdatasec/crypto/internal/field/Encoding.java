package org.govdatasec.crypto.internal.field;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.binary.Base64;
import org.govdatasec.crypto.CryptoError;

/**
 * The byte layouts of field protection, documented in {@code docs/formats.md}: the associated data
 * that binds a value to its place, the text form of a ciphertext, and the blind-index key context.
 */
public final class Encoding {

  /** The domain tag that starts the associated data of a field value. */
  public static final String FIELD_AD_TAG = "govdatasec/field/v1";
  /** The domain tag that starts the HKDF info of a blind-index key. */
  public static final String BLIND_INDEX_TAG = "govdatasec/blind-index/v1";

  /** Thread-safe (Commons Codec keeps per-call state in a context): URL-safe alphabet, no padding, no line breaks. */
  private static final Base64 BASE64URL = Base64.builder().setUrlSafe(true).get();
  private static final byte[] FIELD_TAG_BYTES = FIELD_AD_TAG.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] INDEX_TAG_BYTES = BLIND_INDEX_TAG.getBytes(StandardCharsets.US_ASCII);

  private Encoding() {}

  /**
   * Encodes the associated data of a field value: the tag, then each part as a 4-byte big-endian length
   * and its UTF-8 bytes; an absent part has length 0.
   *
   * @param table the table, not empty
   * @param column the column, not empty
   * @param rowKey the row key, or {@code null}
   * @param subjectId the subject id, or {@code null}
   * @return the associated data
   */
  public static byte[] fieldAssociatedData(String table, String column, String rowKey, String subjectId) {
    return lengthPrefixed(FIELD_TAG_BYTES, table, column, rowKey, subjectId);
  }

  /**
   * Encodes the HKDF info of a blind-index key: the tag, then table and column, length-prefixed.
   *
   * @param table the table
   * @param column the column
   * @return the info bytes
   */
  public static byte[] blindIndexInfo(String table, String column) {
    return lengthPrefixed(INDEX_TAG_BYTES, table, column);
  }

  private static byte[] lengthPrefixed(byte[] tag, String... parts) {
    byte[][] encoded = new byte[parts.length][];
    int size = tag.length;
    for (int i = 0; i < parts.length; i++) {
      encoded[i] = parts[i] == null ? new byte[0] : parts[i].getBytes(StandardCharsets.UTF_8);
      size += 4 + encoded[i].length;
    }
    byte[] out = new byte[size];
    System.arraycopy(tag, 0, out, 0, tag.length);
    int pos = tag.length;
    for (byte[] part : encoded) {
      int n = part.length;
      out[pos] = (byte) (n >>> 24);
      out[pos + 1] = (byte) (n >>> 16);
      out[pos + 2] = (byte) (n >>> 8);
      out[pos + 3] = (byte) n;
      System.arraycopy(part, 0, out, pos + 4, n);
      pos += 4 + n;
    }
    return out;
  }

  /**
   * Encodes a string as UTF-8, refusing a string that is not well-formed UTF-16 (an unpaired surrogate
   * would otherwise be replaced by {@code ?} and the value would not round-trip).
   *
   * @param value the string
   * @param what names the value for the message, never its content
   * @return the UTF-8 bytes
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for an unpaired surrogate
   */
  public static byte[] utf8(String value, String what) {
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else {
          throw CryptoError.INVALID_ARGUMENT.exception(
              what + " is not well-formed text: it holds an unpaired UTF-16 surrogate at index " + i + ".");
        }
      }
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Encodes bytes as base64url without padding (RFC 4648 section 5).
   *
   * @param bytes the bytes
   * @return the text
   */
  public static String base64Url(byte[] bytes) {
    return new String(BASE64URL.encode(bytes), StandardCharsets.US_ASCII);
  }

  /**
   * Decodes strict base64url without padding: only the 64 URL-safe characters, no padding, no white
   * space, and the canonical encoding only (unused trailing bits are zero).
   *
   * @param text the text
   * @return the bytes, or {@code null} if the text is not canonical base64url
   */
  public static byte[] strictBase64Url(CharSequence text) {
    int n = text.length();
    if (n % 4 == 1) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return null;
      }
    }
    String s = text.toString();
    byte[] bytes = BASE64URL.decode(s);
    if (!base64Url(bytes).equals(s)) {
      return null;
    }
    return bytes;
  }
}
