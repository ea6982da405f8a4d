package org.govdatasec.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.govdatasec.audit.internal.LogWriter;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditException;
import org.govdatasec.core.audit.AuditRecorder;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.crypto.Sm2PublicKey;

/**
 * The durable, tamper-evident audit log (AU-1, AU-2, USE-3, TX-2): the {@link AuditRecorder} that
 * production systems give their governance code.
 *
 * <ul>
 *   <li><b>Append-only segments</b> of one canonical JSON entry per line, with its sequence number and
 *       log time; a new segment per {@linkplain Builder#segmentPeriod period}.</li>
 *   <li><b>SM3 Merkle tree</b> (RFC 6962 shape, {@link Merkle}) over the entries, and <b>SM2-signed
 *       checkpoints</b> every N events or T milliseconds and on close; anyone holding the public key can
 *       check the log with {@link AuditVerifier}.</li>
 *   <li><b>Durable group commit</b>: {@link #append} returns only after its event was forced to disk;
 *       concurrent appends share one {@code force}. {@link Durability#ASYNC} must be chosen explicitly.</li>
 *   <li><b>Crash recovery</b>: opening cuts a torn last line and records a {@code LOG_RECOVERED} event.</li>
 *   <li><b>Retention</b>: at least 180 days (TX-2); {@link #prune} removes only whole segments older than
 *       that and covered by a signed checkpoint, and records a {@code LOG_PRUNED} event.</li>
 * </ul>
 *
 * <p>The formats are specified in {@code docs/audit.md}. Thread-safe. One {@code AuditLog} per directory
 * (a file lock enforces it).
 */
public final class AuditLog implements AuditRecorder, AutoCloseable {

  /** The legal minimum retention: six months (NJ-21), counted as 180 days. */
  public static final Duration MIN_RETENTION = Duration.ofDays(180);

  private static final Pattern ORIGIN = Pattern.compile("[\\x21-\\x7e&&[^\"\\\\]]{1,128}");

  /** How an append is acknowledged. */
  public enum Durability {
    /** Acknowledge after the event is forced to disk (the default). */
    DURABLE,
    /**
     * Acknowledge after the event is handed to the operating system; forced at checkpoints and on close.
     * A machine crash can lose acknowledged events. Explicit opt-in only.
     */
    ASYNC
  }

  /** Opens the files the log writes, so tests can inject storage faults (a full disk). */
  @FunctionalInterface
  public interface FileOpener {
    /**
     * Opens a file for writing, creating it if absent.
     *
     * @param path the file
     * @return a channel positioned anywhere (the log positions it)
     * @throws IOException if the file cannot be opened
     */
    FileChannel open(Path path) throws IOException;
  }

  private final LogWriter writer;
  private final Path directory;
  private final Sm2PublicKey publicKey;
  private final Duration retention;

  private AuditLog(LogWriter writer, Path directory, Sm2PublicKey publicKey, Duration retention) {
    this.writer = writer;
    this.directory = directory;
    this.publicKey = publicKey;
    this.retention = retention;
  }

  /**
   * Starts a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Appends an event and waits until it is durable.
   *
   * @param event the event
   * @return the receipt
   * @throws AuditException {@code GDS-AUDIT-008} if storage failed (the event was not acknowledged),
   *     {@code GDS-AUDIT-009} if the log is closed, {@code GDS-AUDIT-011} if the event is too large,
   *     {@code GDS-AUDIT-015} if the thread was interrupted while waiting
   */
  public AppendReceipt append(AuditEvent event) {
    return await(submit(event));
  }

  /**
   * Submits an event; the future completes when the event is durable (or, in ASYNC mode, written). Lets
   * one thread keep several events in flight while still being told when each is on disk.
   *
   * @param event the event
   * @return the future receipt; it fails with an {@link AuditException} as {@link #append} would throw
   * @throws AuditException {@code GDS-AUDIT-009} if the log is closed, {@code GDS-AUDIT-011} if the event
   *     is too large
   */
  public CompletableFuture<AppendReceipt> submit(AuditEvent event) {
    if (event == null) {
      throw AuditError.MISSING_FIELD.exception("A null audit event was appended.");
    }
    return writer.submit(event);
  }

  /**
   * Records an event durably (the {@link AuditRecorder} port); same as {@link #append}.
   *
   * @param event the event
   * @throws AuditException as {@link #append}
   */
  @Override
  public void record(AuditEvent event) {
    append(event);
  }

  /**
   * Writes a signed checkpoint now, covering every event appended before this call.
   *
   * @return the checkpoint
   * @throws AuditException {@code GDS-AUDIT-008} if storage failed, {@code GDS-AUDIT-009} if closed,
   *     {@code GDS-AUDIT-017} if signing failed
   */
  public Checkpoint checkpoint() {
    return await(writer.checkpoint());
  }

  /**
   * Removes whole segments whose newest entry is older than {@code now - retention} and that a signed
   * checkpoint covers, oldest first; records a {@code LOG_PRUNED} event (TX-2). The tree state of the
   * removed prefix is kept in {@code pruned.json} so the rest still verifies.
   *
   * @param now the current time
   * @return what was removed
   * @throws AuditException {@code GDS-AUDIT-012} if no segment may be removed (the message says why),
   *     {@code GDS-AUDIT-008} if storage failed
   */
  public PruneResult prune(Instant now) {
    return await(writer.prune(Objects.requireNonNull(now, "now"), retention));
  }

  /**
   * Returns the number of events in the log (the next sequence number), including pruned ones.
   *
   * @return the size
   */
  public long size() {
    return writer.size();
  }

  /**
   * Returns the latest signed checkpoint.
   *
   * @return the checkpoint, or empty before the first one
   */
  public Optional<Checkpoint> latestCheckpoint() {
    return Optional.ofNullable(writer.latestCheckpoint());
  }

  /**
   * Returns what recovery did when the log was opened.
   *
   * @return a description of the cut torn tail, or empty if nothing was cut
   */
  public Optional<String> recovery() {
    return Optional.ofNullable(writer.recoveryNote());
  }

  /**
   * Returns the public key that verifies this log's checkpoints.
   *
   * @return the public key
   */
  public Sm2PublicKey publicKey() {
    return publicKey;
  }

  /**
   * Returns the log's directory.
   *
   * @return the directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * Writes a final checkpoint, forces everything and releases the directory. Idempotent.
   *
   * @throws AuditException {@code GDS-AUDIT-008} if the final write failed
   */
  @Override
  public void close() {
    writer.close();
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AuditError.INTERRUPTED.exception("Interrupted while waiting for the audit log to make an event durable.",
          e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof AuditException ae) {
        throw new AuditException(ae.error(), ae.refused(), ae.fix(), ae);
      }
      throw AuditError.STORAGE_FAILED.exception("The audit log failed: " + c, c);
    }
  }

  /**
   * Builds and opens an {@link AuditLog}; every setter validates at once.
   */
  public static final class Builder {
    private Path directory;
    private Sm2PrivateKey signer;
    private String origin = "govdatasec-audit";
    private int checkpointEvery = 10_000;
    private Duration checkpointInterval = Duration.ofSeconds(10);
    private Duration segmentPeriod = Duration.ofDays(1);
    private Duration retention = MIN_RETENTION;
    private Durability durability = Durability.DURABLE;
    private Clock clock = Clock.systemUTC();
    private FileOpener opener = p -> FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);

    private Builder() {}

    /**
     * Sets the log's directory (created if absent).
     *
     * @param value the directory
     * @return this builder
     */
    public Builder directory(Path value) {
      this.directory = config(value, "directory");
      return this;
    }

    /**
     * Sets the SM2 key that signs checkpoints; its public key verifies them.
     *
     * @param value the private key
     * @return this builder
     */
    public Builder signer(Sm2PrivateKey value) {
      this.signer = config(value, "signer");
      return this;
    }

    /**
     * Sets the log's name, signed into every checkpoint (default {@code govdatasec-audit}).
     *
     * @param value 1 to 128 printable ASCII characters, no space, quote or backslash
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-006} for another form
     */
    public Builder origin(String value) {
      if (value == null || !ORIGIN.matcher(value).matches()) {
        throw AuditError.BAD_LOG_CONFIG.exception("The audit log origin must be 1 to 128 printable ASCII characters"
            + " without spaces, quotes or backslashes.");
      }
      this.origin = value;
      return this;
    }

    /**
     * Sets the number of events after which a checkpoint is signed (default 10,000).
     *
     * @param value at least 1
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-006} below 1
     */
    public Builder checkpointEvery(int value) {
      if (value < 1) {
        throw AuditError.BAD_LOG_CONFIG.exception("checkpointEvery is " + value + "; it must be at least 1.");
      }
      this.checkpointEvery = value;
      return this;
    }

    /**
     * Sets the time after which pending events get a checkpoint (default 10 s).
     *
     * @param value at least 1 ms
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-006} below 1 ms
     */
    public Builder checkpointInterval(Duration value) {
      if (value == null || value.toMillis() < 1) {
        throw AuditError.BAD_LOG_CONFIG.exception("checkpointInterval is " + value + "; it must be at least 1 ms.");
      }
      this.checkpointInterval = value;
      return this;
    }

    /**
     * Sets the period of a segment file (default 1 day, aligned to UTC).
     *
     * @param value at least 1 minute
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-006} below 1 minute
     */
    public Builder segmentPeriod(Duration value) {
      if (value == null || value.compareTo(Duration.ofMinutes(1)) < 0) {
        throw AuditError.BAD_LOG_CONFIG.exception("segmentPeriod is " + value + "; it must be at least 1 minute.");
      }
      this.segmentPeriod = value;
      return this;
    }

    /**
     * Sets how long segments are kept before they may be pruned (default and minimum 180 days, TX-2).
     *
     * @param value at least {@link AuditLog#MIN_RETENTION}
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-005} below 180 days
     */
    public Builder retention(Duration value) {
      if (value == null || value.compareTo(MIN_RETENTION) < 0) {
        throw AuditError.RETENTION_TOO_SHORT.exception("A retention of " + value
            + " is shorter than the 180 days (six months) the Nanjing rules require for transmission logs.");
      }
      this.retention = value;
      return this;
    }

    /**
     * Sets the durability mode (default {@link Durability#DURABLE}).
     *
     * @param value the mode
     * @return this builder
     */
    public Builder durability(Durability value) {
      this.durability = config(value, "durability");
      return this;
    }

    /**
     * Sets the clock that stamps entries (default UTC system clock). If it goes backwards, entries keep the
     * last time and record by how much it went back ({@code clockBack}).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = config(value, "clock");
      return this;
    }

    /**
     * Replaces how files are opened for writing (for fault-injection tests).
     *
     * @param value the opener
     * @return this builder
     */
    public Builder fileOpener(FileOpener value) {
      this.opener = config(value, "fileOpener");
      return this;
    }

    private static <T> T config(T value, String name) {
      if (value == null) {
        throw AuditError.BAD_LOG_CONFIG.exception("The audit log's " + name + " is missing.");
      }
      return value;
    }

    /**
     * Opens the log: recovers a torn tail, restores the Merkle tree and starts the writer.
     *
     * @return the open log
     * @throws AuditException {@code GDS-AUDIT-006} without directory or signer, {@code GDS-AUDIT-007} if
     *     another writer holds the directory, {@code GDS-AUDIT-010} if the files are corrupt beyond a torn
     *     tail, {@code GDS-AUDIT-008} if the files cannot be written
     */
    public AuditLog open() {
      config(directory, "directory");
      config(signer, "signer");
      if (signer.isDestroyed()) {
        throw AuditError.BAD_LOG_CONFIG.exception("The audit log's signing key was destroyed.");
      }
      try {
        Files.createDirectories(directory);
      } catch (IOException e) {
        throw AuditError.STORAGE_FAILED.exception("Cannot create the audit log directory " + directory + ".", e);
      }
      FileChannel lockChannel = null;
      FileLock lock;
      try {
        lockChannel = FileChannel.open(directory.resolve(org.govdatasec.audit.internal.LogFiles.LOCK),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.tryLock();
      } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
        closeQuietly(lockChannel);
        throw AuditError.LOG_LOCKED.exception("Cannot lock the audit log directory " + directory + ".", e);
      }
      if (lock == null) {
        closeQuietly(lockChannel);
        throw AuditError.LOG_LOCKED.exception("Another process holds the audit log directory " + directory + ".");
      }
      LogWriter.Config cfg = new LogWriter.Config(directory, signer, origin, checkpointEvery,
          checkpointInterval.toMillis(), segmentPeriod.toMillis(), durability == Durability.DURABLE, clock,
          opener::open);
      LogWriter w;
      try {
        w = LogWriter.open(cfg, lockChannel);
      } catch (RuntimeException e) {
        closeQuietly(lockChannel);
        throw e;
      }
      return new AuditLog(w, directory, signer.publicKey(), retention);
    }

    private static void closeQuietly(FileChannel ch) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // nothing more to release
        }
      }
    }
  }
}
