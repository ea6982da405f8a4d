package org.govdatasec.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.govdatasec.core.policy.testing.CapturingLoggerFinder;
import org.govdatasec.core.policy.testing.Records;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLS-5: an agency's policy file on disk, read with {@link ControlPolicy#load(Path)} as UTF-8 (Failsafe). The
 * waiver's Chinese text must survive the round trip into the policy, the assessment and the log.
 */
class PolicyFileIT {

  private static final String REASON = "市政务云日志审计平台已提供防篡改存证，并由第三方每季度核验";
  private static final String APPROVER = "王五（数据安全负责人）";
  private static final String REFERENCE = "宁数安〔2026〕FILE-7号";

  @TempDir
  Path dir;

  private static String policyText() {
    return String.join("\n",
        "# 南宁市大数据发展局 — 市民信息登记系统的数据安全策略",
        "app.name = 市民信息登记系统",
        "govdatasec.policy.high-risk.subject-threshold = 800,000",
        "govdatasec.policy.control.encrypt-at-rest.add = level>=GENERAL-3",
        "govdatasec.policy.control.TAMPER_EVIDENT_LOG =",
        "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.reason = " + REASON,
        "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.approved-by = " + APPROVER,
        "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.reference = " + REFERENCE,
        "");
  }

  @Test
  @DisplayName("CLS-5: a UTF-8 policy file with Chinese waiver text loads intact from disk")
  void loadsUtf8File() throws IOException {
    Path file = dir.resolve("govdatasec-policy.properties");
    Files.writeString(file, policyText(), StandardCharsets.UTF_8);

    ControlPolicy policy = ControlPolicy.load(file);

    assertEquals(800_000, policy.highRiskSubjectThreshold());
    assertEquals(1, policy.waivers().size());
    Waiver w = policy.waivers().get(0);
    assertEquals(Control.TAMPER_EVIDENT_LOG, w.control());
    assertEquals(REASON, w.reason());
    assertEquals(APPROVER, w.approvedBy());
    assertEquals(REFERENCE, w.reference());
    assertTrue(policy.rules().contains(ControlRule.agency(Control.ENCRYPT_AT_REST,
        Trigger.levelAtLeast(org.govdatasec.core.classification.Classification.general(3)))));

    Assessment a = Records.engine(policy, 800_000).assess(Records.Contact.class);
    assertTrue(a.highRisk(), "800,000 subjects reach the agency's lower threshold");
    assertTrue(a.explain().contains(REASON), a.explain());
    assertTrue(a.explain().contains(APPROVER), a.explain());

    assertTrue(CapturingLoggerFinder.installed());
    List<CapturingLoggerFinder.Captured> logged = CapturingLoggerFinder.containing("TAMPER_EVIDENT_LOG", REFERENCE);
    assertEquals(1, logged.size(), logged.toString());
    assertTrue(logged.get(0).message().contains(REASON), logged.get(0).message());
    assertEquals(System.Logger.Level.WARNING, logged.get(0).level());
  }

  @Test
  @DisplayName("GDS-POL-008: a file in GBK is refused rather than read as mojibake")
  void refusesNonUtf8File() throws IOException {
    Path file = dir.resolve("gbk-policy.properties");
    Files.write(file, policyText().getBytes(Charset.forName("GBK")));
    PolicyException e = assertThrows(PolicyException.class, () -> ControlPolicy.load(file));
    assertEquals("GDS-POL-008", e.code());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  @DisplayName("GDS-POL-008: a policy file that does not exist is refused with the path, not a raw stack trace")
  void refusesMissingFile() {
    Path file = dir.resolve("no-such-policy.properties");
    PolicyException e = assertThrows(PolicyException.class, () -> ControlPolicy.load(file));
    assertEquals("GDS-POL-008", e.code());
    assertTrue(e.getMessage().startsWith("GDS-POL-008 [CLS-5] the policy file " + file), e.getMessage());
    assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
  }

  @Test
  @DisplayName("CLS-5: a file with a UTF-8 byte-order mark still reads its first key")
  void byteOrderMark() throws IOException {
    Path file = dir.resolve("bom-policy.properties");
    Files.writeString(file, "\uFEFFgovdatasec.policy.high-risk.subject-threshold = 700000\n", StandardCharsets.UTF_8);
    assertEquals(700_000, ControlPolicy.load(file).highRiskSubjectThreshold());
  }
}
