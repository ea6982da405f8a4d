package org.govdatasec.crypto.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.google.crypto.tink.Aead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.govdatasec.core.policy.SubjectCounter;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.SecretKeyAccess;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.internal.SecureRandoms;
import org.govdatasec.crypto.internal.keys.Framing;
import org.govdatasec.crypto.internal.keys.JdbcKeyStore;
import org.govdatasec.crypto.internal.keys.TombstoneFile;
import org.govdatasec.crypto.internal.keys.UrlDataSource;

/**
 * Per-subject data keys for crypto-shredding (DS-2), counted for the volume rule (CLS-3).
 *
 * <p>Each data subject gets one random SM4 key, created on first use ({@link #aeadFor}) and stored only
 * wrapped under the key-encryption key (KEK, any Tink {@link Aead}) with associated data that binds the
 * subject id and key id, so a wrapped key copied to another subject's row does not unwrap. The store is an
 * embedded H2 file by default ({@link Builder#h2File}) or any JDBC database ({@link Builder#jdbcUrl},
 * {@link Builder#dataSource}); plain JDBC, standard SQL, table created if absent (see {@code docs/formats.md},
 * "Vault schema"). Unwrapped keys are cached (Caffeine, bounded and expiring); evicted keys are zeroed.
 *
 * <p>{@link #destroy(String)} writes a tombstone to an append-only, fsynced file kept apart from the store,
 * deletes the key row, drops and zeroes the cached key, and returns a {@link DestructionProof} verified by a
 * failed decryption. Tombstones are checked before every unwrap and at open: a key row that comes back with
 * a restored backup of the store is refused ({@code GDS-CRYPTO-008}) and deleted again. A destroyed subject
 * never silently gets a new key. Keep the tombstone file out of the store's backups (beside the KEK).
 *
 * <p>The AEAD of a subject writes the layout of {@link KeysetAead} ({@code 0x01 | keyId | nonce | ct | tag},
 * header bound into the associated data). {@link #subjects()} counts live subject keys, so a
 * {@code PolicyEngine} reading this vault as its {@link SubjectCounter} switches to the high-risk controls at
 * 1,000,000 subjects (CLS-3). Thread-safe: concurrent first use of one subject creates exactly one key (also
 * across processes sharing the store, through the primary key).
 */
public final class SubjectKeyVault implements SubjectKeyProvider, SubjectCounter, AutoCloseable {
  /** The longest subject id accepted. */
  public static final int MAX_SUBJECT_ID_CHARS = 200;

  private static final byte[] WRAP_AD_PREFIX = "govdatasec-subject-key/v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PROBE = "govdatasec destruction probe".getBytes(StandardCharsets.US_ASCII);
  private static final Duration TOMBSTONE_POLL = Duration.ofSeconds(1);

  private final Aead kek;
  private final JdbcKeyStore store;
  private final TombstoneFile tombstones;
  private final Cache<String, SubjectKey> cache;
  private final Clock clock;
  private final UrlDataSource ownedDataSource;
  private final Duration countRefresh;
  private final AtomicLong count = new AtomicLong();
  private final Object destroyLock = new Object();
  private volatile long countedAtNanos;
  private volatile long tombstonesCheckedAtNanos;

  /** An unwrapped subject key: material (zeroed on eviction) and its SM4-GCM. */
  private record SubjectKey(String subjectId, int keyId, SecretBytes material, Sm4Gcm gcm) {}

  private SubjectKeyVault(Builder b, JdbcKeyStore store, UrlDataSource owned) {
    this.kek = b.kek;
    this.store = store;
    this.ownedDataSource = owned;
    this.clock = b.clock;
    this.countRefresh = b.countRefresh;
    this.tombstones = TombstoneFile.open(b.tombstoneFile, b.kek);
    this.cache = Caffeine.newBuilder()
        .maximumSize(b.cacheSize)
        .expireAfterAccess(b.cacheExpiry)
        .executor(Runnable::run)
        .removalListener((String subject, SubjectKey key, RemovalCause cause) -> {
          if (key != null) {
            key.material().destroy();
          }
        })
        .build();
    if (tombstones.size() > 0) {
      sweepRestored();
    }
    recount();
  }

  /**
   * Starts a vault.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the subject's AEAD, creating and storing (wrapped) the subject's key on first use.
   *
   * @param subjectId the data subject's identifier, 1 to {@value #MAX_SUBJECT_ID_CHARS} characters
   * @return the AEAD under the subject's key
   * @throws CryptoException {@code GDS-CRYPTO-008} if the subject's key was destroyed, {@code 001} for a bad
   *     subject id, {@code 011} if the stored key does not unwrap, {@code 016} if the store fails
   */
  @Override
  public Aead aeadFor(String subjectId) {
    key(subjectId, true);
    return new SubjectAead(subjectId);
  }

  /**
   * Returns the subject's AEAD without ever creating a key.
   *
   * @param subjectId the data subject's identifier
   * @return the AEAD under the subject's existing key
   * @throws CryptoException {@code GDS-CRYPTO-008} if destroyed, {@code 006} if the subject never had a key
   */
  @Override
  public Aead existingAeadFor(String subjectId) {
    key(subjectId, false);
    return new SubjectAead(subjectId);
  }

  /**
   * Tells whether the subject's key was destroyed.
   *
   * @param subjectId the subject
   * @return {@code true} if a tombstone exists for the subject
   */
  public boolean isDestroyed(String subjectId) {
    checkSubject(subjectId);
    pollTombstones();
    return tombstones.find(subjectId).isPresent();
  }

  /**
   * Tells whether the subject has a live key (without creating one).
   *
   * @param subjectId the subject
   * @return {@code true} if the store holds a key for the subject and it was not destroyed
   */
  public boolean hasKey(String subjectId) {
    return !isDestroyed(subjectId) && store.find(subjectId).isPresent();
  }

  /**
   * Destroys the subject's key (crypto-shredding, DS-2): writes the tombstone (fsynced), deletes the key
   * row, drops and zeroes the cached key, then proves that data under the key no longer decrypts.
   *
   * @param subjectId the subject
   * @return the proof
   * @throws CryptoException {@code GDS-CRYPTO-006} if the subject has no key, {@code 008} if it was already
   *     destroyed, {@code 016} if the tombstone cannot be written (then nothing was destroyed)
   */
  public DestructionProof destroy(String subjectId) {
    synchronized (destroyLock) {
      SubjectKey key = key(subjectId, false);
      byte[] probeAd = probeAd(subjectId);
      byte[] probe = Framing.encrypt(key.keyId(), key.gcm(), PROBE, probeAd);
      // Millisecond precision, as the tombstone keeps it, so destroy and verifyDestroyed report one time.
      Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      tombstones.append(subjectId, key.keyId(), now.toEpochMilli());
      cache.invalidate(subjectId);
      key.material().destroy();
      int deleted;
      try {
        deleted = store.delete(subjectId);
      } catch (CryptoException e) {
        throw CryptoError.VAULT_FAILURE.exception("the key of subject " + subjectId + " is destroyed (its tombstone "
            + "is written and every process refuses it), but its store row could not be deleted now; it is deleted "
            + "at the next access or open. Call verifyDestroyed for a proof once the store is back.", e);
      }
      count.addAndGet(-deleted);
      String outcome;
      boolean verified;
      try {
        key(subjectId, false);
        new SubjectAead(subjectId).decrypt(probe, probeAd);
        verified = false;
        outcome = "UNEXPECTED: the probe still decrypted";
      } catch (CryptoException e) {
        verified = e.error() == CryptoError.KEY_DESTROYED;
        outcome = e.code() + (verified ? " (destroyed)" : " (" + e.error() + ")");
      }
      boolean rowGone = store.find(subjectId).isEmpty();
      verified &= rowGone;
      String verification = "a probe encrypted before destruction no longer decrypts: " + outcome
          + "; the store " + (rowGone ? "holds no key row" : "STILL holds a key row") + " for the subject";
      return new DestructionProof(subjectId, key.keyId(), now, store.description(), tombstones.path().toString(),
          verified, verification);
    }
  }

  /**
   * Re-checks an earlier destruction, for example after a restore of the store from a backup (ST-4, DS-2):
   * the subject's tombstone exists, any row that came back is deleted, the vault refuses the subject with
   * {@code GDS-CRYPTO-008}, and the store holds no row for it.
   *
   * @param subjectId the subject
   * @return a proof with the key id and time of the original destruction
   * @throws CryptoException {@code GDS-CRYPTO-006} if the subject was never destroyed, {@code 016} if the
   *     store fails
   */
  public DestructionProof verifyDestroyed(String subjectId) {
    checkSubject(subjectId);
    tombstones.refresh();
    TombstoneFile.Tombstone tomb = tombstones.find(subjectId).orElseThrow(() -> CryptoError.UNKNOWN_KEY_ID.exception(
        "subject " + subjectId + " has no tombstone in " + tombstones.path() + ": its key was never destroyed."));
    String outcome;
    boolean verified;
    try {
      key(subjectId, false);
      verified = false;
      outcome = "UNEXPECTED: the vault still serves a key";
    } catch (CryptoException e) {
      verified = e.error() == CryptoError.KEY_DESTROYED;
      outcome = e.code() + (verified ? " (destroyed)" : " (" + e.error() + ")");
    }
    boolean rowGone = store.find(subjectId).isEmpty();
    return new DestructionProof(subjectId, tomb.keyId(), Instant.ofEpochMilli(tomb.destroyedAtMillis()),
        store.description(), tombstones.path().toString(), verified && rowGone,
        "re-checked: the vault refuses the subject with " + outcome + "; the store "
            + (rowGone ? "holds no key row" : "STILL holds a key row") + " for the subject");
  }

  /**
   * Deletes key rows of destroyed subjects that came back with a restored backup of the store. Runs at
   * open; every unwrap checks the tombstones too, so this only keeps the store and the count clean.
   *
   * @return the number of rows deleted
   * @throws CryptoException {@code GDS-CRYPTO-016} if the store fails
   */
  public int sweepRestored() {
    int deleted = 0;
    String after = null;
    while (true) {
      List<String> page = store.subjects(after, 1000);
      for (String s : page) {
        if (tombstones.find(s).isPresent()) {
          deleted += store.delete(s);
        }
      }
      if (page.size() < 1000) {
        break;
      }
      after = page.get(page.size() - 1);
    }
    if (deleted > 0) {
      recount();
    }
    return deleted;
  }

  /**
   * Returns the number of data subjects with a live key (CLS-3). Maintained on create and destroy, and
   * recounted from the store at most every {@link Builder#countRefresh} (other processes may add keys).
   *
   * @return the count, 0 or more
   */
  @Override
  public long subjects() {
    if (System.nanoTime() - countedAtNanos > countRefresh.toNanos()) {
      recount();
    }
    return count.get();
  }

  /**
   * Returns the number of unwrapped keys in the cache now (after pending evictions).
   *
   * @return the cached key count
   */
  public long cachedKeys() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /**
   * Describes the store, without credentials.
   *
   * @return e.g. {@code jdbc:h2:file:/var/lib/agency/vault}
   */
  public String storeDescription() {
    return store.description();
  }

  /**
   * Returns the tombstone file.
   *
   * @return its path
   */
  public Path tombstoneFile() {
    return tombstones.path();
  }

  /** Zeroes every cached key and closes the store's connection if the vault opened it. */
  @Override
  public void close() {
    cache.invalidateAll();
    cache.cleanUp();
    if (ownedDataSource != null) {
      try {
        ownedDataSource.close();
      } catch (SQLException e) {
        throw CryptoError.VAULT_FAILURE.exception("the vault store " + store.description() + " did not close cleanly.",
            e);
      }
    }
  }

  @Override
  public String toString() {
    return "SubjectKeyVault[" + store.description() + ", tombstones " + tombstones.path() + "]";
  }

  private void recount() {
    count.set(store.count());
    countedAtNanos = System.nanoTime();
  }

  private void pollTombstones() {
    long now = System.nanoTime();
    if (now - tombstonesCheckedAtNanos > TOMBSTONE_POLL.toNanos()) {
      tombstonesCheckedAtNanos = now;
      if (tombstones.grew() && tombstones.refresh()) {
        // another process destroyed keys: drop those subjects from the cache
        for (String s : List.copyOf(cache.asMap().keySet())) {
          if (tombstones.find(s).isPresent()) {
            cache.invalidate(s);
          }
        }
      }
    }
  }

  private SubjectKey key(String subjectId, boolean create) {
    checkSubject(subjectId);
    pollTombstones();
    SubjectKey key = cache.getIfPresent(subjectId);
    if (key != null) {
      return key;
    }
    try {
      return cache.get(subjectId, s -> load(s, create));
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private SubjectKey load(String subjectId, boolean create) {
    tombstones.refresh();
    Optional<TombstoneFile.Tombstone> tomb = tombstones.find(subjectId);
    if (tomb.isPresent()) {
      int deleted = store.delete(subjectId); // a row restored from a backup: delete it again
      if (deleted > 0) {
        count.addAndGet(-deleted);
      }
      throw CryptoError.KEY_DESTROYED.exception("the key " + Integer.toUnsignedString(tomb.get().keyId())
          + " of subject " + subjectId + " was destroyed at " + Instant.ofEpochMilli(tomb.get().destroyedAtMillis())
          + (deleted > 0 ? "; a restored copy of its row was found and deleted again" : "") + ".");
    }
    Optional<JdbcKeyStore.Row> row = store.find(subjectId);
    if (row.isEmpty()) {
      if (!create) {
        throw CryptoError.UNKNOWN_KEY_ID.exception("subject " + subjectId + " has no key in the vault "
            + store.description() + ".");
      }
      row = Optional.of(createKey(subjectId));
    }
    return unwrap(row.get());
  }

  private JdbcKeyStore.Row createKey(String subjectId) {
    int keyId;
    do {
      keyId = SecureRandoms.get().nextInt();
    } while (keyId == 0);
    SecretBytes material = SecretBytes.random(Sm4Gcm.KEY_BYTES);
    byte[] raw = material.toByteArray(SecretKeyAccess.insecure());
    JdbcKeyStore.Row row;
    try {
      byte[] wrapped = kek.encrypt(raw, wrapAd(subjectId, keyId));
      row = new JdbcKeyStore.Row(subjectId, keyId, Base64.getEncoder().encodeToString(wrapped), clock.millis());
    } catch (GeneralSecurityException e) {
      throw CryptoError.UNWRAP_FAILED.exception("the key-encryption key refused to wrap a new key for subject "
          + subjectId + ".", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
      material.destroy();
    }
    if (store.insert(row)) {
      count.incrementAndGet();
      return row;
    }
    // another process created the subject's key first: use that one
    return store.find(subjectId).orElseThrow(() -> CryptoError.VAULT_FAILURE.exception("the key of subject "
        + subjectId + " was created concurrently but cannot be read."));
  }

  private SubjectKey unwrap(JdbcKeyStore.Row row) {
    byte[] raw;
    try {
      raw = kek.decrypt(Base64.getDecoder().decode(row.wrappedKey()), wrapAd(row.subjectId(), row.keyId()));
    } catch (GeneralSecurityException | IllegalArgumentException | CryptoException e) {
      throw CryptoError.UNWRAP_FAILED.exception("the stored key " + Integer.toUnsignedString(row.keyId())
          + " of subject " + row.subjectId() + " does not unwrap under the vault's key-encryption key "
          + "(another KEK, or the row was modified or copied from another subject).");
    }
    try {
      if (raw.length != Sm4Gcm.KEY_BYTES) {
        throw CryptoError.BAD_KEY_SIZE.exception("the stored key of subject " + row.subjectId() + " has "
            + raw.length + " bytes; an SM4 key has 16.");
      }
      SecretBytes material = SecretBytes.copyFrom(raw, SecretKeyAccess.insecure());
      return new SubjectKey(row.subjectId(), row.keyId(), material, Sm4Gcm.create(material));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** {@code "govdatasec-subject-key/v1" || keyId (4 bytes BE) || UTF-8 subject id}. */
  static byte[] wrapAd(String subjectId, int keyId) {
    byte[] s = subjectId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(WRAP_AD_PREFIX.length + 4 + s.length).put(WRAP_AD_PREFIX).putInt(keyId).put(s).array();
  }

  private static byte[] probeAd(String subjectId) {
    return ("govdatasec-destruction-probe/v1|" + subjectId).getBytes(StandardCharsets.UTF_8);
  }

  private static void checkSubject(String subjectId) {
    if (subjectId == null || subjectId.isBlank() || subjectId.length() > MAX_SUBJECT_ID_CHARS) {
      throw CryptoError.INVALID_ARGUMENT.exception("a subject id must have 1 to " + MAX_SUBJECT_ID_CHARS
          + " characters and not be blank; got " + (subjectId == null ? "null" : subjectId.length() + " characters") + ".");
    }
  }

  /** A subject's AEAD: every call resolves the subject's key through the vault, so destruction applies at once. */
  private final class SubjectAead implements Aead {
    private final String subjectId;

    SubjectAead(String subjectId) {
      this.subjectId = subjectId;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
      SubjectKey k = key(subjectId, false);
      return Framing.encrypt(k.keyId(), k.gcm(), plaintext, associatedData);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
      if (ciphertext == null) {
        throw CryptoError.INVALID_ARGUMENT.exception("a null ciphertext was given to decrypt.");
      }
      SubjectKey k = key(subjectId, false);
      int keyId = Framing.keyId(ciphertext);
      if (keyId != k.keyId()) {
        throw CryptoError.UNKNOWN_KEY_ID.exception("the ciphertext names key " + Integer.toUnsignedString(keyId)
            + ", but the key of subject " + subjectId + " is " + Integer.toUnsignedString(k.keyId())
            + " (a value of another subject?).");
      }
      return Framing.decrypt(k.gcm(), ciphertext, associatedData);
    }

    @Override
    public String toString() {
      return "SubjectAead[" + subjectId + "]";
    }
  }

  /** Builds a {@link SubjectKeyVault}; checks each setting eagerly ({@code GDS-CRYPTO-001}). */
  public static final class Builder {
    private Aead kek;
    private Path tombstoneFile;
    private DataSource dataSource;
    private String description;
    private String url;
    private String user;
    private String password;
    private long cacheSize = 10_000;
    private Duration cacheExpiry = Duration.ofMinutes(10);
    private Duration countRefresh = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the key-encryption key (required): a {@link MasterKeyFile#aead()}, a passphrase-derived
     * {@link Sm4Gcm}, or any Tink AEAD (KMS, HSM).
     *
     * @param kek the KEK
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for null
     */
    public Builder kek(Aead kek) {
      this.kek = require(kek, "key-encryption key");
      return this;
    }

    /**
     * Sets the tombstone file (required): append-only, kept apart from the store and its backups.
     *
     * @param tombstoneFile the file, created owner-only if missing
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for null
     */
    public Builder tombstoneFile(Path tombstoneFile) {
      this.tombstoneFile = require(tombstoneFile, "tombstone file");
      return this;
    }

    /**
     * Uses an embedded H2 database file (the default store).
     *
     * @param base the database path without extension; H2 writes {@code base.mv.db}
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for null
     */
    public Builder h2File(Path base) {
      require(base, "H2 file");
      return jdbcUrl("jdbc:h2:file:" + base.toAbsolutePath(), "sa", "");
    }

    /**
     * Uses any JDBC database by URL (its driver on the class path).
     *
     * @param url the JDBC URL
     * @param user the user, or {@code null}
     * @param password the password, or {@code null}; never shown in descriptions
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for a URL not starting with {@code jdbc:}
     */
    public Builder jdbcUrl(String url, String user, String password) {
      if (url == null || !url.startsWith("jdbc:")) {
        throw CryptoError.INVALID_ARGUMENT.exception("a vault JDBC URL must start with jdbc:.");
      }
      this.url = url;
      this.user = user;
      this.password = password;
      this.dataSource = null;
      return this;
    }

    /**
     * Uses a data source (for a pooled production database).
     *
     * @param dataSource the data source
     * @param description how to describe the store in proofs and messages, without credentials
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for null
     */
    public Builder dataSource(DataSource dataSource, String description) {
      this.dataSource = require(dataSource, "data source");
      this.description = require(description, "store description");
      this.url = null;
      return this;
    }

    /**
     * Sets the most unwrapped keys kept in memory; default 10,000.
     *
     * @param cacheSize 0 (no caching) or more
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for a negative size
     */
    public Builder cacheSize(long cacheSize) {
      if (cacheSize < 0) {
        throw CryptoError.INVALID_ARGUMENT.exception("a cache size of " + cacheSize + ".");
      }
      this.cacheSize = cacheSize;
      return this;
    }

    /**
     * Sets how long an unused unwrapped key stays in memory; default 10 minutes.
     *
     * @param cacheExpiry a positive duration
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for a null, zero or negative duration
     */
    public Builder cacheExpiry(Duration cacheExpiry) {
      if (cacheExpiry == null || cacheExpiry.isZero() || cacheExpiry.isNegative()) {
        throw CryptoError.INVALID_ARGUMENT.exception("the cache expiry must be a positive duration.");
      }
      this.cacheExpiry = cacheExpiry;
      return this;
    }

    /**
     * Sets how often {@link #subjects()} recounts the store (other processes may add keys); default 30 s.
     *
     * @param countRefresh a duration, zero to count on every call
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for a null or negative duration
     */
    public Builder countRefresh(Duration countRefresh) {
      if (countRefresh == null || countRefresh.isNegative()) {
        throw CryptoError.INVALID_ARGUMENT.exception("the count refresh must be zero or a positive duration.");
      }
      this.countRefresh = countRefresh;
      return this;
    }

    /**
     * Sets the clock for creation and destruction times; default UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for null
     */
    public Builder clock(Clock clock) {
      this.clock = require(clock, "clock");
      return this;
    }

    /**
     * Opens the vault: connects, creates the table if absent, reads the tombstones and deletes restored
     * rows of destroyed subjects.
     *
     * @return the vault
     * @throws CryptoException {@code GDS-CRYPTO-001} without a KEK, tombstone file or store,
     *     {@code 016} if the store cannot be opened, {@code 011} if the tombstone file's key does not unwrap
     */
    public SubjectKeyVault build() {
      require(kek, "key-encryption key (kek)");
      require(tombstoneFile, "tombstone file (tombstoneFile)");
      if (dataSource == null && url == null) {
        throw CryptoError.INVALID_ARGUMENT.exception("the vault has no store; call h2File, jdbcUrl or dataSource.");
      }
      UrlDataSource owned = null;
      DataSource ds = dataSource;
      String desc = description;
      if (ds == null) {
        try {
          owned = new UrlDataSource(url, user, password);
        } catch (SQLException e) {
          throw CryptoError.VAULT_FAILURE.exception("the vault store " + UrlDataSource.redact(url)
              + " cannot be opened (SQLState " + e.getSQLState() + ").", e);
        }
        ds = owned;
        desc = UrlDataSource.redact(url);
      }
      try {
        return new SubjectKeyVault(this, new JdbcKeyStore(ds, desc), owned);
      } catch (RuntimeException e) {
        if (owned != null) {
          try {
            owned.close();
          } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
    }

    private static <T> T require(T value, String what) {
      if (value == null) {
        throw CryptoError.INVALID_ARGUMENT.exception("the vault needs a " + what + ".");
      }
      return value;
    }
  }
}
