package org.govdatasec.core.policy;

import static org.govdatasec.core.policy.testing.Records.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.govdatasec.core.Requirement;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.policy.testing.CapturingLoggerFinder;
import org.govdatasec.core.policy.testing.Records;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CLS-5: an agency overrides the default control table from a properties file without recompiling; CLS-2 the
 * same file adds, amends and disables combinations. The file is {@code policy/agency-overrides.properties}.
 */
class PolicyPropertiesTest {

  private static final String RESOURCE = "/policy/agency-overrides.properties";
  private static final String REFERENCE = "宁数安〔2026〕PROPS-1号";
  private static final Classification G2 = Classification.general(2);
  private static final Classification G3 = Classification.general(3);
  private static final Classification G4 = Classification.general(4);

  private static ControlPolicy agency;

  @BeforeAll
  static void load() throws IOException {
    agency = loadResource();
  }

  private static ControlPolicy loadResource() throws IOException {
    try (InputStream in = PolicyPropertiesTest.class.getResourceAsStream(RESOURCE)) {
      assertNotNull(in, RESOURCE);
      return ControlPolicy.load(in, "classpath:" + RESOURCE);
    }
  }

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  private static List<ControlRule> rows(ControlPolicy p, Control c) {
    return p.rules().stream().filter(r -> r.control() == c).collect(Collectors.toList());
  }

  private static List<String> combinationNames(ControlPolicy p) {
    return p.combinations().stream().map(CombinationRule::name).collect(Collectors.toList());
  }

  @Test
  @DisplayName("CLS-5 (a): ENCRYPT_AT_REST.add tightens from GENERAL-3 up and keeps the default rows")
  void tightenEncryption() {
    List<ControlRule> rows = rows(agency, Control.ENCRYPT_AT_REST);
    assertTrue(rows.containsAll(rows(ControlPolicy.defaults(), Control.ENCRYPT_AT_REST)), rows.toString());
    assertTrue(rows.contains(ControlRule.agency(Control.ENCRYPT_AT_REST, Trigger.levelAtLeast(G3))), rows.toString());
    assertEquals(rows(ControlPolicy.defaults(), Control.ENCRYPT_AT_REST).size() + 1, rows.size());

    assertFalse(engine(0).assess(Records.InternalNotice.class).requires(Control.ENCRYPT_AT_REST), "defaults: no");
    Assessment notice = engine(agency, 0).assess(Records.InternalNotice.class);
    assertEquals(Optional.of(G3), notice.effective());
    RequiredControl encrypt = notice.control(Control.ENCRYPT_AT_REST).orElseThrow();
    assertEquals(Strength.AGENCY, encrypt.strength());
    assertEquals(List.of("agency policy"), encrypt.clauses());
    assertFalse(engine(agency, 0).assess(Records.PublicNotice.class).requires(Control.ENCRYPT_AT_REST), "GENERAL-2");
  }

  @Test
  @DisplayName("CLS-5: a control the agency requires is [agency], not [should], where a recommendation also applies")
  void agencyOutranksRecommendation() {
    Assessment a = engine(agency, 0).assess(Records.Statistic.class);
    assertEquals(Optional.of(G4), a.effective());
    RequiredControl encrypt = a.control(Control.ENCRYPT_AT_REST).orElseThrow();
    assertEquals(Strength.AGENCY, encrypt.strength(), "the agency's own policy requires it: " + encrypt);
    assertTrue(a.explain().contains("[agency] ENCRYPT_AT_REST"), a.explain());
    assertEquals(Strength.RECOMMENDED,
        engine(0).assess(Records.Statistic.class).control(Control.ENCRYPT_AT_REST).orElseThrow().strength());
  }

  @Test
  @DisplayName("CLS-5 (b): MASK_OUTSIDE_PRODUCTION replaced by level>=GENERAL-2 + sensitive PI covers the mandatory row")
  void replaceMasking() {
    assertEquals(List.of(ControlRule.agency(Control.MASK_OUTSIDE_PRODUCTION, Trigger.levelAtLeast(G2)),
        ControlRule.agency(Control.MASK_OUTSIDE_PRODUCTION, Trigger.SENSITIVE_PERSONAL_INFORMATION)),
        rows(agency, Control.MASK_OUTSIDE_PRODUCTION));
    assertTrue(agency.waived().stream().noneMatch(w -> w.rule().control() == Control.MASK_OUTSIDE_PRODUCTION));
    assertTrue(engine(agency, 0).assess(Records.PublicNotice.class).requires(Control.MASK_OUTSIDE_PRODUCTION),
        "GENERAL-2 without personal information: required by the agency row");
    assertFalse(engine(0).assess(Records.PublicNotice.class).requires(Control.MASK_OUTSIDE_PRODUCTION));

    RequiredControl mask = engine(agency, 0).assess(Records.IdOnly.class).control(Control.MASK_OUTSIDE_PRODUCTION)
        .orElseThrow();
    assertTrue(mask.mandatory(), "the regulations still mandate masking sensitive PI (NJ-20; NJ-8): " + mask);
    assertTrue(mask.clauses().containsAll(List.of("NJ-20", "NJ-8")), mask.toString());
    assertTrue(mask.requirements().containsAll(List.of(Requirement.USE_5, Requirement.PI_5)), mask.toString());
  }

  @Test
  @DisplayName("CLS-5 (b): coverage is judged over the floors: level>=GENERAL-2 no longer covers sensitive GENERAL-1 data")
  void coverageDependsOnFloors() {
    Properties p = props("govdatasec.policy.control.MASK_OUTSIDE_PRODUCTION", "level>=GENERAL-2");
    ControlPolicy ok = ControlPolicy.fromProperties(p);
    assertTrue(ok.waived().isEmpty(), "with the default floors sensitive PI is GENERAL-4, so GENERAL-2 covers it");
    p.setProperty("govdatasec.policy.floor.personal-information", "GENERAL-1");
    p.setProperty("govdatasec.policy.floor.sensitive-personal-information", "GENERAL-1");
    PolicyException e = assertThrows(PolicyException.class, () -> ControlPolicy.fromProperties(p));
    assertEquals("GDS-POL-001", e.code());
    assertTrue(e.getMessage().contains("MASK_OUTSIDE_PRODUCTION"), e.getMessage());
    p.setProperty("govdatasec.policy.control.MASK_OUTSIDE_PRODUCTION", "level>=GENERAL-1");
    assertTrue(ControlPolicy.fromProperties(p).waived().isEmpty());
  }

  @Test
  @DisplayName("CLS-2 (c): combination.real-name-verification.enabled=false disables it")
  void disableCombination() {
    assertFalse(combinationNames(agency).contains("real-name-verification"), combinationNames(agency).toString());
    assertTrue(combinationNames(agency).contains("identity-and-address"));
    Assessment off = engine(agency, 0).assess(Records.RealNameCheck.class);
    assertTrue(off.combinations().isEmpty());
    assertEquals(Optional.of(G3), off.effective());
    assertFalse(off.sensitivePersonalInformation());
    Assessment on = engine(0).assess(Records.RealNameCheck.class);
    assertEquals(Optional.of(G4), on.effective());
  }

  @Test
  @DisplayName("CLS-2 (d): a new combination from the file fires and raises the level")
  void newCombination() {
    CombinationRule rule = agency.combinations().stream().filter(c -> c.name().equals("contact-and-location"))
        .findFirst().orElseThrow();
    assertEquals(EnumSet.of(PiCategory.NAME, PiCategory.MOBILE, PiCategory.ADDRESS), rule.allOf());
    assertEquals(G4, rule.raiseTo());
    assertFalse(rule.sensitive());
    Assessment a = engine(agency, 0).assess(Records.ContactWithAddress.class);
    assertEquals(List.of(rule), a.combinations());
    assertEquals(Optional.of(G4), a.effective());
    assertFalse(a.sensitivePersonalInformation());
    assertEquals(Optional.of(G3), engine(0).assess(Records.ContactWithAddress.class).effective());
    assertEquals(Optional.of(G3), engine(agency, 0).assess(Records.Contact.class).effective(), "no address");
  }

  @Test
  @DisplayName("CLS-2: a default combination can be amended (raise-to IMPORTANT), keeping its categories")
  void amendCombination() {
    ControlPolicy p = ControlPolicy.fromProperties(
        props("govdatasec.policy.combination.identity-and-address.raise-to", "IMPORTANT"));
    CombinationRule rule = p.combinations().stream().filter(c -> c.name().equals("identity-and-address")).findFirst()
        .orElseThrow();
    assertEquals(EnumSet.of(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.ADDRESS), rule.allOf());
    assertTrue(rule.sensitive());
    Assessment a = engine(p, 0).assess(Records.Resident.class);
    assertEquals(Optional.of(Classification.IMPORTANT), a.effective());
    assertTrue(a.highRisk());
  }

  @Test
  @DisplayName("CLS-5 (e): TAMPER_EVIDENT_LOG removed with a waiver: reported as WAIVED and logged at WARNING")
  void waiveTamperEvidentLog() throws IOException {
    assertTrue(CapturingLoggerFinder.installed(), "the test LoggerFinder is in use");
    assertTrue(rows(agency, Control.TAMPER_EVIDENT_LOG).isEmpty());
    Waiver w = agency.waivers().stream().filter(x -> x.control() == Control.TAMPER_EVIDENT_LOG).findFirst()
        .orElseThrow();
    assertEquals("市政务云日志审计平台已提供防篡改存证", w.reason());
    assertEquals("张三（数据安全负责人）", w.approvedBy());
    assertEquals(REFERENCE, w.reference());
    assertEquals(List.of(Trigger.HIGH_RISK), agency.waived().stream().map(x -> x.rule().trigger())
        .collect(Collectors.toList()));

    Assessment important = engine(agency, 0).assess(Records.GridPermit.class);
    assertFalse(important.requires(Control.TAMPER_EVIDENT_LOG));
    assertEquals(List.of(Control.TAMPER_EVIDENT_LOG),
        important.waived().stream().map(x -> x.rule().control()).collect(Collectors.toList()));
    assertTrue(important.explain().contains("WAIVED TAMPER_EVIDENT_LOG (NN ch.4; NJ-14)"), important.explain());
    assertTrue(important.explain().contains(REFERENCE), important.explain());
    assertTrue(engine(agency, 0).assess(Records.InternalNotice.class).waived().isEmpty(),
        "not high-risk: the mandatory row would not apply, so nothing is waived there");

    int before = CapturingLoggerFinder.containing("TAMPER_EVIDENT_LOG", REFERENCE).size();
    loadResource();
    List<CapturingLoggerFinder.Captured> logged = CapturingLoggerFinder.containing("TAMPER_EVIDENT_LOG", REFERENCE);
    assertTrue(logged.size() > before, "each load logs the waiver: " + logged);
    CapturingLoggerFinder.Captured last = logged.get(logged.size() - 1);
    assertEquals(System.Logger.Level.WARNING, last.level());
    assertTrue(last.message().contains("市政务云日志审计平台已提供防篡改存证"), last.message());
    assertTrue(last.message().contains("high-risk"), last.message());
  }

  @Test
  @DisplayName("CLS-5: keys outside govdatasec.policy. are ignored; an empty file gives the defaults")
  void foreignKeysIgnored() {
    ControlPolicy p = ControlPolicy.fromProperties(props("server.port", "8080", "govdatasec.policyish", "x",
        "govdatasec.other", "y", "GOVDATASEC.POLICY.COLOUR", "red"));
    assertEquals(ControlPolicy.defaults().rules(), p.rules());
    assertEquals(ControlPolicy.defaults().combinations(), p.combinations());
    assertEquals(ControlPolicy.defaults().rules(), ControlPolicy.fromProperties(new Properties()).rules());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ENCRYPT_AT_REST", "encrypt-at-rest", "Encrypt-At-Rest", "encrypt_at_rest"})
  @DisplayName("CLS-5: control names are the enum names or lower case with dashes")
  void controlNameSpellings(String name) {
    ControlPolicy p = ControlPolicy.fromProperties(props("govdatasec.policy.control." + name + ".add", "level>=GENERAL-2"));
    assertTrue(p.rules().contains(ControlRule.agency(Control.ENCRYPT_AT_REST, Trigger.levelAtLeast(G2))));
  }

  @Test
  @DisplayName("CLS-5: replace-then-add whatever the spelling: .add is never undone by a differently spelt replace")
  void replaceBeforeAddAcrossSpellings() {
    ControlPolicy p = ControlPolicy.fromProperties(props(
        "govdatasec.policy.control.ENCRYPT_AT_REST.add", "level>=GENERAL-2",
        "govdatasec.policy.control.encrypt-at-rest", "high-risk, sensitive-personal-information, level>=GENERAL-4"));
    assertEquals(List.of(ControlRule.agency(Control.ENCRYPT_AT_REST, Trigger.HIGH_RISK),
        ControlRule.agency(Control.ENCRYPT_AT_REST, Trigger.SENSITIVE_PERSONAL_INFORMATION),
        ControlRule.agency(Control.ENCRYPT_AT_REST, Trigger.levelAtLeast(G4)),
        ControlRule.agency(Control.ENCRYPT_AT_REST, Trigger.levelAtLeast(G2))), rows(p, Control.ENCRYPT_AT_REST));
  }

  @Test
  @DisplayName("GDS-POL-003: two keys replacing the same control under different spellings are refused")
  void conflictingReplacements() {
    PolicyException e = assertThrows(PolicyException.class, () -> ControlPolicy.fromProperties(props(
        "govdatasec.policy.control.ENCRYPT_AT_REST", "high-risk",
        "govdatasec.policy.control.encrypt-at-rest", "level>=GENERAL-3")));
    assertEquals("GDS-POL-003", e.code());
    assertTrue(e.getMessage().contains("govdatasec.policy.control.ENCRYPT_AT_REST"), e.getMessage());
    assertTrue(e.getMessage().contains("govdatasec.policy.control.encrypt-at-rest"), e.getMessage());
  }

  @Test
  @DisplayName("CLS-5: the three waiver keys may spell the control differently and still make one waiver")
  void waiverKeysAcrossSpellings() {
    ControlPolicy p = ControlPolicy.fromProperties(props(
        "govdatasec.policy.control.tamper-evident-log", "",
        "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.reason", "平台已提供防篡改存证",
        "govdatasec.policy.waiver.tamper-evident-log.approved-by", "张三",
        "govdatasec.policy.waiver.Tamper-Evident-Log.reference", "宁数安〔2026〕SPELL-1号"));
    assertEquals(1, p.waivers().size());
    assertEquals("宁数安〔2026〕SPELL-1号", p.waivers().get(0).reference());
    PolicyException e = assertThrows(PolicyException.class, () -> ControlPolicy.fromProperties(props(
        "govdatasec.policy.control.tamper-evident-log", "",
        "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.reason", "one",
        "govdatasec.policy.waiver.tamper-evident-log.reason", "two",
        "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.approved-by", "张三",
        "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.reference", "ref")));
    assertEquals("GDS-POL-003", e.code(), "two reasons for one waiver are ambiguous");
  }

  @Test
  @DisplayName("CLS-3, CLS-2: threshold and floors from properties (500_000 and 500,000 both read)")
  void thresholdAndFloors() {
    for (String v : List.of("500000", "500_000", "500,000", " 500000 ")) {
      assertEquals(500_000, ControlPolicy.fromProperties(props("govdatasec.policy.high-risk.subject-threshold", v))
          .highRiskSubjectThreshold(), v);
    }
    ControlPolicy p = ControlPolicy.fromProperties(props(
        "govdatasec.policy.floor.personal-information", "general-4",
        "govdatasec.policy.floor.sensitive-personal-information", "IMPORTANT"));
    assertEquals(G4, p.personalInformationFloor());
    assertEquals(Classification.IMPORTANT, p.sensitivePersonalInformationFloor());
    assertEquals(Optional.of(G4), engine(p, 0).assess(Records.Contact.class).effective());
    assertTrue(engine(p, 0).assess(Records.IdOnly.class).highRisk(), "sensitive PI is now important data");
  }

  @Test
  @DisplayName("CLS-5: replacing a mandatory row by a broader one needs no waiver and stays mandatory by law")
  void broaderReplacementStaysMandatory() {
    ControlPolicy p = ControlPolicy.fromProperties(props("govdatasec.policy.control.ENCRYPT_AT_REST", "level>=GENERAL-3"));
    assertTrue(p.waived().isEmpty());
    Assessment high = engine(p, 1_000_000).assess(Records.Contact.class);
    assertTrue(high.highRisk());
    RequiredControl encrypt = high.control(Control.ENCRYPT_AT_REST).orElseThrow();
    assertTrue(encrypt.mandatory(), "NJ-19 still mandates it for high-risk data: " + encrypt);
    assertTrue(encrypt.clauses().contains("NJ-19"), encrypt.toString());
    assertTrue(high.explain().contains("[must] ENCRYPT_AT_REST"), high.explain());
    RequiredControl low = engine(p, 0).assess(Records.Contact.class).control(Control.ENCRYPT_AT_REST).orElseThrow();
    assertEquals(Strength.AGENCY, low.strength(), "below the threshold only the agency requires it");
  }
}
