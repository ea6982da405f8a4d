package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.govdatasec.audit.internal.LogFiles;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.core.audit.AuditException;
import org.govdatasec.core.testing.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TX-2: retention and pruning; AU-2: inclusion and consistency proofs against signed checkpoints. */
class PruneAndProofTest {
  private static final long DAY = Duration.ofDays(1).toMillis();

  @TempDir
  Path dir;

  @Test
  @DisplayName("AU-2: every event's inclusion proof and every checkpoint pair's consistency proof verify")
  void proofs() {
    MutableClock clock = new MutableClock(TestLogs.T0);
    try (AuditLog log = TestLogs.builder(dir).clock(clock).checkpointEvery(10).open()) {
      for (int i = 0; i < 30; i++) {
        log.append(TestLogs.event(i));
      }
    }
    List<Checkpoint> cps = List.of(cp(10), cp(20), cp(30));
    for (Checkpoint cp : cps) {
      for (long seq = 0; seq < cp.size(); seq++) {
        InclusionProof p = AuditProofs.inclusion(dir, seq, cp.size());
        assertTrue(p.verify(cp.root()), seq + " in " + cp.size());
        assertTrue(p.toText().contains("seq: " + seq));
      }
    }
    ConsistencyProof c = AuditProofs.consistency(dir, 10, 30);
    assertTrue(c.verify(cps.get(0).root(), cps.get(2).root()));
    assertFalse(c.verify(cps.get(1).root(), cps.get(2).root()), "wrong old root");
    assertTrue(AuditProofs.consistency(dir, 20, 30).verify(cps.get(1).root(), cps.get(2).root()));
    assertEquals(AuditError.PROOF_UNAVAILABLE,
        assertThrows(AuditException.class, () -> AuditProofs.inclusion(dir, 30, 30)).error());
    assertEquals(AuditError.PROOF_UNAVAILABLE,
        assertThrows(AuditException.class, () -> AuditProofs.inclusion(dir, 1, 31)).error());
    assertEquals(AuditError.PROOF_UNAVAILABLE,
        assertThrows(AuditException.class, () -> AuditProofs.consistency(dir, 0, 30)).error());
  }

  private Checkpoint cp(long size) {
    try {
      for (String line : Files.readAllLines(dir.resolve(LogFiles.CHECKPOINTS))) {
        Checkpoint c = org.govdatasec.audit.internal.Checkpoints.parse(
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
        if (c.size() == size) {
          assertTrue(c.verify(org.govdatasec.crypto.Sm2Verifier.create(TestLogs.KEY.publicKey())));
          return c;
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no checkpoint of size " + size);
  }

  @Test
  @DisplayName("TX-2: whole segments past 180 days behind a checkpoint are pruned, logged, and the rest verifies")
  void prune() throws IOException {
    MutableClock clock = new MutableClock(TestLogs.T0);
    try (AuditLog log = TestLogs.builder(dir).clock(clock).checkpointEvery(1000)
        .checkpointInterval(Duration.ofDays(100_000)).open()) {
      for (int day = 0; day < 3; day++) {
        for (int i = 0; i < 3; i++) {
          log.append(TestLogs.event(day * 3 + i));
        }
        clock.advance(DAY);
      }
      assertEquals(3, LogFiles.segments(dir).size());
      // Past retention but not yet signed: refused.
      Instant late = TestLogs.T0.plus(Duration.ofDays(400));
      AuditException notSigned = assertThrows(AuditException.class, () -> log.prune(late));
      assertEquals(AuditError.PRUNE_REFUSED, notSigned.error());
      assertTrue(notSigned.getMessage().contains("not covered by a signed checkpoint"), notSigned.getMessage());
      log.checkpoint();
      // Signed but within retention: refused.
      AuditException young = assertThrows(AuditException.class,
          () -> log.prune(TestLogs.T0.plus(Duration.ofDays(100))));
      assertEquals(AuditError.PRUNE_REFUSED, young.error());
      assertTrue(young.getMessage().contains("within the retention of 180 days"), young.getMessage());
      // Days 0 and 1 are older than 180 days at day 181.5; day 2's segment is the current one.
      clock.advance(Duration.ofDays(179).toMillis() + DAY / 2);
      PruneResult r = log.prune(clock.instant());
      assertEquals(2, r.segments().size());
      assertEquals(6, r.firstKeptSeq());
      assertEquals(9, r.eventSeq());
      log.append(TestLogs.event(100));
    }
    assertTrue(Files.exists(dir.resolve(LogFiles.PRUNED)));
    VerificationReport v = AuditVerifier.verify(dir, TestLogs.KEY.publicKey());
    assertTrue(v.valid(), v.summary());
    assertEquals(6, v.firstSeq());
    assertEquals(5, v.events());
    List<AuditReview.LoggedEvent> events = AuditReview.readEvents(dir);
    assertEquals(Action.LOG_PRUNED, events.get(3).event().action());
    assertTrue(events.get(3).event().outcome().reason().contains("sequence numbers below 6"));
    // Proofs still work for kept events against the final checkpoint.
    try (AuditLog log = TestLogs.builder(dir).clock(clock).open()) {
      assertEquals(11, log.size());
      Checkpoint last = log.latestCheckpoint().orElseThrow();
      assertEquals(11, last.size());
      assertTrue(AuditProofs.inclusion(dir, 7, 11).verify(last.root()));
      assertEquals(AuditError.PROOF_UNAVAILABLE,
          assertThrows(AuditException.class, () -> AuditProofs.inclusion(dir, 2, 11)).error());
    }
  }
}
