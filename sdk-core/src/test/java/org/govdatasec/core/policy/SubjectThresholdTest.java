package org.govdatasec.core.policy;

import static org.govdatasec.core.policy.testing.Records.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.govdatasec.core.policy.testing.Records;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CLS-3: personal information of 1,000,000 people or more (一百万人以上, 以上 includes the number) takes the
 * high-risk controls (NJ-13, 14, 19, 21, 22, 23); the subject count is read live.
 */
class SubjectThresholdTest {

  /** The controls only high-risk data needs under the default policy. */
  private static final List<Control> HIGH_RISK_ONLY =
      List.of(Control.TWICE_YEARLY_LOG_REVIEW, Control.ANNUAL_RISK_ASSESSMENT);

  private static Assessment contactAt(long subjects) {
    return engine(subjects).assess(Records.Contact.class);
  }

  private static void assertNotHighRisk(Assessment a) {
    assertFalse(a.highRisk(), a.subjects() + " subjects: " + a.highRiskReason());
    assertEquals("", a.highRiskReason());
    HIGH_RISK_ONLY.forEach(c -> assertFalse(a.requires(c), c + " at " + a.subjects()));
    assertFalse(a.requires(Control.ENCRYPT_AT_REST), "non-sensitive GENERAL-3 data below the threshold");
    assertFalse(a.requires(Control.INTEGRITY_AT_REST));
  }

  private static void assertHighRisk(Assessment a) {
    assertTrue(a.highRisk(), a.subjects() + " subjects");
    HIGH_RISK_ONLY.forEach(c -> assertTrue(a.control(c).map(RequiredControl::mandatory).orElse(false),
        c + " is mandatory at " + a.subjects()));
    for (Control c : List.of(Control.ENCRYPT_AT_REST, Control.INTEGRITY_AT_REST, Control.PAYLOAD_ENCRYPTION_IN_TRANSIT,
        Control.IRREVERSIBLE_DESTRUCTION, Control.TAMPER_EVIDENT_LOG)) {
      assertTrue(a.control(c).map(RequiredControl::mandatory).orElse(false), c + " is mandatory at " + a.subjects());
    }
    assertTrue(a.control(Control.ENCRYPT_AT_REST).orElseThrow().clauses().contains("NJ-19"));
  }

  @Test
  @DisplayName("CLS-3: 999,999 subjects is not high-risk")
  void belowThreshold() {
    Assessment a = contactAt(999_999);
    assertEquals(999_999, a.subjects());
    assertTrue(a.personalInformation());
    assertFalse(a.sensitivePersonalInformation(), "the test record must be non-sensitive personal information");
    assertNotHighRisk(a);
  }

  @Test
  @DisplayName("CLS-3: exactly 1,000,000 subjects is high-risk (以上 includes the number)")
  void atThreshold() {
    Assessment a = contactAt(1_000_000);
    assertHighRisk(a);
    assertTrue(a.highRiskReason().contains("1,000,000"), a.highRiskReason());
    assertTrue(a.highRiskReason().contains("CLS-3"), a.highRiskReason());
  }

  @Test
  @DisplayName("CLS-3: 1,000,001 subjects is high-risk, and the reason names the count")
  void aboveThreshold() {
    Assessment a = contactAt(1_000_001);
    assertHighRisk(a);
    assertTrue(a.highRiskReason().contains("1,000,001"), a.highRiskReason());
  }

  @Test
  @ResourceLock(Resources.LOCALE)
  @DisplayName("CLS-3: the high-risk reason reads the same whatever the JVM's default locale")
  void reasonIndependentOfLocale() {
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      Assessment a = contactAt(1_234_567);
      assertTrue(a.highRiskReason().contains("1,234,567"), a.highRiskReason());
      assertTrue(a.highRiskReason().contains("1,000,000"), a.highRiskReason());
    } finally {
      Locale.setDefault(original);
    }
  }

  @ParameterizedTest(name = "{0} subjects")
  @ValueSource(longs = {0, 1, 999_999, 1_000_000, 50_000_000, Long.MAX_VALUE})
  @DisplayName("CLS-3: a record without personal information is never high-risk by volume")
  void noPersonalInformationNeverVolumeHighRisk(long subjects) {
    for (Class<?> type : List.of(Records.Statistic.class, Records.PublicNotice.class, Records.InternalNotice.class)) {
      Assessment a = engine(subjects).assess(type);
      assertFalse(a.personalInformation());
      assertFalse(a.highRisk(), type.getSimpleName() + " at " + subjects);
      HIGH_RISK_ONLY.forEach(c -> assertFalse(a.requires(c), c.toString()));
    }
  }

  @Test
  @DisplayName("CLS-3: sensitive PI below the threshold gets ENCRYPT_AT_REST as recommended, above it as mandatory")
  void sensitiveEncryptionStrength() {
    assertEquals(Strength.RECOMMENDED,
        engine(999_999).assess(Records.IdOnly.class).control(Control.ENCRYPT_AT_REST).orElseThrow().strength());
    assertEquals(Strength.MANDATORY,
        engine(1_000_000).assess(Records.IdOnly.class).control(Control.ENCRYPT_AT_REST).orElseThrow().strength());
  }

  @Test
  @DisplayName("CLS-3: the SubjectCounter is read on every assessment, so the same engine follows the count")
  void counterIsReadLive() {
    AtomicLong count = new AtomicLong(999_999);
    PolicyEngine live = engine(ControlPolicy.defaults(), count::get);
    Assessment before = live.assess(Records.Contact.class);
    assertNotHighRisk(before);
    count.set(1_000_000);
    Assessment after = live.assess(Records.Contact.class);
    assertHighRisk(after);
    assertEquals(1_000_000, after.subjects());
    count.set(10);
    assertNotHighRisk(live.assess(Records.Contact.class));
    assertFalse(before.highRisk(), "an assessment is a value: it does not change with the counter");
  }

  @Test
  @DisplayName("GDS-POL-007 (CLS-3): a counter reporting a negative count fails closed")
  void negativeCount() {
    PolicyEngine e = engine(ControlPolicy.defaults(), () -> -1L);
    PolicyException x = assertThrows(PolicyException.class, () -> e.assess(Records.Contact.class));
    assertEquals("GDS-POL-007", x.code());
    assertTrue(x.getMessage().contains("-1"), x.getMessage());
    PolicyException y = assertThrows(PolicyException.class, () -> SystemProfile.builder().subjects(-5));
    assertEquals("GDS-POL-007", y.code());
  }

  @Test
  @DisplayName("GDS-POL-007 (CLS-3): a counter that throws fails closed, keeping the cause")
  void throwingCounter() {
    IllegalStateException cause = new IllegalStateException("vault offline");
    PolicyEngine e = engine(ControlPolicy.defaults(), () -> {
      throw cause;
    });
    PolicyException x = assertThrows(PolicyException.class, () -> e.assess(Records.Statistic.class));
    assertEquals("GDS-POL-007", x.code());
    assertEquals(cause, x.getCause());
    assertTrue(x.getMessage().contains("IllegalStateException"), x.getMessage());
    assertTrue(x.getMessage().contains("测试登记系统"), "names the system: " + x.getMessage());
  }

  @Test
  @DisplayName("CLS-3: a policy may lower the threshold (500,000), and 以上 still includes the number")
  void loweredThreshold() {
    ControlPolicy strict = ControlPolicy.defaults().toBuilder().highRiskSubjectThreshold(500_000).build();
    assertEquals(500_000, strict.highRiskSubjectThreshold());
    assertNotHighRisk(engine(strict, 499_999).assess(Records.Contact.class));
    Assessment at = engine(strict, 500_000).assess(Records.Contact.class);
    assertHighRisk(at);
    assertTrue(at.highRiskReason().contains("500,000"), at.highRiskReason());
    ControlPolicy one = ControlPolicy.defaults().toBuilder().highRiskSubjectThreshold(1).build();
    assertHighRisk(engine(one, 1).assess(Records.Contact.class));
    assertNotHighRisk(engine(one, 0).assess(Records.Contact.class));
  }

  @ParameterizedTest(name = "threshold {0}")
  @ValueSource(longs = {1_000_001, 2_000_000, 0, -1, Long.MAX_VALUE})
  @DisplayName("GDS-POL-005 (CLS-3): a threshold above 1,000,000 or below 1 is refused")
  void thresholdOutsideLaw(long threshold) {
    ControlPolicy.Builder b = ControlPolicy.defaults().toBuilder().highRiskSubjectThreshold(threshold);
    PolicyException x = assertThrows(PolicyException.class, b::build);
    assertEquals("GDS-POL-005", x.code());
    assertTrue(x.getMessage().contains(Long.toString(threshold)), x.getMessage());
  }

  @Test
  @DisplayName("CLS-3: the default threshold is the regulations' 1,000,000")
  void defaultThreshold() {
    assertEquals(1_000_000L, ControlPolicy.LEGAL_HIGH_RISK_SUBJECTS);
    assertEquals(1_000_000L, ControlPolicy.defaults().highRiskSubjectThreshold());
    assertInstanceOf(PolicyException.class, assertThrows(RuntimeException.class,
        () -> ControlPolicy.defaults().toBuilder().highRiskSubjectThreshold(1_000_001).build()));
  }
}
