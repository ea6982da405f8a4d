package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.govdatasec.audit.internal.LogFiles;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.core.audit.AuditException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AU-2: opening cuts a torn tail and logs it; anything worse is refused. */
class RecoveryTest {
  @TempDir
  Path dir;

  private Path writeFive() throws IOException {
    try (AuditLog log = TestLogs.builder(dir).open()) {
      for (int i = 0; i < 5; i++) {
        log.append(TestLogs.event(i));
      }
    }
    return LogFiles.segments(dir).get(0);
  }

  @Test
  @DisplayName("AU-2: a torn last line is cut on open and the recovery is itself an event")
  void tornTail() throws IOException {
    Path seg = writeFive();
    long size = Files.size(seg);
    Files.write(seg, "{\"seq\":5,\"at\":\"2026-01-05T0".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    try (AuditLog log = TestLogs.builder(dir).open()) {
      assertTrue(log.recovery().orElseThrow().contains("cut 27 bytes"), log.recovery().orElseThrow());
      assertEquals(6, log.size(), "5 events + the recovery event");
    }
    List<AuditReview.LoggedEvent> events = AuditReview.readEvents(dir);
    AuditReview.LoggedEvent rec = events.get(5);
    assertEquals(Action.LOG_RECOVERED, rec.event().action());
    assertTrue(rec.event().outcome().reason().contains("after sequence number 4"), rec.event().outcome().reason());
    assertTrue(Files.size(seg) > size);
    assertTrue(AuditVerifier.verify(dir, TestLogs.KEY.publicKey()).valid());
  }

  @Test
  @DisplayName("AU-2: a torn checkpoint line is cut too")
  void tornCheckpoint() throws IOException {
    writeFive();
    Files.write(dir.resolve(LogFiles.CHECKPOINTS), "{\"origin\":\"te".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    try (AuditLog log = TestLogs.builder(dir).open()) {
      assertTrue(log.recovery().orElseThrow().contains("checkpoint"));
    }
    assertTrue(AuditVerifier.verify(dir, TestLogs.KEY.publicKey()).valid());
  }

  @Test
  @DisplayName("AU-2: damage before valid lines is not a crash: opening refuses with GDS-AUDIT-010")
  void corruptMiddle() throws IOException {
    Path seg = writeFive();
    List<String> lines = new ArrayList<>(Files.readAllLines(seg));
    lines.set(2, lines.get(2).substring(0, 40));
    Files.write(seg, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    AuditException e = assertThrows(AuditException.class, () -> TestLogs.builder(dir).open());
    assertEquals(AuditError.CORRUPT_LOG, e.error());
    // the refusal released the lock: a repaired log opens
    Files.write(seg, new byte[0]);
    assertEquals(AuditError.CORRUPT_LOG, assertThrows(AuditException.class, () -> TestLogs.builder(dir).open())
        .error(), "a checkpoint covers 5 events that are gone: truncation is refused too");
  }

  @Test
  @DisplayName("AU-2: an edited entry under a signed checkpoint is refused on open, so it is never re-signed")
  void editedUnderCheckpoint() throws IOException {
    Path seg = writeFive();
    String text = Files.readString(seg);
    // Swap the stored leaf hashes of two lines: structure holds, the tree no longer matches the checkpoint.
    List<String> lines = new ArrayList<>(text.lines().toList());
    String a = lines.get(1);
    String b = lines.get(2);
    int cut = LogFiles.LEAF_SUFFIX - 9;
    lines.set(1, a.substring(0, a.length() - cut) + b.substring(b.length() - cut));
    lines.set(2, b.substring(0, b.length() - cut) + a.substring(a.length() - cut));
    Files.write(seg, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(AuditError.CORRUPT_LOG, assertThrows(AuditException.class, () -> TestLogs.builder(dir).open())
        .error());
  }
}
