package org.govdatasec.core.governance.consent;

import static org.govdatasec.core.governance.GovFixtures.T0;
import static org.govdatasec.core.governance.GovFixtures.assertDenied;
import static org.govdatasec.core.governance.GovFixtures.last;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.InMemoryAuditRecorder;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.testing.MutableClock;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The consent guard: projection, every refusal reason, guardians, withdrawal, grants (PI-2, PI-3, PI-4, PI-6). */
class ConsentGuardTest {
  private static final Actor CASEWORKER = new Actor("li.na", "caseworker", "民政局社会救助科", null);
  private static final String AID = "低保审核";

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryAuditRecorder audit = new InMemoryAuditRecorder();
  private ConsentGuard guard;

  @BeforeEach
  void setUp() {
    guard = ConsentGuard.builder().store(new InMemoryConsentStore()).recorder(audit).clock(clock)
        .system("registry").build();
  }

  private static ConsentRecord.Builder consent(String id, String subject) {
    return ConsentRecord.builder(id, subject, LegalBasis.CONSENT).purposes(AID)
        .valid(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(365)))
        .evidence(CollectionMethod.WRITTEN_FORM, "表-2024-001");
  }

  @Test
  @DisplayName("PI-2: a projection holds only the covered fields; the rest are withheld with reasons and audited")
  void projectsToCoveredFields() {
    guard.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.NAME, PiCategory.ADDRESS,
        PiCategory.RESIDENT_ID).build());
    AuditEvent granted = last(audit);
    assertEquals(Action.CONSENT_GRANTED, granted.action());
    assertEquals("C-1", granted.consentId());
    assertEquals(List.of(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.ADDRESS), granted.categories());

    Projection p = guard.project(CASEWORKER, AID, Resident.ADULT, List.of("residentNo", "name", "address", "mobile"));
    assertEquals(Map.of("residentNo", "R-1", "name", "黄志强", "address", "青秀区东葛路118号"), p.fields());
    assertEquals(List.of("residentNo", "name", "address"), List.copyOf(p.fields().keySet()), "declaration order");
    assertEquals(List.of("mobile"), List.copyOf(p.withheld().keySet()));
    assertTrue(p.withheld().get("mobile").startsWith("GDS-GOV-005 categories [MOBILE]"));
    assertEquals(List.of("C-1"), p.basisIds());
    assertFalse(p.toString().contains("黄志强"), "no values in toString");

    AuditEvent read = last(audit);
    assertEquals(Action.READ, read.action());
    assertEquals(Outcome.Status.SUCCESS, read.outcome().status());
    assertTrue(read.outcome().reason().contains("withheld [mobile]"), read.outcome().reason());
    assertEquals(List.of("residentNo", "name", "address"), read.object().fields());
    assertEquals(List.of("R-1"), read.object().recordIds());
    assertEquals("C-1", read.consentId());
    assertEquals(AID, read.purpose());
    assertTrue(read.legalBasis().startsWith("CONSENT PIPL art. 13(1) [表-2024-001]"), read.legalBasis());
  }

  @Test
  @DisplayName("PI-2: require() refuses a field outside the basis with GDS-GOV-005, audited")
  void requireRefusesUncoveredField() {
    guard.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.NAME).build());
    AuditEvent e = assertDenied(audit, GovernanceError.FIELD_NOT_COVERED,
        () -> guard.require(CASEWORKER, AID, Resident.ADULT, List.of("name", "mobile")));
    assertEquals(Action.READ, e.action());
    assertEquals(List.of("name"), e.object().fields());
    assertEquals("R-1", guard.require(CASEWORKER, AID, Resident.ADULT, List.of("name")).subjectId());
  }

  @Test
  @DisplayName("PI-2: no basis, another purpose, or no purpose at all is refused with GDS-GOV-002")
  void noBasis() {
    AuditEvent e = assertDenied(audit, GovernanceError.NO_LEGAL_BASIS,
        () -> guard.project(CASEWORKER, AID, Resident.ADULT));
    assertEquals(List.of("R-1"), e.object().recordIds());
    guard.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.NAME).build());
    assertDenied(audit, GovernanceError.NO_LEGAL_BASIS, () -> guard.project(CASEWORKER, "商业营销", Resident.ADULT));
    assertDenied(audit, GovernanceError.NO_LEGAL_BASIS, () -> guard.project(CASEWORKER, " ", Resident.ADULT));
  }

  @Test
  @DisplayName("PI-2: withdrawal takes effect at once (GDS-GOV-003); a statutory basis cannot be withdrawn")
  void withdrawal() {
    guard.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.NAME).build());
    assertEquals(1, guard.project(CASEWORKER, AID, Resident.ADULT, List.of("name")).fields().size());
    ConsentRecord w = guard.withdraw(CASEWORKER, "C-1");
    assertEquals(T0, w.withdrawnAt());
    assertEquals(Action.CONSENT_WITHDRAWN, last(audit).action());
    assertEquals("C-1", last(audit).consentId());
    assertDenied(audit, GovernanceError.CONSENT_WITHDRAWN,
        () -> guard.project(CASEWORKER, AID, Resident.ADULT, List.of("name")));
    assertDenied(audit, GovernanceError.BAD_CONSENT_RECORD, () -> guard.withdraw(CASEWORKER, "C-1"));
    assertDenied(audit, GovernanceError.NO_LEGAL_BASIS, () -> guard.withdraw(CASEWORKER, "C-404"));

    guard.grant(CASEWORKER, ConsentRecord.builder("S-1", "R-1", LegalBasis.STATUTORY_DUTY).purposes(AID)
        .categories(PiCategory.NAME).valid(T0, null).evidence(CollectionMethod.BY_LAW, "《社会救助暂行办法》").build());
    assertDenied(audit, GovernanceError.BAD_CONSENT_RECORD, () -> guard.withdraw(CASEWORKER, "S-1"));
    assertEquals("黄志强", guard.project(CASEWORKER, AID, Resident.ADULT, List.of("name")).get("name"),
        "the statutory basis still covers it");
  }

  @Test
  @DisplayName("PI-1: an expired basis is refused with GDS-GOV-004; a basis not yet valid with GDS-GOV-002")
  void expiry() {
    guard.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.NAME).build());
    clock.set(T0.plus(Duration.ofDays(364)));
    assertEquals(1, guard.project(CASEWORKER, AID, Resident.ADULT, List.of("name")).fields().size());
    clock.set(T0.plus(Duration.ofDays(365)));
    assertDenied(audit, GovernanceError.CONSENT_EXPIRED,
        () -> guard.project(CASEWORKER, AID, Resident.ADULT, List.of("name")));
    guard.grant(CASEWORKER, consent("C-2", "R-1").categories(PiCategory.NAME)
        .valid(T0.plus(Duration.ofDays(400)), null).build());
    assertDenied(audit, GovernanceError.CONSENT_EXPIRED,
        () -> guard.project(CASEWORKER, AID, Resident.ADULT, List.of("name")));
  }

  @Test
  @DisplayName("PI-3: a child's record without guardian consent is refused (GDS-GOV-006); with it, allowed")
  void childNeedsGuardian() {
    guard.grant(CASEWORKER, consent("C-3", "R-3").categories(PiCategory.NAME).build());
    AuditEvent e = assertDenied(audit, GovernanceError.GUARDIAN_CONSENT_MISSING,
        () -> guard.project(CASEWORKER, AID, Resident.CHILD, List.of("name")));
    assertEquals(List.of(PiCategory.MINORS), e.categories());

    guard.grant(CASEWORKER, consent("C-4", "R-3").categories(PiCategory.NAME)
        .guardian(new GuardianConsent("R-1", "父亲", T0.minus(Duration.ofDays(1)), CollectionMethod.WRITTEN_FORM,
            "监护人同意书-2024-017")).build());
    Projection p = guard.project(CASEWORKER, AID, Resident.CHILD, List.of("name"));
    assertEquals("黄思远", p.get("name"));
    assertEquals(List.of("C-4"), p.basisIds(), "only the record with the guardian's consent counts");
  }

  @Test
  @DisplayName("PI-3: the 14th birthday is the boundary; a statutory basis needs no guardian")
  void ageBoundaryAndStatutoryBasis() {
    Resident turning = new Resident("R-9", "测试", "450103201006180013", null, null, null, null, null);
    guard.grant(CASEWORKER, consent("C-9", "R-9").categories(PiCategory.NAME).build());
    clock.set(Instant.parse("2024-06-17T15:59:59Z")); // 2024-06-17 23:59:59 in Nanning: still 13
    assertDenied(audit, GovernanceError.GUARDIAN_CONSENT_MISSING,
        () -> guard.project(CASEWORKER, AID, turning, List.of("name")));
    clock.set(Instant.parse("2024-06-17T16:00:00Z")); // 2024-06-18 00:00 in Nanning: 14 today
    assertEquals("测试", guard.project(CASEWORKER, AID, turning, List.of("name")).get("name"));

    clock.set(T0);
    guard.grant(CASEWORKER, ConsentRecord.builder("S-3", "R-3", LegalBasis.STATUTORY_DUTY).purposes(AID)
        .categories(PiCategory.NAME).valid(T0, null).evidence(CollectionMethod.BY_LAW, "《户口登记条例》").build());
    assertEquals("黄思远", guard.project(CASEWORKER, AID, Resident.CHILD, List.of("name")).get("name"));
  }

  @Test
  @DisplayName("PI-3: an unreadable ID number is refused with GDS-GOV-007, never taken for an adult")
  void unreadableIdNumber() {
    for (String bad : List.of("450103201613020174", "4501032016110201", "45010320161102017Y", "450103203011020174",
        "450103991302017")) {
      Resident r = new Resident("R-5", "某某", bad, null, null, null, null, null);
      guard = ConsentGuard.builder().store(new InMemoryConsentStore()).recorder(audit).clock(clock).build();
      guard.grant(CASEWORKER, consent("C-5", "R-5").categories(PiCategory.NAME).build());
      assertDenied(audit, GovernanceError.UNREADABLE_ID_NUMBER, () -> guard.project(CASEWORKER, AID, r, List.of("name")));
    }
    Resident legacy = new Resident("R-6", "老号码", "450103820315031", null, null, null, null, null);
    guard.grant(CASEWORKER, consent("C-6", "R-6").categories(PiCategory.NAME).build());
    assertEquals("老号码", guard.project(CASEWORKER, AID, legacy, List.of("name")).get("name"), "15-digit, born 1982");
  }

  @Test
  @DisplayName("PIPL art. 29: sensitive fields need separate consent or a non-consent basis")
  void sensitiveNeedsSeparateConsent() {
    guard.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.HEALTH).build());
    Projection p = guard.project(CASEWORKER, AID, Resident.ADULT, List.of("health"));
    assertTrue(p.withheld().get("health").contains("separate consent"), p.withheld().toString());
    guard.grant(CASEWORKER, ConsentRecord.builder("C-2", "R-1", LegalBasis.SEPARATE_CONSENT).purposes(AID)
        .categories(PiCategory.HEALTH).valid(T0, null).evidence(CollectionMethod.ELECTRONIC_SIGNATURE, "ES-88").build());
    assertEquals("高血压", guard.project(CASEWORKER, AID, Resident.ADULT, List.of("health")).get("health"));
  }

  @Test
  @DisplayName("PI-2: non-personal fields pass only when listed by the basis or by the guard's flag")
  void nonPersonalFields() {
    guard.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.NAME).extraFields("district").build());
    Projection p = guard.project(CASEWORKER, AID, Resident.ADULT);
    assertEquals(List.of("residentNo", "name", "district"), List.copyOf(p.fields().keySet()));
    assertEquals(List.of("idNumber", "mobile", "address", "health", "remarks"), List.copyOf(p.withheld().keySet()));

    ConsentGuard open = ConsentGuard.builder().store(new InMemoryConsentStore()).recorder(audit).clock(clock)
        .nonPersonalFieldsPass(true).build();
    open.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.NAME).build());
    assertEquals(List.of("residentNo", "name", "district", "remarks"),
        List.copyOf(open.project(CASEWORKER, AID, Resident.ADULT).fields().keySet()));
  }

  /** Has no subject id field. */
  record NoSubject(@org.govdatasec.core.annotation.PersonalInfo(PiCategory.NAME) String name) {}

  @Test
  @DisplayName("GDS-GOV-008: unknown fields, a record without a subject id, or a null subject id are refused")
  void badRecords() {
    guard.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.NAME).build());
    assertDenied(audit, GovernanceError.NOT_A_SUBJECT_RECORD,
        () -> guard.project(CASEWORKER, AID, Resident.ADULT, List.of("salary")));
    assertDenied(audit, GovernanceError.NOT_A_SUBJECT_RECORD,
        () -> guard.project(CASEWORKER, AID, new NoSubject("x"), List.of("name")));
    Resident anonymous = new Resident(null, "x", null, null, null, null, null, null);
    assertDenied(audit, GovernanceError.NOT_A_SUBJECT_RECORD,
        () -> guard.project(CASEWORKER, AID, anonymous, List.of("name")));
  }

  @Test
  @DisplayName("PI-4: invalid consent records are refused with GDS-GOV-001; duplicates are refused and audited")
  void badConsentRecords() {
    assertThrows(GovernanceException.class, () -> consent("C-1", "R-1").build(), "no categories");
    assertThrows(GovernanceException.class, () -> ConsentRecord.builder("C-1", "R-1", LegalBasis.CONSENT)
        .categories(PiCategory.NAME).valid(T0, null).evidence(CollectionMethod.WRITTEN_FORM, "x").build(), "no purpose");
    assertThrows(GovernanceException.class, () -> consent("C-1", "R-1").categories(PiCategory.NAME)
        .evidence(CollectionMethod.BY_LAW, "x").build(), "consent collected by law");
    assertThrows(GovernanceException.class, () -> consent("C-1", "R-1").categories(PiCategory.NAME)
        .valid(T0, T0).build(), "empty validity");
    assertThrows(GovernanceException.class, () -> consent("bad id", "R-1").categories(PiCategory.NAME).build());
    GovernanceException e = assertThrows(GovernanceException.class, () -> consent("C-1", "R-1")
        .categories(PiCategory.NAME).evidence(CollectionMethod.WRITTEN_FORM, " ").build());
    assertEquals("GDS-GOV-001", e.code());
    guard.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.NAME).build());
    assertDenied(audit, GovernanceError.BAD_CONSENT_RECORD,
        () -> guard.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.NAME).build()));
  }

  @Test
  @DisplayName("PI-6: a third-party grant covers its scope until it expires; out of scope or expired means no")
  void processorGrants() {
    Actor processor = new Actor("ops", "processor", "某信息技术有限公司", null);
    ProcessorGrant g = new ProcessorGrant("G-1", "某信息技术有限公司", GranteeKind.OUTSOURCED_PROCESSOR, "citizen",
        java.util.Set.of("系统运维"), java.util.Set.of(PiCategory.NAME, PiCategory.MOBILE), T0, T0.plus(Duration.ofDays(90)),
        "合同 NN-2024-IT-07", "chen.lixin");
    guard.grant(new Actor("chen.lixin", null, "市大数据发展局", null), g);
    assertEquals("某信息技术有限公司", last(audit).parties().recipient());
    assertEquals("G-1", guard.checkGrant(processor, "某信息技术有限公司", "citizen", "系统运维",
        List.of(PiCategory.NAME)).id());
    assertEquals(Action.USE, last(audit).action());
    assertEquals("G-1", last(audit).approvalTicket());
    assertDenied(audit, GovernanceError.GRANT_NOT_COVERED, () -> guard.checkGrant(processor, "某信息技术有限公司",
        "citizen", "系统运维", List.of(PiCategory.ADDRESS)));
    assertDenied(audit, GovernanceError.GRANT_NOT_COVERED, () -> guard.checkGrant(processor, "某信息技术有限公司",
        "household", "系统运维", List.of(PiCategory.NAME)));
    assertDenied(audit, GovernanceError.GRANT_NOT_COVERED, () -> guard.checkGrant(processor, "另一公司",
        "citizen", "系统运维", List.of(PiCategory.NAME)));
    clock.set(T0.plus(Duration.ofDays(90)));
    AuditEvent e = assertDenied(audit, GovernanceError.GRANT_EXPIRED, () -> guard.checkGrant(processor,
        "某信息技术有限公司", "citizen", "系统运维", List.of(PiCategory.NAME)));
    assertEquals("某信息技术有限公司", e.parties().recipient());
    assertThrows(GovernanceException.class, () -> new ProcessorGrant("G-2", "x", GranteeKind.SHARING_PARTNER, "d",
        java.util.Set.of("p"), java.util.Set.of(PiCategory.NAME), T0, T0, "c", "g"), "grants always expire");
  }

  @Test
  @DisplayName("Fail closed: if the audit recorder fails, the read fails and nothing is returned")
  void auditFailureFailsClosed() {
    InMemoryConsentStore store = new InMemoryConsentStore();
    store.add(consent("C-1", "R-1").categories(PiCategory.NAME).build());
    ConsentGuard broken = ConsentGuard.builder().store(store).clock(clock).recorder(e -> {
      throw new IllegalStateException("disk full");
    }).build();
    assertThrows(IllegalStateException.class, () -> broken.project(CASEWORKER, AID, Resident.ADULT, List.of("name")));
    assertNull(store.find("C-1").orElseThrow().withdrawnAt());
  }

  @Test
  @DisplayName("GDS-GOV-021: a failing consent store refuses the read, recorded as a failure")
  void storeFailure() {
    ConsentStore failing = (ConsentStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ConsentStore.class}, (proxy, method, args) -> {
          throw GovernanceError.STORE_FAILED.exception("The governance store failed (test).");
        });
    ConsentGuard g = ConsentGuard.builder().store(failing).recorder(audit).clock(clock).build();
    org.govdatasec.core.governance.GovFixtures.assertRefused(audit, GovernanceError.STORE_FAILED, Outcome.Status.FAILED,
        () -> g.project(CASEWORKER, AID, Resident.ADULT, List.of("name")));
    org.govdatasec.core.governance.GovFixtures.assertRefused(audit, GovernanceError.STORE_FAILED, Outcome.Status.FAILED,
        () -> g.grant(CASEWORKER, consent("C-1", "R-1").categories(PiCategory.NAME).build()));
    org.govdatasec.core.governance.GovFixtures.assertRefused(audit, GovernanceError.STORE_FAILED, Outcome.Status.FAILED,
        () -> g.checkGrant(CASEWORKER, "x", "citizen", AID, List.of(PiCategory.NAME)));
  }
}
