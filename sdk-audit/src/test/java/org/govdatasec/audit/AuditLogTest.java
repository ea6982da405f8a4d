package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govdatasec.audit.internal.EventCodec;
import org.govdatasec.audit.internal.LogFiles;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditException;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.testing.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AU-1, AU-2, TX-2: the durable log appends, checkpoints, reopens and refuses bad configuration. */
class AuditLogTest {
  @TempDir
  Path dir;

  static List<String> lines(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path seg : LogFiles.segments(dir)) {
      out.addAll(Files.readAllLines(seg, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  @DisplayName("AU-1: appends get consecutive seqs, a checkpoint every N and on close, and the log verifies")
  void appendAndVerify() throws IOException {
    try (AuditLog log = TestLogs.builder(dir).checkpointEvery(10).open()) {
      for (int i = 0; i < 25; i++) {
        assertEquals(i, log.append(TestLogs.event(i)).seq());
      }
      assertEquals(25, log.size());
      assertEquals(20, log.latestCheckpoint().orElseThrow().size(), "checkpoints at 10 and 20");
    }
    List<String> cps = Files.readAllLines(dir.resolve(LogFiles.CHECKPOINTS));
    assertEquals(3, cps.size(), "10, 20 and 25 on close");
    VerificationReport r = AuditVerifier.verify(dir, TestLogs.KEY.publicKey());
    assertTrue(r.valid(), r.summary());
    assertEquals(25, r.events());
    assertEquals(3, r.checkpoints());
    assertEquals(25, r.signedSize());
    List<String> lines = lines(dir);
    assertEquals(25, lines.size());
    assertTrue(lines.get(3).startsWith("{\"seq\":3,\"at\":\""), lines.get(3));
    assertTrue(lines.get(3).matches(".*,\"leaf\":\"[0-9a-f]{64}\"}$"), lines.get(3));
  }

  @Test
  @DisplayName("AU-1: the event round-trips through its canonical JSON, which has a fixed field order")
  void canonicalRoundTrip() {
    AuditEvent e = AuditEvent.builder(Action.SHARE, new Actor("u", "r", "o", "s")).id("x1")
        .time(TestLogs.T0).object(DataObject.records("s", "d", List.of("1", "2")).withFields(List.of("name")))
        .consentId("c").approvalTicket("t").sourceAddress("10.1.1.1").traceId("tr")
        .parties(new org.govdatasec.core.audit.Parties("p", "tf", "rc")).outcome(Outcome.denied("no")).build();
    byte[] json = EventCodec.encode(e);
    assertEquals("{\"id\":\"x1\",\"time\":\"2026-01-05T01:00:00Z\",\"action\":\"SHARE\",\"actor\":{\"user\":\"u\","
        + "\"role\":\"r\",\"organisation\":\"o\",\"system\":\"s\"},\"object\":{\"system\":\"s\",\"dataset\":\"d\","
        + "\"recordIds\":[\"1\",\"2\"],\"recordCount\":2,\"fields\":[\"name\"]},\"consentId\":\"c\","
        + "\"approvalTicket\":\"t\",\"provider\":\"p\",\"transferor\":\"tf\",\"recipient\":\"rc\","
        + "\"sourceAddress\":\"10.1.1.1\",\"outcome\":{\"status\":\"DENIED\",\"reason\":\"no\"},\"traceId\":\"tr\"}",
        new String(json, StandardCharsets.UTF_8));
    assertEquals(e, EventCodec.decode(json));
  }

  @Test
  @DisplayName("AU-2: newlines and control characters are escaped: one line per event, content intact")
  void noLogInjection() throws IOException {
    String evil = "ok\n{\"seq\":99,\"at\":\"x\"}\r\u0000\u001b[31m\u2028";
    AuditEvent e = AuditEvent.builder(Action.READ, Actor.user(evil)).purpose(evil).outcome(Outcome.denied(evil))
        .build();
    try (AuditLog log = TestLogs.builder(dir).open()) {
      log.append(TestLogs.event(0));
      log.append(e);
      log.append(TestLogs.event(2));
    }
    List<String> lines = lines(dir);
    assertEquals(3, lines.size(), "line structure holds");
    assertTrue(lines.get(1).contains("ok\\n{\\\"seq\\\":99"), lines.get(1));
    assertTrue(AuditVerifier.verify(dir, TestLogs.KEY.publicKey()).valid());
    AuditEvent back = AuditReview.readEvents(dir).get(1).event();
    assertEquals(evil, back.actor().user());
    assertEquals(evil, back.outcome().reason());
  }

  @Test
  @DisplayName("AU-1: 8 threads append concurrently; every seq is unique and the log verifies")
  void concurrent() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Set<Long> seqs = Collections.synchronizedSet(new HashSet<>());
    try (AuditLog log = TestLogs.builder(dir).checkpointEvery(300).open()) {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int tt = t;
        fs.add(pool.submit(() -> {
          for (int i = 0; i < 250; i++) {
            seqs.add(log.append(TestLogs.event(tt * 1000 + i)).seq());
          }
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      List<CompletableFuture<AppendReceipt>> inflight = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        inflight.add(log.submit(TestLogs.event(9000 + i)));
      }
      for (CompletableFuture<AppendReceipt> f : inflight) {
        seqs.add(f.get().seq());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(2500, seqs.size());
    VerificationReport r = AuditVerifier.verify(dir, TestLogs.KEY.publicKey());
    assertTrue(r.valid(), r.summary());
    assertEquals(2500, r.signedSize());
  }

  @Test
  @DisplayName("AU-2: reopening continues the tree; the new checkpoints extend the old ones")
  void reopen() {
    try (AuditLog log = TestLogs.builder(dir).open()) {
      log.append(TestLogs.event(0));
      log.append(TestLogs.event(1));
    }
    try (AuditLog log = TestLogs.builder(dir).open()) {
      assertEquals(2, log.size());
      assertTrue(log.recovery().isEmpty());
      assertEquals(2, log.append(TestLogs.event(2)).seq());
      Checkpoint cp = log.checkpoint();
      assertEquals(3, cp.size());
    }
    assertTrue(AuditVerifier.verify(dir, TestLogs.KEY.publicKey()).valid());
    ConsistencyProof p = AuditProofs.consistency(dir, 2, 3);
    assertTrue(p.verify(AuditProofs.root(dir, 2), AuditProofs.root(dir, 3)));
  }

  @Test
  @DisplayName("AU-2: a clock that goes backwards keeps log times monotonic and records by how much")
  void clockBackwards() throws IOException {
    MutableClock clock = new MutableClock(TestLogs.T0);
    try (AuditLog log = TestLogs.builder(dir).clock(clock).open()) {
      log.append(TestLogs.event(0));
      clock.advance(-5_000);
      AppendReceipt r = log.append(TestLogs.event(1));
      assertEquals(TestLogs.T0, r.at(), "clamped to the last time");
      clock.advance(10_000);
      log.append(TestLogs.event(2));
    }
    List<String> lines = lines(dir);
    assertTrue(lines.get(1).contains(",\"clockBack\":5000,"), lines.get(1));
    assertFalse(lines.get(2).contains("clockBack"));
    assertTrue(AuditVerifier.verify(dir, TestLogs.KEY.publicKey()).valid());
  }

  @Test
  @DisplayName("TX-2: a retention below 180 days is refused; other bad settings too")
  void config() {
    AuditException e = assertThrows(AuditException.class,
        () -> AuditLog.builder().retention(Duration.ofDays(179)));
    assertEquals(AuditError.RETENTION_TOO_SHORT, e.error());
    assertTrue(e.getMessage().contains("TX-2"), e.getMessage());
    AuditLog.builder().retention(Duration.ofDays(180));
    assertEquals(AuditError.BAD_LOG_CONFIG,
        assertThrows(AuditException.class, () -> AuditLog.builder().origin("a b")).error());
    assertEquals(AuditError.BAD_LOG_CONFIG,
        assertThrows(AuditException.class, () -> AuditLog.builder().checkpointEvery(0)).error());
    assertEquals(AuditError.BAD_LOG_CONFIG,
        assertThrows(AuditException.class, () -> AuditLog.builder().segmentPeriod(Duration.ofSeconds(5))).error());
    assertEquals(AuditError.BAD_LOG_CONFIG,
        assertThrows(AuditException.class, () -> AuditLog.builder().directory(dir).open()).error());
  }

  @Test
  @DisplayName("AU-2: one writer per directory; a closed log refuses appends; oversized events are refused")
  void lockedClosedTooLarge() {
    AuditLog log = TestLogs.builder(dir).open();
    assertEquals(AuditError.LOG_LOCKED,
        assertThrows(AuditException.class, () -> TestLogs.builder(dir).open()).error());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add("record-" + "x".repeat(100) + i);
    }
    AuditEvent big = AuditEvent.builder(Action.EXPORT, Actor.user("u"))
        .object(DataObject.records("s", "d", ids)).build();
    AuditException tooLarge = assertThrows(AuditException.class, () -> log.append(big));
    assertEquals(AuditError.EVENT_TOO_LARGE, tooLarge.error());
    assertTrue(tooLarge.getMessage().contains("limit is"), tooLarge.getMessage());
    log.close();
    log.close();
    assertEquals(AuditError.LOG_CLOSED,
        assertThrows(AuditException.class, () -> log.append(TestLogs.event(1))).error());
    assertEquals(0, log.size());
  }

  @Test
  @DisplayName("AU-1: the log is an AuditRecorder")
  void recorderPort() {
    try (AuditLog log = TestLogs.builder(dir).open()) {
      org.govdatasec.core.audit.AuditRecorder r = log;
      r.record(TestLogs.event(0));
      assertEquals(1, log.size());
    }
  }

  @Test
  @DisplayName("AU-1: the explicit ASYNC mode writes the same verifiable log")
  void asyncMode() throws Exception {
    try (AuditLog log = TestLogs.builder(dir).durability(AuditLog.Durability.ASYNC).checkpointEvery(50).open()) {
      CompletableFuture<AppendReceipt> last = null;
      for (int i = 0; i < 120; i++) {
        last = log.submit(TestLogs.event(i));
      }
      assertEquals(119, last.get().seq());
    }
    VerificationReport r = AuditVerifier.verify(dir, TestLogs.KEY.publicKey());
    assertTrue(r.valid(), r.summary());
    assertEquals(120, r.signedSize());
  }
}
