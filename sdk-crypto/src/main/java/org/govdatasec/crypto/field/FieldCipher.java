package org.govdatasec.crypto.field;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.internal.field.Encoding;
import org.govdatasec.crypto.keys.SubjectKeyProvider;

/**
 * Encrypts and decrypts field values bound to their place (ST-2, ST-3, PI-5).
 *
 * <pre>{@code
 * FieldCipher cipher = FieldCipher.builder().aead(Sm4Gcm.create(key)).build();   // one key per table
 * FieldRef where = FieldRef.row("citizen", "id_number", "NN-0000001");
 * String stored = cipher.protectToText(where, "450103198203150311");           // gds1.....
 * String id = cipher.revealText(where, stored);
 * }</pre>
 *
 * <p>Two modes, chosen once in the builder:
 *
 * <ul>
 *   <li>{@link Mode#TABLE_KEY}: one AEAD (a table-wide key or keyset) for every value.
 *   <li>{@link Mode#SUBJECT_KEYS}: each value under its data subject's own key from a
 *       {@link SubjectKeyProvider} (crypto-shredding, DS-2): every {@link FieldRef} must name its subject;
 *       after the subject's key is destroyed, reveal fails with {@code GDS-CRYPTO-008}, not with a
 *       tampering error.
 * </ul>
 *
 * <p>The associated data is the {@link FieldRef} ({@code docs/formats.md}, "Associated data"), so a value
 * copied to another table, column, row or subject fails with {@code GDS-CRYPTO-003}. Nonces are drawn by
 * the AEAD, never passed in: two protections of the same value differ. {@code null} stays {@code null}
 * (it is never encrypted as the text "null"); the empty string round-trips. Failures never return partial
 * plaintext and never put plaintext in a message. Thread-safe if the AEAD or provider is.
 */
public final class FieldCipher {

  /** How keys are chosen. */
  public enum Mode {
    /** One AEAD for every value of the table. */
    TABLE_KEY,
    /** Each value under its data subject's own key (crypto-shredding). */
    SUBJECT_KEYS
  }

  private final Aead tableAead;
  private final SubjectKeyProvider subjectKeys;

  private FieldCipher(Aead tableAead, SubjectKeyProvider subjectKeys) {
    this.tableAead = tableAead;
    this.subjectKeys = subjectKeys;
  }

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the mode.
   *
   * @return the mode
   */
  public Mode mode() {
    return subjectKeys == null ? Mode.TABLE_KEY : Mode.SUBJECT_KEYS;
  }

  /**
   * Encrypts a text value for its place.
   *
   * @param where the place
   * @param plaintext the value; {@code null} gives {@code null}
   * @return the encrypted value, or {@code null}
   * @throws CryptoException {@code GDS-CRYPTO-001} for a null place or text with an unpaired surrogate,
   *     {@code GDS-CRYPTO-017} in per-subject mode for a place without a subject id, {@code GDS-CRYPTO-008}
   *     if the subject's key was destroyed
   */
  public EncryptedValue protect(FieldRef where, String plaintext) {
    requirePlace(where);
    if (plaintext == null) {
      return null;
    }
    return encrypt(where, Encoding.utf8(plaintext, "the value of " + where.table() + "." + where.column()));
  }

  /**
   * Encrypts a binary value for its place.
   *
   * @param where the place
   * @param plaintext the value; {@code null} gives {@code null}
   * @return the encrypted value, or {@code null}
   * @throws CryptoException as {@link #protect(FieldRef, String)}
   */
  public EncryptedValue protectBytes(FieldRef where, byte[] plaintext) {
    requirePlace(where);
    return plaintext == null ? null : encrypt(where, plaintext);
  }

  /**
   * Encrypts a text value to its text form, for a {@code VARCHAR} column.
   *
   * @param where the place
   * @param plaintext the value; {@code null} gives {@code null}
   * @return {@code gds1.<base64url>}, or {@code null}
   * @throws CryptoException as {@link #protect(FieldRef, String)}
   */
  public String protectToText(FieldRef where, String plaintext) {
    EncryptedValue v = protect(where, plaintext);
    return v == null ? null : v.toText();
  }

  /**
   * Decrypts a text value.
   *
   * @param where the place it was protected for
   * @param value the encrypted value; {@code null} gives {@code null}
   * @return the plaintext, or {@code null}
   * @throws CryptoException {@code GDS-CRYPTO-003} if the value was modified or belongs to another place
   *     or key, {@code GDS-CRYPTO-008} if the subject's key was destroyed, {@code GDS-CRYPTO-006} if the
   *     subject never had a key, {@code GDS-CRYPTO-017} in per-subject mode for a place without a subject
   */
  public String reveal(FieldRef where, EncryptedValue value) {
    byte[] plain = revealBytes(where, value);
    return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
  }

  /**
   * Decrypts a binary value.
   *
   * @param where the place it was protected for
   * @param value the encrypted value; {@code null} gives {@code null}
   * @return the plaintext, or {@code null}
   * @throws CryptoException as {@link #reveal(FieldRef, EncryptedValue)}
   */
  public byte[] revealBytes(FieldRef where, EncryptedValue value) {
    requirePlace(where);
    if (value == null) {
      return null;
    }
    Aead aead = subjectKeys == null ? tableAead : subjectKeys.existingAeadFor(subject(where));
    try {
      return aead.decrypt(value.bytes(), where.associatedData());
    } catch (GeneralSecurityException e) {
      throw CryptoError.DECRYPTION_FAILED.exception("the value of " + where.table() + "." + where.column()
          + " did not decrypt for its place (" + where + "): it was modified, truncated, or copied from another"
          + " row, column, table or subject.");
    }
  }

  /**
   * Decrypts a text form.
   *
   * @param where the place it was protected for
   * @param text {@code gds1.<base64url>}; {@code null} gives {@code null}
   * @return the plaintext, or {@code null}
   * @throws CryptoException {@code GDS-CRYPTO-004} or {@code -005} for a text that is not an encrypted
   *     value, else as {@link #reveal(FieldRef, EncryptedValue)}
   */
  public String revealText(FieldRef where, String text) {
    requirePlace(where);
    return text == null ? null : reveal(where, EncryptedValue.parse(text));
  }

  private EncryptedValue encrypt(FieldRef where, byte[] plaintext) {
    Aead aead = subjectKeys == null ? tableAead : subjectKeys.aeadFor(subject(where));
    try {
      return new EncryptedValue(aead.encrypt(plaintext, where.associatedData()));
    } catch (GeneralSecurityException e) {
      throw CryptoError.FIELD_PROTECTION.exception("the AEAD refused to encrypt the value of " + where.table() + "."
          + where.column() + " (" + e.getClass().getSimpleName() + ").", e);
    }
  }

  /**
   * In per-subject mode, makes sure the subject has a key (creating it), so that a record whose protected
   * values are all null is still tied to its subject's key and shredded with it.
   */
  void ensureSubjectKey(FieldRef where) {
    if (subjectKeys != null) {
      subjectKeys.aeadFor(subject(where));
    }
  }

  /**
   * In per-subject mode, fails with {@code GDS-CRYPTO-008} if the subject's key was destroyed, even when
   * no value of the record needs decrypting: a shredded subject's record is never rebuilt.
   */
  void requireSubjectKey(FieldRef where) {
    if (subjectKeys != null) {
      subjectKeys.existingAeadFor(subject(where));
    }
  }

  private static void requirePlace(FieldRef where) {
    if (where == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null FieldRef was given; every value is bound to its place.");
    }
  }

  private static String subject(FieldRef where) {
    if (where.subjectId() == null) {
      throw CryptoError.FIELD_PROTECTION.exception("the field cipher uses per-subject keys, but the place " + where
          + " names no data subject; use FieldRef.subject(...) or new FieldRef(table, column, rowKey, subjectId).");
    }
    return where.subjectId();
  }

  @Override
  public String toString() {
    return "FieldCipher[" + mode() + "]";
  }

  /** Builds a {@link FieldCipher}; exactly one of {@link #aead} and {@link #subjectKeys}. */
  public static final class Builder {
    private Aead aead;
    private SubjectKeyProvider subjectKeys;

    private Builder() {}

    /**
     * Uses one AEAD for every value (table-wide key or keyset).
     *
     * @param tableAead the AEAD, e.g. {@code Sm4Gcm} or a keyset
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for null, or if a subject key provider was set
     */
    public Builder aead(Aead tableAead) {
      if (tableAead == null || subjectKeys != null) {
        throw CryptoError.INVALID_ARGUMENT.exception(tableAead == null ? "a null AEAD was given to FieldCipher."
            : "FieldCipher takes either a table AEAD or per-subject keys, not both.");
      }
      this.aead = tableAead;
      return this;
    }

    /**
     * Uses each data subject's own key (crypto-shredding, DS-2).
     *
     * @param provider the subject key provider, e.g. the subject key vault
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for null, or if a table AEAD was set
     */
    public Builder subjectKeys(SubjectKeyProvider provider) {
      if (provider == null || aead != null) {
        throw CryptoError.INVALID_ARGUMENT.exception(provider == null ? "a null SubjectKeyProvider was given to FieldCipher."
            : "FieldCipher takes either a table AEAD or per-subject keys, not both.");
      }
      this.subjectKeys = provider;
      return this;
    }

    /**
     * Builds the cipher.
     *
     * @return the cipher
     * @throws CryptoException {@code GDS-CRYPTO-001} if neither an AEAD nor a provider was given
     */
    public FieldCipher build() {
      if (aead == null && subjectKeys == null) {
        throw CryptoError.INVALID_ARGUMENT.exception(
            "FieldCipher needs a key: call aead(Sm4Gcm or keyset) or subjectKeys(provider) before build().");
      }
      return new FieldCipher(aead, subjectKeys);
    }
  }
}
