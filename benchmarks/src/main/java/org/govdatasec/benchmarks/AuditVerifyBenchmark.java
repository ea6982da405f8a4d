package org.govdatasec.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.govdatasec.audit.AppendReceipt;
import org.govdatasec.audit.AuditLog;
import org.govdatasec.audit.AuditVerifier;
import org.govdatasec.audit.VerificationReport;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.crypto.Sm2PublicKey;
import org.govdatasec.crypto.Sm3;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Audit log verification throughput (AU-2): {@link AuditVerifier} over a 200,000-event log with a
 * checkpoint every 10,000 events; the score is events verified per second. Beside it, in the same run, the
 * physical ceiling: raw {@link Sm3#hash} over one line-sized (600-byte) input and one Merkle node
 * (65 bytes), on one thread and on two, so that the verify figure can be compared with what SM3 alone
 * allows on this machine (each event costs one leaf hash over its line and, amortised, one node hash).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
public class AuditVerifyBenchmark {
  static final int EVENTS = 200_000;

  /** The size of one line-sized SM3 input: a realistic entry line is 560 to 640 bytes. */
  static final int LINE_BYTES = 600;

  Path dir;
  Sm2PublicKey key;
  final byte[] line = new byte[LINE_BYTES];
  final byte[] node = new byte[65];

  /**
   * Writes the log (ASYNC mode, to set up quickly; the files are the same).
   *
   * @throws IOException if the directory cannot be created
   */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("gds-audit-verify");
    Sm2PrivateKey k = Sm2PrivateKey.generate();
    key = k.publicKey();
    AuditEvent[] events = AuditLogBenchmark.events();
    try (AuditLog log = AuditLog.builder().directory(dir).signer(k).origin("bench")
        .durability(AuditLog.Durability.ASYNC).open()) {
      CompletableFuture<AppendReceipt> last = null;
      for (int i = 0; i < EVENTS; i++) {
        last = log.submit(events[i & (AuditLogBenchmark.EVENTS - 1)]);
      }
      last.join();
    }
    VerificationReport r = AuditVerifier.verify(dir, key);
    if (!r.valid() || r.events() != EVENTS) {
      throw new IllegalStateException(r.summary());
    }
  }

  /**
   * Deletes the log.
   *
   * @throws IOException if a file cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * CPU time consumed by the whole JVM while verifying, beside the wall-clock score: on a machine shared
   * with other builds the wall-clock rate depends on how much of the two cores this run got, while the CPU
   * cost per event does not (much). Reported as two totals per iteration; CPU µs per event = their ratio.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cpu {
    /** Process CPU time spent in this iteration's verifications, in microseconds. */
    public long cpuMicros;
    /** Events verified in this iteration. */
    public long verifiedEvents;

    /** Starts an iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
      cpuMicros = 0;
      verifiedEvents = 0;
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Verifies the whole log.
   *
   * @param cpu the CPU time counters
   * @return the report
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public VerificationReport verify(Cpu cpu) {
    long t0 = processCpuNanos();
    VerificationReport r = AuditVerifier.verify(dir, key);
    cpu.cpuMicros += (processCpuNanos() - t0) / 1000;
    cpu.verifiedEvents += EVENTS;
    return r;
  }

  /**
   * The ceiling on one core: one SM3 over a 600-byte input (a leaf hash) per operation.
   *
   * @return the digest
   */
  @Benchmark
  public byte[] sm3Line600() {
    return Sm3.hash(line);
  }

  /**
   * The ceiling on both cores: as {@link #sm3Line600}, two threads.
   *
   * @return the digest
   */
  @Benchmark
  @Threads(2)
  public byte[] sm3Line600TwoThreads() {
    return Sm3.hash(line);
  }

  /**
   * One Merkle node hash (65 bytes: two SM3 blocks) per operation, one core.
   *
   * @return the digest
   */
  @Benchmark
  public byte[] sm3Node65() {
    return Sm3.hash(node);
  }
}
