package org.govdatasec.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.crypto.Sm2PrivateKey;

/** Shared fixtures: one SM2 key per test run, a settable clock, realistic events. */
final class TestLogs {
  static final Sm2PrivateKey KEY = Sm2PrivateKey.generate();
  static final Instant T0 = Instant.parse("2026-01-05T01:00:00Z");

  private TestLogs() {}

  /**
   * A log in {@code dir} whose checkpoints come only from the event count (or explicit calls): the tests
   * move a hand-set clock, and a timed checkpoint racing the writer thread would make the number of
   * checkpoints depend on scheduling. Tests of timed checkpoints set their own interval.
   */
  static AuditLog.Builder builder(Path dir) {
    return AuditLog.builder().directory(dir).signer(KEY).origin("test.registry")
        .checkpointInterval(Duration.ofDays(100_000));
  }

  static AuditEvent event(int i) {
    return AuditEvent.builder(i % 7 == 0 ? Action.EXPORT : Action.READ,
            new Actor("user" + (i % 5), "clerk", "民政局", "registry"))
        .id("evt-" + i).time(T0.plusSeconds(i))
        .object(DataObject.records("registry", "citizen", List.of("c" + i)))
        .level(Classification.general(3)).categories(PiCategory.NAME, PiCategory.RESIDENT_ID)
        .purpose("核对低保资格 #" + i).build();
  }

  static AuditEvent eventWithId(String id, int i) {
    return AuditEvent.builder(Action.READ, new Actor("user" + (i % 5), "clerk", "民政局", "registry"))
        .id(id).object(DataObject.records("registry", "citizen", List.of("c" + i)))
        .level(Classification.general(3)).purpose("crash test").build();
  }
}
