package org.govdatasec.crypto.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.internal.SecureRandoms;

/**
 * An immutable set of SM4-GCM keys in Tink's shape: random 4-byte key ids, unique within the keyset, one
 * primary that encrypts, and statuses {@link KeyStatus#ENABLED ENABLED}, {@link KeyStatus#DISABLED DISABLED}
 * and {@link KeyStatus#DESTROYED DESTROYED} (ST-2, ST-3, DS-2).
 *
 * <p>Rotation returns a new keyset and never changes this one: {@link #withNewPrimary()} adds a fresh key
 * and makes it primary, so new data is encrypted under it while data under the older keys still decrypts
 * through {@link #aead()}; {@link KeysetAead#needsReencryption} and {@link Reencryptor} move old data to
 * the new primary; then {@link #disable(int)} and finally {@link #destroy(int)} retire the old key.
 * {@code destroy} zeroes the key's material at once (also for earlier keyset values that share it) and
 * keeps its id, so data under it fails with {@code GDS-CRYPTO-008} "destroyed", never "unknown key".
 *
 * <p>A keyset lives on disk only wrapped under a key-encryption key: see {@link KeysetFile}. Thread-safe;
 * {@link #toString()} shows ids and statuses, never material.
 */
public final class Keyset {
  private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern KEYSET_ID = Pattern.compile("[0-9a-f]{32}");

  private final String id;
  private final String purpose;
  private final int primaryKeyId;
  private final Map<Integer, Entry> entries;

  /** One key: id, status and material ({@code null} once destroyed). */
  record Entry(int keyId, KeyStatus status, SecretBytes material) {}

  private Keyset(String id, String purpose, int primaryKeyId, Map<Integer, Entry> entries) {
    this.id = id;
    this.purpose = purpose;
    this.primaryKeyId = primaryKeyId;
    this.entries = Collections.unmodifiableMap(entries);
  }

  /**
   * Generates a keyset with one fresh random SM4 key as its primary and a fresh random keyset id.
   *
   * @param purpose what the keyset protects, e.g. {@code "registry-fields"}: a letter or digit, then up to
   *     63 letters, digits, {@code .}, {@code _} or {@code -}; it is bound into the wrapped file
   * @return the keyset
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for a purpose of another form
   */
  public static Keyset generate(String purpose) {
    return builder(purpose).addNewPrimary().build();
  }

  /**
   * Starts a keyset, for importing keys or reading a stored keyset.
   *
   * @param purpose what the keyset protects (see {@link #generate(String)} for the form)
   * @return the builder
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for a purpose of another form
   */
  public static Builder builder(String purpose) {
    return new Builder(purpose);
  }

  /**
   * Returns the keyset id: 32 lower-case hex digits, random, bound into the wrapped file.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the purpose given when the keyset was made.
   *
   * @return the purpose
   */
  public String purpose() {
    return purpose;
  }

  /**
   * Returns the id of the primary key, the one that encrypts.
   *
   * @return the primary key id
   */
  public int primaryKeyId() {
    return primaryKeyId;
  }

  /**
   * Returns every key's id, status and primary flag, oldest first.
   *
   * @return the keys, never their material
   */
  public List<KeyInfo> keys() {
    List<KeyInfo> list = new ArrayList<>();
    for (Entry e : entries.values()) {
      list.add(new KeyInfo(e.keyId(), status(e), e.keyId() == primaryKeyId));
    }
    return List.copyOf(list);
  }

  /**
   * Returns one key's id, status and primary flag.
   *
   * @param keyId the key id
   * @return the key, or empty if the keyset never held that id
   */
  public Optional<KeyInfo> key(int keyId) {
    Entry e = entries.get(keyId);
    return e == null ? Optional.empty() : Optional.of(new KeyInfo(keyId, status(e), keyId == primaryKeyId));
  }

  /**
   * Returns a keyset with a fresh random SM4 key added as the new primary; the old primary stays enabled,
   * so data under it still decrypts.
   *
   * @return the rotated keyset
   */
  public Keyset withNewPrimary() {
    Builder b = toBuilder();
    b.addNewPrimary();
    return b.build();
  }

  /**
   * Returns a keyset whose primary is another enabled key (for example to roll back a rotation).
   *
   * @param keyId the id of an enabled key
   * @return the keyset
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-006} for an unknown id,
   *     {@code 009} if the key is not enabled
   */
  public Keyset withPrimary(int keyId) {
    Entry e = require(keyId);
    if (status(e) != KeyStatus.ENABLED) {
      throw CryptoError.BAD_KEYSET.exception("key " + Integer.toUnsignedString(keyId) + " of keyset " + id
          + " is " + status(e) + " and cannot become the primary.");
    }
    return new Keyset(id, purpose, keyId, new LinkedHashMap<>(entries));
  }

  /**
   * Returns a keyset in which a key is disabled: data under it is refused ({@code GDS-CRYPTO-007}) until
   * it is enabled again.
   *
   * @param keyId the id of a key that is not the primary
   * @return the keyset
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-006} for an unknown id, {@code 009} for
   *     the primary, {@code 008} for a destroyed key
   */
  public Keyset disable(int keyId) {
    return withStatus(keyId, KeyStatus.DISABLED);
  }

  /**
   * Returns a keyset in which a disabled key is enabled again.
   *
   * @param keyId the id of a disabled or enabled key
   * @return the keyset
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-006} for an unknown id, {@code 008} for a
   *     destroyed key
   */
  public Keyset enable(int keyId) {
    return withStatus(keyId, KeyStatus.ENABLED);
  }

  /**
   * Destroys a key: its material is zeroed now (in this and every other keyset value that shares it) and
   * the returned keyset keeps the id as {@link KeyStatus#DESTROYED}. Data under the key can never be
   * decrypted again (DS-2): re-encrypt what must survive first ({@link Reencryptor}).
   *
   * @param keyId the id of a key that is not the primary
   * @return the keyset
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-006} for an unknown id, {@code 009} for
   *     the primary, {@code 008} if it is destroyed already
   */
  public Keyset destroy(int keyId) {
    Entry e = require(keyId);
    Keyset next = withStatus(keyId, KeyStatus.DESTROYED);
    e.material().destroy();
    return next;
  }

  /**
   * Returns the AEAD over this keyset: it encrypts under the primary and decrypts under the key each
   * ciphertext names.
   *
   * @return the AEAD
   */
  public KeysetAead aead() {
    return new KeysetAead(this);
  }

  private Keyset withStatus(int keyId, KeyStatus status) {
    Entry e = require(keyId);
    String name = Integer.toUnsignedString(keyId);
    if (status(e) == KeyStatus.DESTROYED) {
      throw CryptoError.KEY_DESTROYED.exception("key " + name + " of keyset " + id + " is destroyed; it cannot become "
          + status + ".");
    }
    if (keyId == primaryKeyId && status != KeyStatus.ENABLED) {
      throw CryptoError.BAD_KEYSET.exception("key " + name + " is the primary of keyset " + id
          + "; rotate (withNewPrimary) before making it " + status + ".");
    }
    Map<Integer, Entry> copy = new LinkedHashMap<>(entries);
    copy.put(keyId, new Entry(keyId, status, status == KeyStatus.DESTROYED ? null : e.material()));
    return new Keyset(id, purpose, primaryKeyId, copy);
  }

  private Entry require(int keyId) {
    Entry e = entries.get(keyId);
    if (e == null) {
      throw CryptoError.UNKNOWN_KEY_ID.exception("keyset " + id + " holds no key " + Integer.toUnsignedString(keyId)
          + ".");
    }
    return e;
  }

  /** The effective status: a key whose shared material was zeroed counts as destroyed. */
  static KeyStatus status(Entry e) {
    return e.material() == null || e.material().isDestroyed() ? KeyStatus.DESTROYED : e.status();
  }

  /** The entries in order, for the AEAD and the keyset file. */
  Map<Integer, Entry> entries() {
    return entries;
  }

  private Builder toBuilder() {
    Builder b = new Builder(purpose).keysetId(id);
    for (Entry e : entries.values()) {
      b.put(new Entry(e.keyId(), status(e), status(e) == KeyStatus.DESTROYED ? null : e.material()));
    }
    return b.primary(primaryKeyId);
  }

  /**
   * Describes the keyset without material, e.g. {@code Keyset[9f.. "registry-fields", primary 12345, 2 keys]}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "Keyset[" + id + " \"" + purpose + "\", primary " + Integer.toUnsignedString(primaryKeyId) + ", "
        + keys() + "]";
  }

  /**
   * Builds a keyset, checking each step eagerly ({@code GDS-CRYPTO-001}, {@code 002}, {@code 009}).
   */
  public static final class Builder {
    private final String purpose;
    private String keysetId;
    private final Map<Integer, Entry> entries = new LinkedHashMap<>();
    private Integer primary;

    private Builder(String purpose) {
      if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
        throw CryptoError.INVALID_ARGUMENT.exception("keyset purpose \"" + purpose + "\" is not a letter or digit "
            + "followed by up to 63 letters, digits, '.', '_' or '-'.");
      }
      this.purpose = purpose;
    }

    /**
     * Sets the keyset id (when reading a stored keyset); by default a fresh random id is drawn.
     *
     * @param keysetId 32 lower-case hex digits
     * @return this builder
     * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for an id of another form
     */
    public Builder keysetId(String keysetId) {
      if (keysetId == null || !KEYSET_ID.matcher(keysetId).matches()) {
        throw CryptoError.INVALID_ARGUMENT.exception("a keyset id must be 32 lower-case hex digits.");
      }
      this.keysetId = keysetId;
      return this;
    }

    /**
     * Adds an existing key.
     *
     * @param keyId its 4-byte id, unique in the keyset
     * @param status its status
     * @param material its 16-byte SM4 key, or {@code null} exactly when the status is DESTROYED
     * @return this builder
     * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-009} for a duplicate id, {@code 001}
     *     for missing or superfluous material, {@code 002} for material of another size than 16 bytes
     */
    public Builder addKey(int keyId, KeyStatus status, SecretBytes material) {
      if (status == null) {
        throw CryptoError.INVALID_ARGUMENT.exception("key " + Integer.toUnsignedString(keyId) + " has no status.");
      }
      if ((status == KeyStatus.DESTROYED) != (material == null)) {
        throw CryptoError.INVALID_ARGUMENT.exception("key " + Integer.toUnsignedString(keyId) + " is " + status
            + (material == null ? " but has no material." : " but material was given."));
      }
      if (material != null && material.size() != Sm4Gcm.KEY_BYTES) {
        throw CryptoError.BAD_KEY_SIZE.exception("key " + Integer.toUnsignedString(keyId) + " has " + material.size()
            + " bytes; an SM4 key has 16.");
      }
      return put(new Entry(keyId, status, material));
    }

    private Builder put(Entry e) {
      if (entries.containsKey(e.keyId())) {
        throw CryptoError.BAD_KEYSET.exception("key id " + Integer.toUnsignedString(e.keyId())
            + " occurs twice in the keyset.");
      }
      entries.put(e.keyId(), e);
      return this;
    }

    /**
     * Adds a fresh random SM4 key under a fresh random key id and makes it the primary.
     *
     * @return this builder
     */
    public Builder addNewPrimary() {
      int keyId;
      do {
        keyId = SecureRandoms.get().nextInt();
      } while (keyId == 0 || entries.containsKey(keyId));
      put(new Entry(keyId, KeyStatus.ENABLED, SecretBytes.random(Sm4Gcm.KEY_BYTES)));
      primary = keyId;
      return this;
    }

    /**
     * Chooses the primary key.
     *
     * @param keyId the id of an enabled key added before
     * @return this builder
     * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-009} if no enabled key has that id
     */
    public Builder primary(int keyId) {
      Entry e = entries.get(keyId);
      if (e == null || status(e) != KeyStatus.ENABLED) {
        throw CryptoError.BAD_KEYSET.exception("the primary must be an ENABLED key of the keyset; key "
            + Integer.toUnsignedString(keyId) + (e == null ? " was not added." : " is " + status(e) + "."));
      }
      primary = keyId;
      return this;
    }

    /**
     * Builds the keyset.
     *
     * @return the keyset
     * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-009} without a primary
     */
    public Keyset build() {
      if (primary == null) {
        throw CryptoError.BAD_KEYSET.exception("the keyset \"" + purpose + "\" has no primary key.");
      }
      String id = keysetId;
      if (id == null) {
        byte[] random = new byte[16];
        SecureRandoms.get().nextBytes(random);
        id = HexFormat.of().formatHex(random);
      }
      return new Keyset(id, purpose, primary, new LinkedHashMap<>(entries));
    }
  }
}
