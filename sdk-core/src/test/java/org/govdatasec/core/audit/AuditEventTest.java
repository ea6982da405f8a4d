package org.govdatasec.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** AU-1, USE-4: the audit event model validates every field when it is built. */
class AuditEventTest {

  private static AuditError code(Executable e) {
    return assertThrows(AuditException.class, e).error();
  }

  @Test
  @DisplayName("USE-4: a full event keeps every regulatory field")
  void fullEvent() {
    AuditEvent e = AuditEvent.builder(Action.SHARE, new Actor("u1", "clerk", "民政局", "registry"))
        .id("evt-1").time(Instant.parse("2024-03-01T02:00:00Z"))
        .object(DataObject.records("registry", "citizen", List.of("c1", "c2")).withFields(List.of("name")))
        .level(Classification.IMPORTANT).categories(PiCategory.RESIDENT_ID, PiCategory.NAME, PiCategory.NAME)
        .purpose("低保复核").legalBasis("社会救助暂行办法").consentId("consent-9").approvalTicket("T-1")
        .parties(new Parties("公安局", "大数据局", "民政局")).sourceAddress("10.0.0.8")
        .outcome(Outcome.SUCCESS).traceId("trace-1").build();
    assertEquals(List.of(PiCategory.NAME, PiCategory.RESIDENT_ID), e.categories(), "sorted and distinct");
    assertEquals(2, e.object().recordCount());
    assertEquals("大数据局", e.parties().transferor());
    assertEquals("AuditEvent[evt-1 SHARE by u1 SUCCESS]", e.toString());
    assertFalse(e.toString().contains("低保"), "toString names no payload");
  }

  @Test
  @DisplayName("AU-1: over-long values are refused with the limit in the message")
  void limits() {
    String longName = "x".repeat(AuditEvent.MAX_NAME + 1);
    AuditException ex = assertThrows(AuditException.class, () -> Actor.user(longName));
    assertEquals(AuditError.FIELD_TOO_LONG, ex.error());
    assertTrue(ex.getMessage().contains("limit is " + AuditEvent.MAX_NAME), ex.getMessage());
    assertTrue(ex.getMessage().startsWith("GDS-AUDIT-001 [AU-1]"), ex.getMessage());
    AuditEvent.Builder b = AuditEvent.builder(Action.READ, Actor.user("u"));
    assertEquals(AuditError.FIELD_TOO_LONG, code(() -> b.purpose("p".repeat(AuditEvent.MAX_TEXT + 1))));
    b.purpose("p".repeat(AuditEvent.MAX_TEXT));
    List<String> ids = new ArrayList<>(Collections.nCopies(AuditEvent.MAX_RECORD_IDS + 1, "r"));
    assertEquals(AuditError.FIELD_TOO_LONG, code(() -> DataObject.records("s", "d", ids)));
    assertEquals(AuditError.FIELD_TOO_LONG, code(() -> new DataObject("s", "d", List.of(),
        0, Collections.nCopies(AuditEvent.MAX_FIELDS + 1, "f"))));
  }

  @Test
  @DisplayName("AU-1: missing required fields are refused")
  void missing() {
    assertEquals(AuditError.MISSING_FIELD, code(() -> Actor.user(" ")));
    assertEquals(AuditError.MISSING_FIELD, code(() -> AuditEvent.builder(null, Actor.user("u"))));
    assertEquals(AuditError.MISSING_FIELD, code(() -> AuditEvent.builder(Action.READ, null)));
    assertEquals(AuditError.MISSING_FIELD, code(() -> Outcome.denied(null)));
    assertEquals(AuditError.MISSING_FIELD, code(() -> Outcome.failed("")));
    assertEquals(AuditError.MISSING_FIELD, code(() -> new Outcome(null, null)));
    AuditEvent.Builder b = AuditEvent.builder(Action.READ, Actor.user("u"));
    assertEquals(AuditError.MISSING_FIELD, code(() -> b.time(null)));
    assertEquals(AuditError.MISSING_FIELD, code(() -> b.outcome(null)));
  }

  @Test
  @DisplayName("AU-2: unpaired surrogates and malformed ids are refused; control characters are kept")
  void text() {
    assertEquals(AuditError.INVALID_TEXT, code(() -> Actor.user("bad\uD800")));
    assertEquals(AuditError.INVALID_TEXT, code(() -> Actor.user("\uDC00bad")));
    assertEquals(AuditError.INVALID_TEXT, code(() -> AuditEvent.builder(Action.READ, Actor.user("u")).id("a b")));
    assertEquals("ok\uD83D\uDE00", Actor.user("ok\uD83D\uDE00").user(), "a surrogate pair is fine");
    assertEquals("a\nb\u0000", Actor.user("a\nb\u0000").user(), "control characters are escaped by the log");
  }

  @Test
  @DisplayName("AU-1: counts below the listed ids and null entries are refused")
  void values() {
    assertEquals(AuditError.BAD_FIELD_VALUE, code(() -> new DataObject("s", "d", List.of("a"), 0, List.of())));
    assertEquals(AuditError.BAD_FIELD_VALUE, code(() -> DataObject.bulk("s", "d", -1)));
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    assertEquals(AuditError.BAD_FIELD_VALUE, code(() -> DataObject.records("s", "d", withNull)));
    List<PiCategory> cats = new ArrayList<>();
    cats.add(null);
    assertEquals(AuditError.BAD_FIELD_VALUE,
        code(() -> AuditEvent.builder(Action.READ, Actor.user("u")).categories(cats)));
  }

  @Test
  @DisplayName("AU-1: the in-memory recorder keeps events in order and filters them")
  void inMemory() {
    InMemoryAuditRecorder r = new InMemoryAuditRecorder();
    r.record(AuditEvent.builder(Action.READ, Actor.user("a")).build());
    r.record(AuditEvent.builder(Action.EXPORT, Actor.user("b")).outcome(Outcome.denied("no ticket")).build());
    assertEquals(2, r.events().size());
    assertEquals(List.of("b"), r.events(e -> e.action().isExportOrDownload()).stream()
        .map(e -> e.actor().user()).toList());
    assertEquals(AuditError.MISSING_FIELD, code(() -> r.record(null)));
    r.clear();
    assertTrue(r.events().isEmpty());
  }

  @Test
  @DisplayName("Action helpers classify exports, key and destruction events")
  void actions() {
    assertTrue(Action.DOWNLOAD.isExportOrDownload());
    assertTrue(Action.SHARE.isOutbound());
    assertFalse(Action.READ.isOutbound());
    assertTrue(Action.KEY_ROTATED.isKeyEvent());
    assertTrue(Action.DESTROY.isDestruction());
    assertEquals("导出", Action.EXPORT.chineseName());
    assertEquals(12, Action.dataActions().size());
  }
}
