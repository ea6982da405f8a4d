package org.govdatasec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.govdatasec.samples.registry.RegistryScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole demo, as {@code -Pdemo} does, and checks the lines that carry its message. Content is
 * checked on an unwrapped run, so that the assertions do not depend on where long lines break; the
 * wrapped run (what {@code main} prints) is checked for width, determinism and equality with main.
 */
class RegistryDemoIT {

  /** The demo as main prints it, wrapped at 100 columns. */
  private static String wrapped;
  /** The same demo with no wrapping: one logical line per line. */
  private static String output;

  /** The demo's work folders (keys, vault, fixtures, audit log), removed after the class. */
  @org.junit.jupiter.api.io.TempDir
  static java.nio.file.Path work;
  private static int runs;

  @BeforeAll
  static void runDemo() {
    wrapped = run(RegistryDemo.WIDTH);
    output = run(Integer.MAX_VALUE);
  }

  private static String run(int width) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new RegistryDemo(out, new RegistryScenario(), width, work.resolve("run-" + (++runs))).run();
    out.flush();
    return normalise(bytes.toString(StandardCharsets.UTF_8));
  }

  private static String normalise(String text) {
    // The protection step encrypts under keys generated per run: mask its tokens and index values.
    return text.replace("\r\n", "\n").replaceAll("gds1\\.[A-Za-z0-9_-]+", "gds1.<token>")
        .replaceAll("bidx:[0-9a-f]+", "bidx:<index>");
  }

  /** The text from the line starting with {@code from} up to the next line starting with {@code to}. */
  private static String between(String from, String to) {
    return between(output, from, to);
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    assertTrue(start >= 0, () -> "no '" + from + "' in\n" + text);
    int end = text.indexOf(to, start + from.length());
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }

  private static void assertContains(String text, String expected) {
    assertTrue(text.contains(expected), () -> "expected to find\n" + expected + "\nin\n" + text);
  }

  @Test
  void mainPrintsTheSameAsRunOnStandardOutput() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      RegistryDemo.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertEquals(wrapped, normalise(bytes.toString(StandardCharsets.UTF_8)));
  }

  @Test
  void isDeterministic() {
    assertEquals(wrapped, run(RegistryDemo.WIDTH));
    assertEquals(output, run(Integer.MAX_VALUE));
  }

  @Test
  void staysWithinOneHundredColumns() {
    wrapped.lines().forEach(line -> assertTrue(TextWrap.width(line) <= 100, () -> "too wide: " + line));
    assertEquals(output.replaceAll("\\s+", ""), wrapped.replaceAll("\\s+", ""), "wrapping only adds line breaks");
  }

  @Test
  void printsEachTypesEffectiveLevelWithItsChineseLabel() {
    String pkg = "org.govdatasec.samples.registry.";
    for (List<String> expected : List.of(
        List.of("Citizen", "GENERAL-4 一般数据（4级）"),
        List.of("Household", "GENERAL-4 一般数据（4级）"),
        List.of("Application", "GENERAL-4 一般数据（4级）"),
        List.of("ServiceAppointment", "GENERAL-3 一般数据（3级）"),
        List.of("DistrictStatistics", "IMPORTANT 重要数据"))) {
      String type = expected.get(0);
      assertContains(output, type + " (" + pkg + type + ")\n  effective level: " + expected.get(1) + "\n");
    }
  }

  @Test
  void explainsWhyAndWhatForEachType() {
    String citizen = between("Citizen (org.govdatasec.samples.registry.Citizen)", "--- Household");
    assertContains(citizen, "    decided by idNumber: sensitive personal information [RESIDENT_ID]");
    assertContains(citizen, "  high-risk: no\n");
    assertContains(citizen, "  unclassified fields: remarks\n");
    assertContains(citizen, "[must] CONSENT_SCOPE 授权范围内最小化使用 - PI-1, PI-2, PI-4");
    assertFalse(citizen.contains("TWICE_YEARLY_LOG_REVIEW"), "not high-risk at 800,000 subjects");

    String schema = between("Schema of org.govdatasec.samples.registry.Citizen", "Citizen (org.");
    assertTrue(Pattern.compile("\n  remarks +String +UNCLASSIFIED").matcher(schema).find(), schema);
    assertTrue(Pattern.compile("\n  citizenNo +String +- +- +- +yes\n").matcher(schema).find(), schema);

    String application = between("Application (org.govdatasec.samples.registry.Application)", "--- ServiceAppointment");
    assertContains(application, "(sensitive, children under 14)");
    assertContains(application, "[must] GUARDIAN_CONSENT_UNDER_14 监护人明示同意 - PI-3");

    String statistics = between("DistrictStatistics (org.govdatasec.samples.registry.DistrictStatistics)", "STEP 3");
    assertContains(statistics, "    decided by (type): declared on the type: 区县级人口汇总数据，依省级目录列为重要数据\n");
    assertContains(statistics, "  high-risk: yes, 重要数据 (IMPORTANT) is high-risk data (CLS-3)\n");
    assertContains(statistics, "[must] TWICE_YEARLY_LOG_REVIEW 每年至少两次日志检查 - AU-3 (NJ-14), when high-risk");
  }

  @Test
  void refusesTheBrokenAnnotationWithItsCode() {
    String step = between("A broken annotation is refused", "STEP 4");
    assertContains(step, "threw ClassificationException:\n  code:         GDS-CLS-001\n");
    assertContains(step, "    GDS-CLS-001 [CLS-1] RegistryDemo$MisclassifiedGridCell.gridCode: grade 3 was given for");
    assertContains(step, "    GDS-CLS-003 at RegistryDemo$MisclassifiedGridCell.contact\n");
  }

  @Test
  void appliesTheAgencyPolicyAndReportsTheWaiver() {
    String step = between("The bureau's policy override", "STEP 5");
    assertContains(step, "  WARNING: GDS-POL waiver in force: mandatory control CROSS_BORDER_GUARD is not enforced");
    assertContains(step, "    approved by: 陈立新（数据安全负责人）\n    reference:   南数安〔2024〕8号\n");
    assertTrue(Pattern.compile("\n  level>=GENERAL-3 +AGENCY +agency policy\n").matcher(step).find(), step);
    assertTrue(Pattern.compile("\n  ServiceAppointment +GENERAL-3 +ENCRYPT_AT_REST +CROSS_BORDER_GUARD +CROSS_BORDER_GUARD\n")
        .matcher(step).find(), step);
    assertTrue(Pattern.compile("\n  Citizen +GENERAL-4 +- +CROSS_BORDER_GUARD +CROSS_BORDER_GUARD\n")
        .matcher(step).find(), step);
    String explained = between(step, "ServiceAppointment (org.govdatasec.samples.registry.ServiceAppointment)", "STEP 5");
    assertContains(explained, "ENCRYPT_AT_REST 存储加密 - ST-2, ST-3, PI-5 (agency policy), when level>=GENERAL-3\n");
    assertContains(explained,
        "\n  WAIVED CROSS_BORDER_GUARD (NN ch.3; NJ-27): waiver of CROSS_BORDER_GUARD approved by 陈立新（数据安全负责人）"
            + " (南数安〔2024〕8号): 本系统仅接入电子政务外网，无互联网出口；以网络边界隔离替代应用层出境管控\n");
    assertFalse(explained.contains("] CROSS_BORDER_GUARD"), "waived, so not among the required controls");
  }

  @Test
  void volumeRuleAddsTheHighRiskControlsAtOnePointTwoMillion() {
    String step = between("The volume rule", "STEP 6");
    assertContains(step, "Citizen at 800,000 subjects: high-risk: no\n");
    assertContains(step, "Citizen at 1,200,000 subjects: high-risk: yes, the system holds personal information of");
    String changes = between("What changes for Citizen at 1,200,000 subjects", "Where the threshold lies");
    assertTrue(Pattern.compile("\n  \\+ +TWICE_YEARLY_LOG_REVIEW +AU-3 +NJ-14 +每年至少两次日志检查\n").matcher(changes).find(),
        changes);
    assertTrue(Pattern.compile("\n  \\+ +ANNUAL_RISK_ASSESSMENT +AU-5").matcher(changes).find(), changes);
    assertTrue(Pattern.compile("\n  ! +ENCRYPT_AT_REST ").matcher(changes).find(), changes);
    assertTrue(Pattern.compile("\n  Citizen +GENERAL-4 +1,200,000 +yes ").matcher(step).find(), step);
    assertContains(step, "      999,999 subjects: Citizen high-risk no\n    1,000,000 subjects: Citizen high-risk yes\n");
  }

  @Test
  void catalogStepShowsTheCatalogTheProcessorWrote() {
    String step = between("STEP 6  The data-resource catalog, written by the annotation processor (CLS-4)", "End of demo.");
    assertContains(step, "wrote META-INF/govdatasec/catalog.json (format version 1)");
    assertTrue(Pattern.compile("\n  Citizen +RECORD +GENERAL-4 +yes +yes +citizenNo +\\d+ +\\d+\n").matcher(step).find(), step);
    assertTrue(Pattern.compile("\n  DistrictStatistics +RECORD +IMPORTANT +no +no +- +").matcher(step).find(), step);
    assertTrue(Pattern.compile("\n  Household +RECORD +GENERAL-4 ").matcher(step).find(), step);
    assertFalse(step.contains("MisclassifiedGridCell"), "a type with invalid annotations is not catalogued");
  }

  @Test
  void maskingStepWritesJoinableFixturesAndTheKAnonymityReport() {
    String step = between("Masked test fixtures of the registry", "End of demo.");
    assertFalse(step.contains("450103198203150311") && step.indexOf("450103198203150311") > step.indexOf("after:"),
        "the source ID never appears after masking");
    assertTrue(Pattern.compile("\n  after: +\\d{17}[0-9X] +\\S+ +1\\d{10} +1982 +\\(GB 11643 valid\\)\n").matcher(step).find(), step);
    assertContains(step, "2 of 2 applications join their citizen after masking.\n");
    assertContains(step, "citizens.csv: 3 rows, 21 values masked; k = 3 over [address], 1 class(es), max risk 0.33");
    assertContains(step, "0 found in the fixtures; result PASSED\n");
    assertContains(step, "so the run is refused with GDS-MASK-016");
  }

  @Test
  void maskingStepResultIsConsistent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    MaskingStep.Result r = MaskingStep.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), tmp);
    assertEquals(2, r.joinedApplications());
    assertEquals(r.applications(), r.joinedApplications());
    assertTrue(r.allIdsValid());
    assertTrue(r.report().passed());
    assertEquals("GDS-MASK-016", r.strictRefusal());
    for (int i = 1; i < r.citizensBefore().size(); i++) {
      assertFalse(r.citizensAfter().get(i).contains(MaskingStep.fields(r.citizensBefore().get(i))[2]));
    }
  }

  @Test
  void governanceStepShowsConsentTicketsAndVerifiedDestruction() {
    String step = between("Governance: consent, approval tickets, verified destruction", "End of demo.");
    assertContains(step, "  returned name = 黄志强\n");
    assertContains(step, "  withheld mobile: GDS-GOV-005 categories [MOBILE] are not covered\n");
    assertContains(step, "Audit: READ SUCCESS, fields [citizenNo, name, idNumber, address], basis LB-2024-0057\n");
    assertContains(step, "  GDS-GOV-005 [PI-2] The purpose '最低生活保障审核' is not authorised to read [mobile]");
    assertContains(step, "  GDS-GOV-006 [PI-3] Subject NN-0000003 is a child under 14");
    assertContains(step, "returned {name=黄思远, mobile=13800138003}\n");
    assertContains(step, "  GDS-GOV-014 [USE-2] BULK_EXPORT of 5000 records of citizen (IMPORTANT) is above the threshold");
    assertContains(step, "  GDS-GOV-012 [USE-6] Approval of AT-… refused: the data-security inspector wang.fang");
    assertContains(step, "  GDS-GOV-013 [USE-1, USE-2] Ticket AT-… needs 2 distinct approvers for IMPORTANT data but has 1.");
    assertContains(step, "  approver.user=liu.yang\n  approver.unit=市大数据发展局办公室\n");
    assertContains(step, "Export authorised for zhang.wei; audit EXPORT SUCCESS, 5000 records, approval ticket AT-…\n");
    assertContains(step, "  GDS-GOV-017 [USE-2] Ticket AT-… was already used");
    assertContains(step, "  subject=NN-0000002\n");
    assertContains(step, "  step.detail=4 protected values of 1 subject tried after shredding: none decrypts\n");
    assertContains(step, "  verified=true\n");
    assertContains(step, "Key vault (sdk-crypto SubjectKeyVault): jdbc:h2:file:<work>/vault/subject-keys, 2 subject keys,");
    assertContains(step, "tombstones in <work>/kek/subject-keys.tombstones.\n");
    assertContains(step, "[subject-keys.mv.db] copied to <work>/vault-backup; the tombstone file and the master key are"
        + " not in it.\n");
    assertContains(step, "  step.detail=1 subject: keys destroyed in jdbc:h2:file:<work>/vault/subject-keys (tombstones"
        + " <work>/kek/subject-keys.tombstones) (key ids …)\n");
    // In the demo the governance step records into the demo's one log, after the 8 events of the protect,
    // keys and masking steps: its certificate names a signed checkpoint of that log.
    assertContains(step, "every decision goes to the demo's one durable AuditLog <work>/../audit-log");
    assertContains(step, "Audit checkpoint for the certificate: forced and SM2-signed by the AuditLog, origin "
        + DemoAuditLog.ORIGIN + ", size 30, root ….\n");
    assertContains(step, "  audit-checkpoint=" + DemoAuditLog.ORIGIN + "/30/…\n");
    assertContains(step, "The vault's store is restored from the backup: its file holds key rows for"
        + " [NN-0000001, NN-0000002].\n");
    assertContains(step, "Reopened (the tombstones are not part of the backup): 1 subject key;");
    assertContains(step, "  NN-0000001: 4 of 4 protected values decrypt\n  NN-0000002: 0 of 4 protected values decrypt,"
        + " refused with GDS-CRYPTO-008; rows deleted\n");
    assertContains(step, "vault.verifyDestroyed(NN-0000002): verified true, re-checked: the vault refuses the subject"
        + " with GDS-CRYPTO-008 (destroyed)");
    assertContains(step, "23 events; every refusal above is one DENIED or FAILED event with its code.\n");
    assertContains(step, "audit log: 31 events, verified, checkpoint size 31 (AuditVerifier, public key only)\n");
    assertContains(step, "the certificate's audit-checkpoint is a signed checkpoint of this log: yes\n");
    assertContains(step, "DestructionCertificate.verifyText(file, public key): verified, 1 subject, approvers"
        + " [liu.yang, chen.lixin]");
    assertContains(step, "  GDS-GOV-025 [DS-1] The signature of certificate DC-… does not verify");
    assertTrue(Pattern.compile("\n  KEY_DESTROYED +SUCCESS +1\n").matcher(step).find(), step);
    assertFalse(step.contains("UNEXPECTED"), step);
  }

  @Test
  void governanceStepWritesAVerifiableCertificate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    GovernanceStep.Result r = GovernanceStep.run(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), dir);
    assertEquals(List.of("GDS-GOV-005", "GDS-GOV-006", "GDS-GOV-014", "GDS-GOV-012", "GDS-GOV-013", "GDS-GOV-017",
        "GDS-GOV-014", "GDS-GOV-025"), r.refusals());
    assertTrue(r.certificateVerified());
    org.govdatasec.crypto.Sm2PublicKey key = org.govdatasec.crypto.Sm2PublicKey.fromPem(
        java.nio.file.Files.readString(r.publicKeyFile()));
    String text = java.nio.file.Files.readString(r.certificateFile());
    org.govdatasec.core.governance.destruction.DestructionCertificate c =
        org.govdatasec.core.governance.destruction.DestructionCertificate.verifyText(text,
            new org.govdatasec.core.governance.VerifyingKey(key.fingerprint(),
                org.govdatasec.crypto.Sm2Verifier.create(key)::isValid));
    assertEquals(List.of("NN-0000002"), c.subjects());
    assertEquals(23, r.auditEvents());
    assertEquals(r.auditCheckpoint(), c.auditCheckpoint());
    assertTrue(c.auditCheckpoint().startsWith(GovernanceStep.AUDIT_ORIGIN + "/22/"), c.auditCheckpoint());
    assertEquals("jdbc:h2:file:" + dir.resolve("vault").resolve("subject-keys").toAbsolutePath(), r.vaultStore());
    assertTrue(c.technicalMethod().contains(r.vaultStore()), c.technicalMethod());
    assertEquals("GDS-CRYPTO-008", r.restoredVaultRefusal());
    assertEquals(List.of("NN-0000001"), r.readableAfterRestore());
    org.govdatasec.audit.VerificationReport log = org.govdatasec.audit.AuditVerifier.verify(r.auditLogDirectory(),
        org.govdatasec.crypto.Sm2PublicKey.fromPem(java.nio.file.Files.readString(r.auditKeyFile())));
    assertTrue(log.valid(), log.summary());
    assertEquals(23, log.events());
    assertEquals(23, log.signedSize());
    assertTrue(r.auditLogVerified());
    assertTrue(r.certificateCheckpointSigned());
  }

  @Test
  void auditsEveryAccessVerifiesProvesReviewsAndCatchesTampering() {
    String step = between("Every access is audited", "End of demo.");
    // The audit step's own accesses follow the 31 events of the earlier steps in the demo's one log.
    assertContains(step, "  31   READ      wang.fang  SUCCESS  citizen x1\n");
    assertContains(step, "  35   READ      liu.qiang  DENIED   citizen x1\n");
    assertContains(step, "  36   DOWNLOAD  zhao.lei   SUCCESS  citizen x1500\n");
    // Per step and action: every step that handles citizen data recorded what it did.
    assertContains(step, "The whole log, per step and action (38 events):\n");
    assertTrue(Pattern.compile("\n  protect +0\\.\\.3 +STORE +3 +0 +0\n +READ +0 +0 +1\n").matcher(step).find(), step);
    assertTrue(Pattern.compile("\n  keys +4\\.\\.5 +KEY_ROTATED +1 +0 +0\n +KEY_DESTROYED +1 +0 +0\n").matcher(step).find(),
        step);
    assertTrue(Pattern.compile("\n  masking +6\\.\\.7 +EXPORT +1 +0 +1\n").matcher(step).find(), step);
    assertTrue(Pattern.compile("\n  governance +8\\.\\.30 +READ +2 +2 +0\n").matcher(step).find(), step);
    assertTrue(Pattern.compile("\n +KEY_DESTROYED +1 +0 +0\n  audit +31\\.\\.37 +READ +4 +1 +0\n").matcher(step).find(),
        step);
    assertContains(step, "  per step: protect 4, keys 2, masking 2, governance 23, audit 7\n");
    // The whole log verifies under the public key only.
    assertContains(step, "AuditVerifier.verify(<work>/audit-log, <work>/audit-public.pem: the public key only)");
    assertContains(step, "  OK: entries 0..37 (38), 6 signed checkpoints, signed up to size 38\n");
    assertContains(step, "Inclusion proof of the denied access (seq 35) against the signed checkpoint of size 38:");
    assertContains(step, "  seq: 35\n  tree size: 38\n");
    assertContains(step, "  VERIFIED: the proof leads to the signed root\n");
    assertContains(step, "Twice-yearly review (AU-3, AU-4) of the whole log, 2024-01-01 to 2024-07-01");
    assertContains(step, "  events 38, actors 11, denied 8, bulk exports 5, exports without ticket 2, outside hours 1\n");
    assertContains(step, "    ## Access outside working hours (AU-4) 非工作时间访问 (1)\n");
    assertContains(step, "    ## Key events 密钥事件 (3)\n");
    assertContains(step, "Markdown summary: <work>/audit/audit-review.md; HTML report with charts:"
        + " <work>/audit/audit-review.html\n");
    assertContains(step, "An insider turns the denied access (seq 35) into a success in a copy of the log;\n");
    assertContains(step, "  valid:  false\n  kind:   MODIFIED\n  seq:    35\n");
    assertFalse(step.contains("NOT VERIFIED") || step.contains("NOT FOUND"), step);

    AuditStep.Result r = AuditStep.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "govdatasec-demo-it"));
    assertTrue(r.verified());
    assertEquals(7, r.events());
    assertEquals(java.util.Map.of("audit", 7L), r.stepEvents());
    assertTrue(r.proofVerified());
    assertEquals(4, r.provedSeq());
    assertEquals(org.govdatasec.audit.Tamper.MODIFIED, r.tamperKind());
    assertEquals(4, r.tamperSeq());
    assertTrue(java.nio.file.Files.exists(r.html()));
    assertTrue(java.nio.file.Files.exists(r.markdown()));
  }

  /** The files of the first demo run: one log for every step, verified with the PEM the demo wrote. */
  @Test
  void theDemosOneLogHoldsEveryStepAndSignsTheCertificatesCheckpoint() throws java.io.IOException {
    java.nio.file.Path run = work.resolve("run-1");
    org.govdatasec.crypto.Sm2PublicKey key = org.govdatasec.crypto.Sm2PublicKey.fromPem(
        java.nio.file.Files.readString(run.resolve("audit-public.pem")));
    java.nio.file.Path logDir = run.resolve("audit-log");
    org.govdatasec.audit.VerificationReport report = org.govdatasec.audit.AuditVerifier.verify(logDir, key);
    assertTrue(report.valid(), report.summary());
    assertEquals(38, report.events());
    assertEquals(38, report.signedSize());
    List<org.govdatasec.audit.AuditReview.LoggedEvent> events = org.govdatasec.audit.AuditReview.readEvents(logDir);
    assertEquals(List.of("STORE", "STORE", "STORE", "READ", "KEY_ROTATED", "KEY_DESTROYED", "EXPORT", "EXPORT"),
        events.subList(0, 8).stream().map(e -> e.event().action().name()).toList());
    org.govdatasec.core.audit.AuditEvent moved = events.get(3).event();
    assertEquals(org.govdatasec.core.audit.Outcome.Status.FAILED, moved.outcome().status());
    assertTrue(moved.outcome().reason().startsWith("GDS-CRYPTO-003"), moved.outcome().reason());
    assertEquals(List.of("name", "idNumber", "mobile", "address", "birthDate", "ethnicity"),
        events.get(0).event().object().fields());
    assertEquals(List.of("NN-0000002"), events.get(5).event().object().recordIds());
    assertEquals(MaskingStep.PURPOSE, events.get(6).event().purpose());
    assertEquals(5, events.get(6).event().object().recordCount());
    assertTrue(events.get(7).event().outcome().reason().startsWith("GDS-MASK-016"), events.get(7).toString());
    assertTrue(java.nio.file.Files.exists(run.resolve("audit").resolve("audit-review.md")));
    assertTrue(java.nio.file.Files.exists(run.resolve("audit").resolve("audit-review.html")));

    // The destruction certificate's checkpoint is a signed checkpoint of this same log.
    String cert = java.nio.file.Files.readString(run.resolve("governance").resolve("destruction-certificate.txt"));
    String ref = cert.lines().filter(l -> l.startsWith("audit-checkpoint=")).findFirst().orElseThrow()
        .substring("audit-checkpoint=".length());
    org.govdatasec.crypto.Sm2Verifier verifier = org.govdatasec.crypto.Sm2Verifier.create(key);
    assertTrue(org.govdatasec.audit.AuditProofs.checkpoints(logDir).stream().anyMatch(cp ->
        (cp.origin() + "/" + cp.size() + "/" + cp.rootHex()).equals(ref) && cp.verify(verifier)
            && java.util.Arrays.equals(org.govdatasec.audit.AuditProofs.root(logDir, cp.size()), cp.root())), ref);
    assertTrue(ref.startsWith(DemoAuditLog.ORIGIN + "/30/"), ref);
  }

  @Test
  void protectsThePolicysFieldsFindsByBlindIndexAndRefusesAMovedValue() {
    // Up to the next step or the end, whichever comes first: other steps may follow this one.
    String tail = between("  Fields encrypted under the policy, a blind index", "End of demo.");
    String step = tail.contains("\nSTEP ") ? tail.substring(0, tail.indexOf("\nSTEP ")) : tail;
    assertContains(step, "  encrypted: name, idNumber, mobile, address, birthDate, ethnicity\n");
    assertContains(step, "  in clear:  citizenNo, remarks (citizenNo binds every value to its subject)\n");
    assertTrue(Pattern.compile("\n  NN-0000001 +gds1.<token>\\.\\.\\. +gds1.<token>\\.\\.\\. +gds1.<token>\\.\\.\\. +bidx:<index>\n")
        .matcher(step).find(), step);
    assertContains(step, "Blind index citizen.idNumber: 19 bits = BlindIndex.suggestBits(1,200,000): about 2.3 rows per");
    assertContains(step, "  found NN-0000001 黄志强 (its decrypted idNumber equals the query)\n");
    assertContains(step, "  refused: GDS-CRYPTO-003 DECRYPTION_FAILED [ST-2]\n");
    assertContains(step, "Every stored row reads back to its citizen: yes\n");
    assertFalse(step.contains("450103198203150311"), "no ID number in clear in the stored rows");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProtectStep.Result r = ProtectStep.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(java.util.Set.of("name", "idNumber", "mobile", "address", "birthDate", "ethnicity"), r.encryptedFields());
    assertEquals(19, r.indexBits());
    assertEquals("NN-0000001", r.found());
    assertTrue(r.candidates().contains("NN-0000001"), r.candidates().toString());
    assertEquals("GDS-CRYPTO-003", r.movedValueError());
    assertTrue(r.allRevealed());
    assertEquals(3, r.rows().size());
    for (java.util.Map<String, Object> row : r.rows()) {
      for (String column : r.encryptedFields()) {
        assertTrue(String.valueOf(row.get(column)).startsWith("gds1."), column + " stored encrypted: " + row.get(column));
      }
      assertTrue(String.valueOf(row.get(ProtectStep.ID_INDEX_COLUMN)).matches("bidx:[0-9a-f]{5}"));
      assertEquals(row.get("citizenNo"), row.get("citizenNo").toString());
    }
    assertEquals(r.rows().get(0).get(ProtectStep.ID_INDEX_COLUMN), r.queryIndex(), "the typed query finds 黄志强's row");
  }

  @Test
  void keysStepRotatesAndShredsOneCitizen() {
    String step = between("Keys: master key, keyset rotation, per-citizen keys and crypto-shredding", "\nSTEP ");
    assertContains(step, "<work>/kek/master.key  rw-------  16 bytes  (created now)");
    assertContains(step, "old value still decrypts: yes; needsReencryption: true");
    assertContains(step, "re-encrypted under k2, decrypts to the same value: yes; needsReencryption: false");
    assertContains(step, "GDS-CRYPTO-008");
  }

  @Test
  void stepsFollowTheLifecycleOrder() {
    String[] titles = {"The data-resource catalog", "Fields encrypted under the policy", "Keys: master key",
        "Masked test fixtures", "Governance: consent", "Every access is audited", "End of demo."};
    int last = -1;
    for (String t : titles) {
      int at = output.indexOf(t);
      assertTrue(at > last, t + " is out of order or missing");
      last = at;
    }
  }
}
