package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditException;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.classification.Classification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AU-3, AU-4: the periodic review finds what a security officer must look at, and escapes everything. */
class ReviewTest {
  @TempDir
  Path dir;

  // 2026-01-05 is a Monday; 02:00Z = 10:00 in Shanghai.
  private static final Instant WORK = Instant.parse("2026-01-05T02:00:00Z");
  private static final Instant NIGHT = Instant.parse("2026-01-05T15:00:00Z"); // 23:00 Shanghai

  private static AuditEvent.Builder ev(Action a, String user, Instant t) {
    return AuditEvent.builder(a, new Actor(user, "clerk", "民政局", "registry")).time(t)
        .level(Classification.general(3));
  }

  @Test
  @DisplayName("AU-3, AU-4: counts and findings; the HTML is self-contained and escapes a <script> actor")
  void review() {
    try (AuditLog log = TestLogs.builder(dir).open()) {
      log.append(ev(Action.READ, "alice", WORK).object(DataObject.records("r", "citizen", List.of("1"))).build());
      log.append(ev(Action.READ, "alice", WORK.plusSeconds(5)).build());
      log.append(ev(Action.EXPORT, "bob", WORK).object(DataObject.bulk("r", "citizen", 5000))
          .approvalTicket("T-1").build());
      log.append(ev(Action.DOWNLOAD, "<script>alert(1)</script>", NIGHT)
          .object(DataObject.bulk("r", "citizen|x", 20)).build());
      log.append(ev(Action.READ, "mallory", WORK).outcome(Outcome.denied("no consent | <b>")).build());
      log.append(ev(Action.DESTROY, "carol", WORK).level(Classification.IMPORTANT).approvalTicket("D-1").build());
      log.append(ev(Action.KEY_ROTATED, "ops", WORK).build());
      log.append(ev(Action.READ, "alice", Instant.parse("2025-01-01T00:00:00Z")).build());
    }
    ReviewReport r = AuditReview.builder().period(Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-07-01T00:00:00Z")).bulkThreshold(1000).build().review(dir);
    assertEquals(7, r.total(), "the 2025 event is outside the period");
    assertEquals(3L, r.byAction().get("READ"));
    assertEquals(1L, r.byOutcome().get("DENIED"));
    assertEquals(6L, r.byLevel().get("GENERAL-3"));
    assertEquals(1L, r.byLevel().get("IMPORTANT"));
    assertEquals(List.of("alice", "<script>alert(1)</script>", "bob"), r.byActor().keySet().stream().limit(3).toList());
    assertEquals(1, r.bulkExports().size());
    assertEquals(2, r.bulkExports().get(0).seq());
    assertEquals(1, r.exportsWithoutTicket().size());
    assertEquals(3, r.exportsWithoutTicket().get(0).seq());
    assertEquals(1, r.denied().size());
    assertEquals(List.of(3L), r.outOfHours().stream().map(ReviewReport.Finding::seq).toList());
    assertEquals(1, r.destruction().size());
    assertEquals(1, r.keyEvents().size());

    String html = r.toHtml();
    assertFalse(html.contains("<script"), "no script element, not even from data");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(html.contains("no consent | &lt;b&gt;"));
    assertTrue(html.contains("<svg"), "inline charts");
    assertFalse(html.matches("(?s).*(src=|href=|@import|url\\().*"), "no external resource");
    assertTrue(html.contains("default-src 'none'"));

    String md = r.toMarkdown();
    assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), md);
    assertTrue(md.contains("citizen\\|x"), "pipes escaped in table cells");
    assertTrue(md.contains("## Denied accesses (AU-4) 拒绝访问 (1)"));
  }

  @Test
  @DisplayName("AU-3: a reversed period or empty working hours are refused")
  void badSettings() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(AuditError.BAD_REVIEW_PERIOD,
        assertThrows(AuditException.class, () -> AuditReview.builder().period(t, t)).error());
    assertEquals(AuditError.BAD_REVIEW_PERIOD, assertThrows(AuditException.class,
        () -> AuditReview.builder().workingHours(LocalTime.NOON, LocalTime.NOON)).error());
    assertEquals(AuditError.BAD_REVIEW_PERIOD,
        assertThrows(AuditException.class, () -> AuditReview.builder().bulkThreshold(0)).error());
    assertEquals(AuditError.UNREADABLE_INPUT,
        assertThrows(AuditException.class, () -> AuditReview.readEvents(dir.resolve("missing"))).error());
  }
}
