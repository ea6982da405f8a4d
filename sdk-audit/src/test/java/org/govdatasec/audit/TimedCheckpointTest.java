package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AU-2: besides every N events, a checkpoint is signed T milliseconds after the first unchecked event,
 * with no append or explicit call to trigger it, so a quiet system still gets its recent events signed.
 */
class TimedCheckpointTest {

  @Test
  @DisplayName("three events and then silence: a signed checkpoint of size 3 follows within the interval")
  void quietLogIsCheckpointedByTime(@TempDir Path dir) {
    try (AuditLog log = TestLogs.builder(dir).checkpointEvery(1_000).checkpointInterval(Duration.ofMillis(100))
        .open()) {
      for (int i = 0; i < 3; i++) {
        log.append(TestLogs.event(i));
      }
      // Wait for the condition (not for a fixed time): the writer thread signs once the interval has passed.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      Optional<Checkpoint> c = log.latestCheckpoint();
      while ((c.isEmpty() || c.get().size() < 3) && System.nanoTime() < deadline) {
        Thread.onSpinWait();
        c = log.latestCheckpoint();
      }
      assertTrue(c.isPresent(), "no timed checkpoint within 30 s");
      assertEquals(3, c.get().size(), "the timed checkpoint covers exactly the three events");
    }
    VerificationReport report = AuditVerifier.verify(dir, TestLogs.KEY.publicKey());
    assertTrue(report.valid(), report.toString());
  }
}
