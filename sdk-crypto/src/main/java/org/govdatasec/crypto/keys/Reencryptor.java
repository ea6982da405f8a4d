package org.govdatasec.crypto.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;

/**
 * Moves stored values to a keyset's current primary key after a rotation, page by page, resumable and
 * idempotent, for tables of any size (ST-2, ST-4; key rotation before a key is retired or destroyed, DS-2).
 *
 * <p>The caller supplies the rows through a {@link RowSource} (pages in ascending key order, strictly after
 * a given key) and takes the re-encrypted ones through a {@link RowSink}, which receives with every page the
 * {@link Checkpoint} to resume from. A sink that stores the rows and the checkpoint in one transaction
 * gives exact resumption: after a crash, {@code run(source, sink, storedCheckpoint)} continues after the
 * last page that was committed, re-doing nothing and skipping nothing. A sink that stores the checkpoint
 * separately is still safe: a page written before the crash but not checkpointed is read again and its
 * rows are now under the primary, so they are skipped, not encrypted twice (they then count as skipped).
 *
 * <p>Values that do not decrypt (tampered, destroyed or disabled key, not ours) are left untouched and
 * counted as failed; the optional failure listener gets the row key and the error (never the value).
 *
 * <pre>{@code
 * Reencryptor r = Reencryptor.builder(keyset.aead()).pageSize(1000).build();
 * Checkpoint done = r.run(source, sink, sink.lastCheckpoint().orElse(Checkpoint.START));
 * }</pre>
 */
public final class Reencryptor {
  private final KeysetAead aead;
  private final int pageSize;
  private final BiConsumer<String, CryptoException> onFailure;

  private Reencryptor(Builder b) {
    this.aead = b.aead;
    this.pageSize = b.pageSize;
    this.onFailure = b.onFailure;
  }

  /**
   * Starts a re-encryptor towards the primary of an AEAD's keyset.
   *
   * @param aead the keyset AEAD whose primary the values move to; it must still hold the old keys
   * @return the builder
   * @throws CryptoException {@code GDS-CRYPTO-001} for a null AEAD
   */
  public static Builder builder(KeysetAead aead) {
    return new Builder(aead);
  }

  /**
   * Processes pages from a checkpoint until the source is exhausted.
   *
   * @param source where the rows come from
   * @param sink where re-encrypted rows and checkpoints go
   * @param from where to start: {@link Checkpoint#START} or a checkpoint the sink stored
   * @return the final checkpoint, {@link Checkpoint#finished() finished}
   * @throws CryptoException {@code GDS-CRYPTO-001} for null arguments or a page that breaks the source's
   *     contract (null rows, repeated keys, a page larger than asked)
   */
  public Checkpoint run(RowSource source, RowSink sink, Checkpoint from) {
    Checkpoint cp = from;
    while (!cp.finished()) {
      cp = runPage(source, sink, cp);
    }
    return cp;
  }

  /**
   * Processes one page: reads it after the checkpoint's key, re-encrypts what needs it, and writes the
   * changed rows together with the next checkpoint.
   *
   * @param source where the rows come from
   * @param sink where re-encrypted rows and the checkpoint go
   * @param from the checkpoint to continue from
   * @return the checkpoint after this page (finished when the page was the last)
   * @throws CryptoException {@code GDS-CRYPTO-001} as for {@link #run}
   */
  public Checkpoint runPage(RowSource source, RowSink sink, Checkpoint from) {
    if (source == null || sink == null || from == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("re-encryption needs a row source, a row sink and a checkpoint.");
    }
    if (from.finished()) {
      return from;
    }
    List<Row> page = source.page(from.lastKey(), pageSize);
    if (page == null || page.size() > pageSize) {
      throw CryptoError.INVALID_ARGUMENT.exception("the row source returned " + (page == null ? "null"
          : page.size() + " rows") + " for a page of " + pageSize + " after key " + from.lastKey() + ".");
    }
    List<Row> changed = new ArrayList<>();
    long reencrypted = from.reencrypted();
    long skipped = from.skipped();
    long failed = from.failed();
    String last = from.lastKey();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Row row : page) {
      if (row == null || !seen.add(row.key()) || row.key().equals(from.lastKey())) {
        throw CryptoError.INVALID_ARGUMENT.exception("the row source returned a null or repeated row after key "
            + from.lastKey() + "; pages must hold distinct keys in ascending order, after the given key.");
      }
      last = row.key();
      try {
        if (!aead.needsReencryption(row.ciphertext())) {
          skipped++;
          continue;
        }
        byte[] next = aead.reencrypt(row.ciphertext(), row.associatedData());
        changed.add(new Row(row.key(), next, row.associatedData()));
        reencrypted++;
      } catch (CryptoException e) {
        failed++;
        onFailure.accept(row.key(), e);
      }
    }
    Checkpoint next = new Checkpoint(last, reencrypted, skipped, failed, page.size() < pageSize);
    sink.write(List.copyOf(changed), next);
    return next;
  }

  /** Builds a {@link Reencryptor}. */
  public static final class Builder {
    private final KeysetAead aead;
    private int pageSize = 500;
    private BiConsumer<String, CryptoException> onFailure = (key, e) -> { };

    private Builder(KeysetAead aead) {
      if (aead == null) {
        throw CryptoError.INVALID_ARGUMENT.exception("re-encryption needs the keyset AEAD.");
      }
      this.aead = aead;
    }

    /**
     * Sets the rows per page (and per sink transaction); default 500.
     *
     * @param pageSize 1 to 100,000
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} outside that range
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 100_000) {
        throw CryptoError.INVALID_ARGUMENT.exception("page size " + pageSize + " is outside 1 to 100,000.");
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets what to do with a row that fails (it is left untouched and counted); default: nothing more.
     *
     * @param onFailure receives the row key and the error, never the value
     * @return this builder
     * @throws CryptoException {@code GDS-CRYPTO-001} for null
     */
    public Builder onFailure(BiConsumer<String, CryptoException> onFailure) {
      if (onFailure == null) {
        throw CryptoError.INVALID_ARGUMENT.exception("a null failure listener was given.");
      }
      this.onFailure = onFailure;
      return this;
    }

    /**
     * Builds the re-encryptor.
     *
     * @return the re-encryptor
     */
    public Reencryptor build() {
      return new Reencryptor(this);
    }
  }

  /**
   * One stored value: its row key, ciphertext and associated data.
   *
   * @param key the row's unique key, in the order the source pages by
   * @param ciphertext the stored value, in the layout of {@link KeysetAead}
   * @param associatedData the value's associated data ({@code null} means empty)
   */
  public record Row(String key, byte[] ciphertext, byte[] associatedData) {
    /**
     * Checks the fields.
     *
     * @param key the row key
     * @param ciphertext the stored value
     * @param associatedData its associated data
     * @throws CryptoException {@code GDS-CRYPTO-001} for a null key or ciphertext
     */
    public Row {
      if (key == null || ciphertext == null) {
        throw CryptoError.INVALID_ARGUMENT.exception("a row needs a key and a ciphertext.");
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && key.equals(r.key) && java.util.Arrays.equals(ciphertext, r.ciphertext)
          && java.util.Arrays.equals(associatedData, r.associatedData);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, java.util.Arrays.hashCode(ciphertext), java.util.Arrays.hashCode(associatedData));
    }

    @Override
    public String toString() {
      return "Row[" + key + ", " + ciphertext.length + " bytes]";
    }
  }

  /**
   * Where a run stands: the last row key done and the counts so far.
   *
   * @param lastKey the key of the last row processed, {@code null} before the first page
   * @param reencrypted rows moved to the primary so far
   * @param skipped rows that were under the primary already
   * @param failed rows that did not decrypt and were left untouched
   * @param finished whether the source is exhausted
   */
  public record Checkpoint(String lastKey, long reencrypted, long skipped, long failed, boolean finished) {
    /** The checkpoint before the first page. */
    public static final Checkpoint START = new Checkpoint(null, 0, 0, 0, false);

    /**
     * Checks the counts.
     *
     * @param lastKey the last key done
     * @param reencrypted rows re-encrypted
     * @param skipped rows skipped
     * @param failed rows failed
     * @param finished whether the source is exhausted
     * @throws CryptoException {@code GDS-CRYPTO-001} for a negative count
     */
    public Checkpoint {
      if (reencrypted < 0 || skipped < 0 || failed < 0) {
        throw CryptoError.INVALID_ARGUMENT.exception("a checkpoint count is negative.");
      }
    }

    /**
     * Returns the rows processed so far.
     *
     * @return re-encrypted + skipped + failed
     */
    public long processed() {
      return reencrypted + skipped + failed;
    }
  }

  /** Pages of stored rows, in ascending key order. */
  @FunctionalInterface
  public interface RowSource {
    /**
     * Returns up to {@code limit} rows whose keys come strictly after {@code afterKey}, ascending.
     *
     * @param afterKey the last key done, {@code null} for the first page
     * @param limit the most rows to return
     * @return the rows; fewer than {@code limit} (or none) when the source is exhausted
     */
    List<Row> page(String afterKey, int limit);
  }

  /** Takes re-encrypted rows and the checkpoint to resume from. */
  @FunctionalInterface
  public interface RowSink {
    /**
     * Stores re-encrypted rows (replacing each row's value by key) and the checkpoint, ideally in one
     * transaction. If it throws, the run stops and must resume from the last checkpoint stored.
     *
     * @param reencrypted the rows whose value changed (possibly none)
     * @param checkpoint where to resume after this page
     */
    void write(List<Row> reencrypted, Checkpoint checkpoint);
  }
}
