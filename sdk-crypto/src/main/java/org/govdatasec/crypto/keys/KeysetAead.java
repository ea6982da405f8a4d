package org.govdatasec.crypto.keys;

import com.google.crypto.tink.Aead;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.internal.keys.Framing;

/**
 * Tink {@link Aead} over a {@link Keyset}: encrypts under the primary key and decrypts under whichever key
 * a ciphertext names (ST-2, ST-3).
 *
 * <p>Ciphertext layout ({@code docs/formats.md}, "Ciphertext"):
 * {@code 0x01 | keyId (4 bytes, big-endian) | nonce (12) | SM4-GCM ciphertext | tag (16)}, where the part
 * after the 5-byte header is exactly {@link Sm4Gcm}'s output and the GCM associated data is
 * {@code header || caller's associated data}, so neither the version nor the key id can be swapped.
 *
 * <p>Refusals are {@link org.govdatasec.crypto.CryptoException}s (unchecked; no
 * {@code GeneralSecurityException} is thrown): null ciphertext {@code GDS-CRYPTO-001}, empty, truncated or
 * garbage {@code 004}, unknown version byte {@code 005}, unknown key id {@code 006}, disabled key
 * {@code 007}, destroyed key {@code 008}, failed tag {@code 003}. A refused value never yields partial
 * plaintext. Thread-safe.
 */
public final class KeysetAead implements Aead {
  private final Keyset keyset;
  private final Map<Integer, Sm4Gcm> ciphers = new HashMap<>();
  private final Sm4Gcm primary;

  KeysetAead(Keyset keyset) {
    this.keyset = keyset;
    for (Keyset.Entry e : keyset.entries().values()) {
      if (Keyset.status(e) != KeyStatus.DESTROYED) {
        ciphers.put(e.keyId(), Sm4Gcm.create(e.material()));
      }
    }
    this.primary = ciphers.get(keyset.primaryKeyId());
  }

  /**
   * Returns the keyset this AEAD was made from.
   *
   * @return the keyset
   */
  public Keyset keyset() {
    return keyset;
  }

  /**
   * Encrypts under the primary key, with a fresh random nonce.
   *
   * @param plaintext the plaintext, may be empty, not null
   * @param associatedData bound to the ciphertext but not encrypted; {@code null} means empty
   * @return {@code 0x01 | primary key id | nonce | ciphertext | tag}
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for a null plaintext,
   *     {@code 008} if the primary's material was destroyed
   */
  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    Keyset.Entry e = keyset.entries().get(keyset.primaryKeyId());
    checkUsable(e);
    return Framing.encrypt(e.keyId(), primary, plaintext, associatedData);
  }

  /**
   * Verifies and decrypts under the key the ciphertext names.
   *
   * @param ciphertext a value produced by a {@code KeysetAead} of this keyset
   * @param associatedData the associated data given at encryption; {@code null} means empty
   * @return the plaintext, only if everything verifies
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001}, {@code 003}, {@code 004},
   *     {@code 005}, {@code 006}, {@code 007} or {@code 008} (see the class description)
   */
  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
    int keyId = Framing.keyId(ciphertext);
    Keyset.Entry e = keyset.entries().get(keyId);
    if (e == null) {
      throw CryptoError.UNKNOWN_KEY_ID.exception("the ciphertext names key " + Framing.unsigned(keyId)
          + ", which keyset " + keyset.id() + " (\"" + keyset.purpose() + "\") does not hold.");
    }
    checkUsable(e);
    return Framing.decrypt(ciphers.get(keyId), ciphertext, associatedData);
  }

  /**
   * Returns the key id a ciphertext names, after checking its framing (not its tag).
   *
   * @param ciphertext a value in the layout of this class
   * @return the key id
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001}, {@code 004} or {@code 005}
   */
  public static int keyIdOf(byte[] ciphertext) {
    return Framing.keyId(ciphertext);
  }

  /**
   * Tells whether a stored value is under another key than the current primary and should be re-encrypted
   * (after a rotation). Checks the framing only, not the tag.
   *
   * @param ciphertext a value in the layout of this class
   * @return {@code true} if the value names another key than the primary
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001}, {@code 004} or {@code 005} for a
   *     value that is not one of ours
   */
  public boolean needsReencryption(byte[] ciphertext) {
    return Framing.keyId(ciphertext) != keyset.primaryKeyId();
  }

  /**
   * Re-encrypts a value under the primary key, with the same associated data. A value already under the
   * primary is returned as it is (the same array), so re-running is idempotent.
   *
   * @param ciphertext a value in the layout of this class
   * @param associatedData the value's associated data; {@code null} means empty
   * @return the value under the primary key
   * @throws org.govdatasec.crypto.CryptoException as {@link #decrypt}; nothing is returned for a value that
   *     does not verify
   */
  public byte[] reencrypt(byte[] ciphertext, byte[] associatedData) {
    if (!needsReencryption(ciphertext)) {
      return ciphertext;
    }
    byte[] plaintext = decrypt(ciphertext, associatedData);
    try {
      return encrypt(plaintext, associatedData);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private void checkUsable(Keyset.Entry e) {
    KeyStatus status = Keyset.status(e);
    String name = Framing.unsigned(e.keyId());
    if (status == KeyStatus.DESTROYED) {
      throw CryptoError.KEY_DESTROYED.exception("key " + name + " of keyset " + keyset.id() + " (\""
          + keyset.purpose() + "\") was destroyed; data under it can never be decrypted again.");
    }
    if (status == KeyStatus.DISABLED) {
      throw CryptoError.KEY_DISABLED.exception("key " + name + " of keyset " + keyset.id() + " (\""
          + keyset.purpose() + "\") is disabled.");
    }
  }

  @Override
  public String toString() {
    return "KeysetAead[" + keyset + "]";
  }
}
