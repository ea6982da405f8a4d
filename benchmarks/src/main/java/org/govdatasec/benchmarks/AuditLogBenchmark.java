package org.govdatasec.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.govdatasec.audit.AppendReceipt;
import org.govdatasec.audit.AuditLog;
import org.govdatasec.audit.internal.EventCodec;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.crypto.Sm2PrivateKey;
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
 * Audit log load (AU-1, AU-2, TX-2): durable appends (forced to disk before acknowledge, group commit)
 * with 8 threads, beside Log4j2's FileAppender with {@code immediateFlush=true} writing the same JSON in
 * the same run (which never forces: a machine crash can lose what it acknowledged).
 *
 * <ul>
 *   <li>{@code durableAppend}: each thread blocks in {@code append} until its event is on disk (run with
 *       {@code -bm sample} for p50/p99 acknowledge latency);</li>
 *   <li>{@code durablePipelined32}: each thread keeps 32 events in flight with {@code submit} and waits for
 *       all 32 acknowledgements (still forced before acknowledge);</li>
 *   <li>{@code log4jFileAppender}: the anchor.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(8)
public class AuditLogBenchmark {
  static final int EVENTS = 1024;
  static final int WINDOW = 32;

  Path dir;
  AuditLog log;
  Logger log4j;
  AuditEvent[] events;
  String[] json;

  /** Per-thread cursor over the prepared events. */
  @State(Scope.Thread)
  public static class Cursor {
    int i;
  }

  /**
   * Creates the log, the Log4j2 file appender and the events.
   *
   * @throws IOException if the temporary directory cannot be created
   */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("gds-audit-bench");
    log = AuditLog.builder().directory(dir.resolve("audit")).signer(Sm2PrivateKey.generate()).origin("bench")
        .open();
    events = events();
    json = new String[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      json[i] = new String(EventCodec.encode(events[i]), StandardCharsets.UTF_8);
    }
    Path config = dir.resolve("log4j2-bench.xml");
    Files.writeString(config, "<Configuration status=\"warn\"><Appenders>"
        + "<File name=\"f\" fileName=\"" + dir.resolve("log4j2-audit.log") + "\" immediateFlush=\"true\""
        + " append=\"true\"><PatternLayout pattern=\"%m%n\"/></File></Appenders>"
        + "<Loggers><Root level=\"info\"><AppenderRef ref=\"f\"/></Root></Loggers></Configuration>");
    // Configured through the API only (the fork runs nothing else with Log4j2).
    System.setProperty("log4j2.configurationFile", config.toUri().toString());
    log4j = LogManager.getLogger("audit.bench");
  }

  static AuditEvent[] events() {
    AuditEvent[] out = new AuditEvent[EVENTS];
    Instant t = Instant.parse("2026-01-05T02:00:00Z");
    for (int i = 0; i < EVENTS; i++) {
      out[i] = AuditEvent.builder(i % 10 == 0 ? Action.EXPORT : Action.READ,
              new Actor("staff" + (i % 50), "caseworker", "南宁市民政局", "citizen-registry"))
          .time(t.plusMillis(i)).object(DataObject.records("citizen-registry", "citizen", List.of("C" + (100000 + i)))
              .withFields(List.of("name", "residentId")))
          .level(Classification.general(3)).categories(PiCategory.NAME, PiCategory.RESIDENT_ID)
          .purpose("最低生活保障资格复核").sourceAddress("10.20.30." + (i % 250)).traceId("trace-" + i).build();
    }
    return out;
  }

  /**
   * Closes the log and Log4j2, and deletes the files.
   *
   * @throws IOException if a file cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    log.close();
    LogManager.shutdown();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * One durable append; returns after the event is forced to disk.
   *
   * @param c the thread's cursor
   * @return the receipt
   */
  @Benchmark
  public AppendReceipt durableAppend(Cursor c) {
    return log.append(events[c.i++ & (EVENTS - 1)]);
  }

  /**
   * 32 durable appends in flight per thread; returns after all 32 are forced to disk.
   *
   * @param c the thread's cursor
   * @return the last sequence number
   */
  @Benchmark
  @OperationsPerInvocation(WINDOW)
  public long durablePipelined32(Cursor c) {
    List<CompletableFuture<AppendReceipt>> fs = new java.util.ArrayList<>(WINDOW);
    for (int k = 0; k < WINDOW; k++) {
      fs.add(log.submit(events[c.i++ & (EVENTS - 1)]));
    }
    long last = 0;
    for (CompletableFuture<AppendReceipt> f : fs) {
      last = f.join().seq();
    }
    return last;
  }

  /**
   * The anchor: Log4j2 FileAppender, immediateFlush, the same JSON (pre-encoded: Log4j2 is spared the
   * encoding our path pays).
   *
   * @param c the thread's cursor
   */
  @Benchmark
  public void log4jFileAppender(Cursor c) {
    log4j.info(json[c.i++ & (EVENTS - 1)]);
  }
}
