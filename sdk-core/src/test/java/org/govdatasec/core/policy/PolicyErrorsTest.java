package org.govdatasec.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.govdatasec.core.Requirement;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.policy.testing.Records;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every GDS-POL error code has a scenario that raises it, and every refusal explains itself: the message reads
 * {@code GDS-POL-nnn [REQ] what was refused. Fix: how}, on one line, naming what it refused.
 */
class PolicyErrorsTest {

  @TempDir
  Path tmp;

  /**
   * A scenario that must be refused.
   *
   * @param code the expected code
   * @param requirement the requirement the code enforces (REQUIREMENTS.md)
   * @param what a description of the scenario
   * @param action the refused action
   * @param fragments what the message must name
   */
  private record Case(String code, String requirement, String what, Executable action, List<String> fragments) {}

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  private static Executable fromProperties(String... keyValues) {
    return () -> ControlPolicy.fromProperties(props(keyValues));
  }

  private static final String C = "govdatasec.policy.combination.";

  private List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("GDS-POL-001", "CLS-5", "remove(ENCRYPT_AT_REST) without a waiver",
        () -> ControlPolicy.defaults().toBuilder().remove(Control.ENCRYPT_AT_REST).build(),
        List.of("ENCRYPT_AT_REST", "NJ-19", "high-risk", "no waiver")));
    cases.add(new Case("GDS-POL-001", "CLS-5", "a properties file that empties CONSENT_SCOPE without a waiver",
        fromProperties("govdatasec.policy.control.CONSENT_SCOPE", ""),
        List.of("CONSENT_SCOPE", "NJ-8", "NJ-18", "personal-information")));
    cases.add(new Case("GDS-POL-002", "CLS-5", "a waiver with a blank reason",
        () -> new Waiver(Control.TAMPER_EVIDENT_LOG, "  ", "张三", "宁数安〔2026〕12号"),
        List.of("TAMPER_EVIDENT_LOG", "reason")));
    cases.add(new Case("GDS-POL-002", "CLS-5", "a waiver without an approver",
        () -> new Waiver(Control.TAMPER_EVIDENT_LOG, "平台已提供防篡改存证", null, "宁数安〔2026〕12号"),
        List.of("TAMPER_EVIDENT_LOG", "approver")));
    cases.add(new Case("GDS-POL-002", "CLS-5", "a properties waiver without a reference",
        fromProperties("govdatasec.policy.control.TAMPER_EVIDENT_LOG", "",
            "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.reason", "平台已提供防篡改存证",
            "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.approved-by", "张三"),
        List.of("TAMPER_EVIDENT_LOG", "reference")));
    cases.add(new Case("GDS-POL-003", "CLS-5", "unknown key govdatasec.policy.colour=red",
        fromProperties("govdatasec.policy.colour", "red"), List.of("govdatasec.policy.colour")));
    cases.add(new Case("GDS-POL-003", "CLS-5", "unknown control govdatasec.policy.control.NOT_A_CONTROL",
        fromProperties("govdatasec.policy.control.NOT_A_CONTROL", "high-risk"),
        List.of("govdatasec.policy.control.NOT_A_CONTROL", "NOT_A_CONTROL", "ENCRYPT_AT_REST")));
    cases.add(new Case("GDS-POL-003", "CLS-5", "misspelt sub-key govdatasec.policy.floor.personal",
        fromProperties("govdatasec.policy.floor.personal", "GENERAL-3"), List.of("govdatasec.policy.floor.personal")));
    cases.add(new Case("GDS-POL-003", "CLS-5", "unknown waiver field",
        fromProperties("govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.approver", "张三"),
        List.of("govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.approver")));
    cases.add(new Case("GDS-POL-004", "CLS-5", "floor value GENERAL-9",
        fromProperties("govdatasec.policy.floor.personal-information", "GENERAL-9"),
        List.of("GENERAL-9", "govdatasec.policy.floor.personal-information")));
    cases.add(new Case("GDS-POL-004", "CLS-5", "threshold 'lots'",
        fromProperties("govdatasec.policy.high-risk.subject-threshold", "lots"),
        List.of("'lots'", "govdatasec.policy.high-risk.subject-threshold")));
    cases.add(new Case("GDS-POL-004", "CLS-5", "trigger 'sometimes'",
        fromProperties("govdatasec.policy.control.ENCRYPT_AT_REST.add", "sometimes"),
        List.of("sometimes", "govdatasec.policy.control.ENCRYPT_AT_REST.add")));
    cases.add(new Case("GDS-POL-004", "CLS-5", "sensitive 'maybe'",
        fromProperties(C + "contact.categories", "NAME,MOBILE", C + "contact.raise-to", "GENERAL-4",
            C + "contact.sensitive", "maybe"),
        List.of("maybe", C + "contact.sensitive")));
    cases.add(new Case("GDS-POL-004", "CLS-5", "category 'FOO'",
        fromProperties(C + "contact.categories", "NAME,FOO", C + "contact.raise-to", "GENERAL-4"),
        List.of("FOO", C + "contact.categories")));
    cases.add(new Case("GDS-POL-004", "CLS-5", "a new combination without raise-to",
        fromProperties(C + "contact.categories", "NAME,MOBILE"), List.of(C + "contact.raise-to")));
    cases.add(new Case("GDS-POL-005", "CLS-3", "threshold 2,000,000 from a properties file",
        fromProperties("govdatasec.policy.high-risk.subject-threshold", "2,000,000"), List.of("2000000", "1,000,000")));
    cases.add(new Case("GDS-POL-005", "CLS-3", "threshold 0 in code",
        () -> ControlPolicy.defaults().toBuilder().highRiskSubjectThreshold(0).build(), List.of("threshold 0")));
    cases.add(new Case("GDS-POL-006", "CLS-2", "sensitive floor below the personal-information floor",
        () -> ControlPolicy.defaults().toBuilder().personalInformationFloor(Classification.general(4))
            .sensitivePersonalInformationFloor(Classification.general(3)).build(),
        List.of("GENERAL-3", "GENERAL-4")));
    cases.add(new Case("GDS-POL-006", "CLS-2", "floors in the wrong order from a properties file",
        fromProperties("govdatasec.policy.floor.sensitive-personal-information", "GENERAL-2"),
        List.of("GENERAL-2", "GENERAL-3")));
    cases.add(new Case("GDS-POL-007", "CLS-3", "a counter reporting -1 subjects",
        () -> PolicyEngine.builder().system(SystemProfile.builder().name("登记系统").owner("数据局")
            .subjectCounter(() -> -1L).build()).build().assess(Records.Contact.class), List.of("-1", "登记系统")));
    cases.add(new Case("GDS-POL-007", "CLS-3", "a fixed count of -3 subjects",
        () -> SystemProfile.builder().subjects(-3), List.of("-3")));
    cases.add(new Case("GDS-POL-008", "CLS-5", "load a missing file",
        () -> ControlPolicy.load(tmp.resolve("missing-policy.properties")),
        List.of("missing-policy.properties", "cannot be read")));
    cases.add(new Case("GDS-POL-008", "CLS-5", "load a directory",
        () -> ControlPolicy.load(tmp), List.of(tmp.toString(), "cannot be read")));
    cases.add(new Case("GDS-POL-009", "CLS-5", "a waiver for a control that is not removed",
        () -> ControlPolicy.defaults().toBuilder()
            .waive(new Waiver(Control.ENCRYPT_AT_REST, "已有替代措施", "张三", "宁数安〔2026〕13号")).build(),
        List.of("ENCRYPT_AT_REST")));
    cases.add(new Case("GDS-POL-009", "CLS-5", "a waiver for a recommended-only control",
        () -> ControlPolicy.defaults().toBuilder().remove(Control.SEPARATION_OF_DUTIES)
            .waive(new Waiver(Control.SEPARATION_OF_DUTIES, "已有替代措施", "张三", "宁数安〔2026〕14号")).build(),
        List.of("SEPARATION_OF_DUTIES")));
    cases.add(new Case("GDS-POL-010", "CLS-2", "a combination of one category",
        () -> new CombinationRule("name-only", EnumSet.of(PiCategory.NAME), Classification.general(4), false),
        List.of("name-only", "1 categor")));
    cases.add(new Case("GDS-POL-010", "CLS-2", "a combination named 'Bad Name'",
        () -> new CombinationRule("Bad Name", EnumSet.of(PiCategory.NAME, PiCategory.MOBILE), Classification.general(4),
            false), List.of("'Bad Name'")));
    cases.add(new Case("GDS-POL-010", "CLS-2", "a combination of one category from a properties file",
        fromProperties(C + "solo.categories", "NAME", C + "solo.raise-to", "GENERAL-4"), List.of("solo")));
    cases.add(new Case("GDS-POL-011", "CLS-4", "a system profile without a name",
        () -> SystemProfile.builder().owner("南宁市大数据发展局").subjects(10).build(), List.of("name")));
    cases.add(new Case("GDS-POL-011", "CLS-4", "a system profile with a blank owner",
        () -> SystemProfile.builder().name("登记系统").owner(" ").build(), List.of("owner")));
    cases.add(new Case("GDS-POL-011", "CLS-4", "PolicyEngine.builder().build() without a system",
        () -> PolicyEngine.builder().build(), List.of("system profile")));
    return cases;
  }

  @TestFactory
  @DisplayName("Every GDS-POL refusal: code, [requirement], what it refused, and a Fix, on one line")
  List<DynamicTest> everyRefusalExplainsItself() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.code() + " [" + c.requirement() + "] " + c.what(), () -> {
      PolicyException e = assertThrows(PolicyException.class, c.action());
      String m = e.getMessage();
      assertEquals(c.code(), e.code(), m);
      assertEquals(c.code(), e.errorCode().code());
      assertTrue(m.startsWith(c.code() + " [" + c.requirement() + "] "), m);
      assertEquals(List.of(Requirement.byId(c.requirement())), e.requirements());
      assertTrue(m.contains(" Fix: "), m);
      assertFalse(e.fix().isBlank());
      assertTrue(m.endsWith("Fix: " + e.fix()), m);
      assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
      assertFalse(m.contains("\tat ") || m.contains("java.nio.") || m.contains("java.io."), "no raw stack: " + m);
      for (String f : c.fragments()) {
        assertTrue(m.contains(f), "names '" + f + "': " + m);
      }
    })).collect(Collectors.toList());
  }

  @Test
  @DisplayName("Every GDS-POL code 001..011 has a refusal scenario above")
  void everyCodeIsCovered() {
    Set<String> covered = cases().stream().map(Case::code).collect(Collectors.toCollection(TreeSet::new));
    Set<String> all = Arrays.stream(PolicyError.values()).map(PolicyError::code)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(all, covered);
    Set<String> expected = new TreeSet<>();
    for (int i = 1; i <= 11; i++) {
      expected.add(String.format("GDS-POL-%03d", i));
    }
    assertEquals(expected, all);
  }

  @Test
  @DisplayName("GDS-POL-008: a missing file keeps the I/O exception as the cause, not in the message")
  void missingFileCause() {
    PolicyException e = assertThrows(PolicyException.class, () -> ControlPolicy.load(tmp.resolve("absent.properties")));
    assertTrue(e.getCause() instanceof java.io.IOException, String.valueOf(e.getCause()));
    assertEquals("GDS-POL-008", e.code());
  }
}
