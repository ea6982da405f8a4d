package org.govdatasec.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govdatasec.audit.AuditLog;
import org.govdatasec.core.audit.AuditRecorder;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.crypto.Sm2PublicKey;

/**
 * The demo's one audit log (AU-1, AU-2, TX-2): a durable sdk-audit {@link AuditLog} in
 * {@code <work>/audit-log}, SM2-signed checkpoints under a key generated for the run (its public key in
 * {@code <work>/audit-public.pem}), origin {@value #ORIGIN}, on a clock the demo sets by hand so that the
 * log's times are the same on every run. Every step that handles citizen data records into it; the
 * demo notes where each step's events start, so the audit step can count them per step.
 */
public final class DemoAuditLog implements AutoCloseable {
  /** The origin signed into each checkpoint of the demo's log. */
  public static final String ORIGIN = "nanning.citizen-registry";
  /** When the log's clock starts: Tuesday 18 June 2024, 09:00 in Nanning. */
  public static final Instant START = Instant.parse("2024-06-18T01:00:00Z");
  /** A signed checkpoint is written after this many events. */
  public static final int CHECKPOINT_EVERY = 8;

  /** A clock the demo moves by hand. */
  private static final class HandClock extends Clock {
    private volatile long millis;

    HandClock(Instant start) {
      millis = start.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  private final AuditLog log;
  private final HandClock clock;
  private final Path publicKeyFile;
  private final Map<String, Long> stepStarts = new LinkedHashMap<>();
  private boolean closed;

  private DemoAuditLog(AuditLog log, HandClock clock, Path publicKeyFile) {
    this.log = log;
    this.clock = clock;
    this.publicKeyFile = publicKeyFile;
  }

  /**
   * Opens a fresh log in {@code <workDir>/audit-log}, with a new SM2 key whose public half is written
   * (through a temp file and an atomic move) to {@code <workDir>/audit-public.pem}.
   *
   * @param workDir the demo's work folder
   * @return the open log
   * @throws UncheckedIOException if the key file cannot be written
   */
  public static DemoAuditLog open(Path workDir) {
    try {
      Files.createDirectories(workDir);
      Sm2PrivateKey key = Sm2PrivateKey.generate();
      Path pem = workDir.resolve("audit-public.pem");
      Path tmp = Files.createTempFile(workDir, "audit-public.pem", ".tmp");
      Files.writeString(tmp, key.publicKey().toPem(), StandardCharsets.UTF_8);
      Files.move(tmp, pem, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      HandClock clock = new HandClock(START);
      AuditLog log = AuditLog.builder().directory(workDir.resolve("audit-log")).signer(key).origin(ORIGIN)
          .durability(AuditLog.Durability.DURABLE).checkpointEvery(CHECKPOINT_EVERY)
          .checkpointInterval(Duration.ofDays(1)).clock(clock).open();
      return new DemoAuditLog(log, clock, pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Notes that a step starts: its events are those appended from now until the next step starts.
   *
   * @param step the step's short name, e.g. {@code protect}
   * @return the log, as the port the step records through
   */
  public AuditRecorder beginStep(String step) {
    stepStarts.put(step, log.size());
    return log;
  }

  /**
   * Returns where each step's events start, in the order the steps ran.
   *
   * @return step name to its first sequence number
   */
  public Map<String, Long> stepStarts() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stepStarts));
  }

  /**
   * Moves the log's clock (the time each entry and checkpoint is stamped with).
   *
   * @param time the new time
   */
  public void setTime(Instant time) {
    clock.millis = time.toEpochMilli();
  }

  /**
   * Returns the log's clock time.
   *
   * @return now, for the log
   */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Returns the open log.
   *
   * @return the log
   */
  public AuditLog log() {
    return log;
  }

  /**
   * Returns the log's directory.
   *
   * @return {@code <work>/audit-log}
   */
  public Path directory() {
    return log.directory();
  }

  /**
   * Returns the key that verifies the log's checkpoints.
   *
   * @return the SM2 public key
   */
  public Sm2PublicKey publicKey() {
    return log.publicKey();
  }

  /**
   * Returns the file the public key was written to.
   *
   * @return {@code <work>/audit-public.pem}
   */
  public Path publicKeyFile() {
    return publicKeyFile;
  }

  /** Closes the log (a final signed checkpoint covers every event); closing twice does nothing. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      log.close();
    }
  }
}
