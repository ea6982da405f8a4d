package org.govdatasec.core.policy;

import static org.govdatasec.core.policy.testing.Records.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.govdatasec.core.Requirement;
import org.govdatasec.core.policy.testing.CapturingLoggerFinder;
import org.govdatasec.core.policy.testing.Records;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Assessment.explain(): the readable answer a security officer files (CLS-2 level and why, CLS-5 controls). */
class AssessmentExplainTest {

  private static List<String> controlLines(String explain) {
    return explain.lines().filter(l -> l.startsWith("    [")).collect(Collectors.toList());
  }

  private static String lineOf(String explain, Control c) {
    List<String> lines = controlLines(explain).stream().filter(l -> l.contains("] " + c.name() + " "))
        .collect(Collectors.toList());
    assertEquals(1, lines.size(), c + " in\n" + explain);
    return lines.get(0);
  }

  @Test
  @DisplayName("CLS-2, CLS-5: explain() shows the level, what decided it, and every control with its requirement ids")
  void explainsResident() {
    Assessment a = engine(10_000).assess(Records.Resident.class);
    String text = a.explain();
    assertTrue(text.startsWith("Resident (" + Records.Resident.class.getName() + ")"), text);
    assertTrue(text.contains("  effective level: GENERAL-4 一般数据（4级）"), text);
    assertTrue(text.contains("    decided by idNumber: sensitive personal information [RESIDENT_ID]"), text);
    assertTrue(text.contains("    decided by combination:identity-and-address: holds NAME + RESIDENT_ID + ADDRESS"),
        text);
    assertFalse(text.contains("decided by name:"), "NAME (GENERAL-3) did not decide: " + text);
    assertTrue(text.contains("  personal information: NAME, RESIDENT_ID, ADDRESS (sensitive)"), text);
    assertTrue(text.contains("  high-risk: no"), text);
    assertTrue(text.contains("  required controls (" + a.controls().size() + "):"), text);
    assertEquals(a.controls().size(), controlLines(text).size(), text);
    for (RequiredControl c : a.controls()) {
      String line = lineOf(text, c.control());
      String label = c.mandatory() ? "[must] " : c.strength() == Strength.AGENCY ? "[agency] " : "[should] ";
      assertTrue(line.startsWith("    " + label + c.control().name() + " " + c.control().chineseName()), line);
      String ids = c.requirements().stream().map(Requirement::id).collect(Collectors.joining(", "));
      assertTrue(line.contains(" - " + ids + " ("), line);
      c.clauses().forEach(clause -> assertTrue(line.contains(clause), clause + " in " + line));
    }
    assertTrue(lineOf(text, Control.CONSENT_SCOPE).contains("[must] CONSENT_SCOPE 授权范围内最小化使用 - PI-1, PI-2, PI-4"));
    assertTrue(lineOf(text, Control.MASK_OUTSIDE_PRODUCTION).contains("- USE-5, PI-5 (NJ-20; NJ-8)"),
        "merged rows cite every requirement: " + lineOf(text, Control.MASK_OUTSIDE_PRODUCTION));
    assertTrue(lineOf(text, Control.SEPARATION_OF_DUTIES).startsWith("    [should] "));
  }

  @Test
  @DisplayName("CLS-3: explain() of important data says why it is high-risk and lists the high-risk controls")
  void explainsImportantData() {
    String text = engine(0).assess(Records.GridPermit.class).explain();
    assertTrue(text.contains("  effective level: IMPORTANT 重要数据"), text);
    assertTrue(text.contains("    decided by gridCoordinates: declared @Classified: 网格坐标"), text);
    assertTrue(text.contains("  high-risk: yes, 重要数据 (IMPORTANT) is high-risk data (CLS-3)"), text);
    assertTrue(lineOf(text, Control.TWICE_YEARLY_LOG_REVIEW).contains("[must] TWICE_YEARLY_LOG_REVIEW"), text);
    assertTrue(lineOf(text, Control.TWICE_YEARLY_LOG_REVIEW).contains("- AU-3 (NJ-14), when high-risk"), text);
  }

  @Test
  @DisplayName("CLS-5: explain() shows WAIVED for a waived mandatory control, with the waiver, and logs it")
  void explainsWaiver() {
    String reference = "宁数安〔2026〕EXPLAIN-1号";
    ControlPolicy p = ControlPolicy.defaults().toBuilder()
        .replace(Control.TWICE_YEARLY_LOG_REVIEW, List.of())
        .waive(new Waiver(Control.TWICE_YEARLY_LOG_REVIEW, "市级统一日志检查已覆盖", "李四（信息中心主任）", reference))
        .build();
    assertEquals(1, CapturingLoggerFinder.containing("TWICE_YEARLY_LOG_REVIEW", reference).size());
    Assessment a = engine(p, 1_000_000).assess(Records.Contact.class);
    assertTrue(a.highRisk());
    assertFalse(a.requires(Control.TWICE_YEARLY_LOG_REVIEW));
    String text = a.explain();
    assertTrue(text.contains("  WAIVED TWICE_YEARLY_LOG_REVIEW (NJ-14): waiver of TWICE_YEARLY_LOG_REVIEW approved by"
        + " 李四（信息中心主任） (" + reference + "): 市级统一日志检查已覆盖"), text);
    String small = engine(p, 10).assess(Records.Contact.class).explain();
    assertFalse(small.contains("WAIVED"), "below the threshold the control would not apply: " + small);
  }

  @Test
  @DisplayName("CLS-1: explain() lists the unclassified fields a developer should classify")
  void explainsUnclassifiedFields() {
    String text = engine(0).assess(Records.InternalNotice.class).explain();
    assertTrue(text.contains("  unclassified fields: body"), text);
    assertTrue(text.contains("    decided by (type): declared on the type: 内部办事指南"), text);
  }
}
