package org.govdatasec.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.InMemoryAuditRecorder;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.governance.Official;
import org.govdatasec.core.governance.Role;
import org.govdatasec.core.governance.SigningKey;
import org.govdatasec.core.governance.VerifyingKey;
import org.govdatasec.core.governance.approval.ApprovalService;
import org.govdatasec.core.governance.approval.ApprovalTicket;
import org.govdatasec.core.governance.approval.Authorization;
import org.govdatasec.core.governance.approval.BulkOperation;
import org.govdatasec.core.governance.approval.BulkOperationGuard;
import org.govdatasec.core.governance.approval.JdbcTicketStore;
import org.govdatasec.core.governance.approval.Operation;
import org.govdatasec.core.governance.approval.PendingApproval;
import org.govdatasec.core.governance.approval.TicketRequest;
import org.govdatasec.core.governance.consent.CollectionMethod;
import org.govdatasec.core.governance.consent.ConsentGuard;
import org.govdatasec.core.governance.consent.ConsentRecord;
import org.govdatasec.core.governance.consent.GuardianConsent;
import org.govdatasec.core.governance.consent.JdbcConsentStore;
import org.govdatasec.core.governance.consent.LegalBasis;
import org.govdatasec.core.governance.consent.Projection;
import org.govdatasec.core.governance.destruction.DecryptionCheck;
import org.govdatasec.core.governance.destruction.DestructionCertificate;
import org.govdatasec.core.governance.destruction.DestructionRequest;
import org.govdatasec.core.governance.destruction.DestructionService;
import org.govdatasec.core.governance.destruction.KeyShredder;
import org.govdatasec.core.governance.destruction.ShredProof;
import org.govdatasec.core.policy.Assessment;
import org.govdatasec.core.policy.ControlPolicy;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.crypto.Sm2PublicKey;
import org.govdatasec.crypto.Sm2Signer;
import org.govdatasec.crypto.Sm2Verifier;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.samples.registry.Citizen;
import org.govdatasec.samples.registry.RegistryScenario;
import org.govdatasec.samples.registry.SampleData;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The governance step of the demo (PI-2, PI-3, USE-1, USE-2, USE-6, DS-1, DS-2): a caseworker reads a
 * citizen within the legal basis and is refused a field outside it; a child's record needs the guardian's
 * consent; a bulk export is refused, approved by two approvers (not by the owning unit's inspector), then
 * run once; one citizen's data is crypto-shredded, and the signed destruction certificate is printed and
 * verified.
 *
 * <p>Real adapters: sdk-crypto's SM2 ({@link Sm2Signer} / {@link Sm2Verifier}) signs tickets and the
 * certificate; consent records and consumed tickets live in an embedded H2 database in the work
 * directory ({@link JdbcConsentStore}, {@link JdbcTicketStore}). Stand-ins until the modules are merged:
 * per-subject SM4-GCM keys in a small in-memory vault below (sdk-crypto's {@code SubjectKeyVault} at
 * merge) and an {@link InMemoryAuditRecorder} (sdk-audit's log at merge). The clock is fixed, so the
 * output is deterministic except for ids, key fingerprints and SM2 signatures, which are random per run
 * and printed as {@code …}.
 */
public final class GovernanceStep {
  /** The fixed moment of the step: 2024-06-18 10:00 in Nanning. */
  public static final Instant NOW = Instant.parse("2024-06-18T02:00:00Z");
  private static final String UNIT = "市大数据发展局数据管理科";
  private static final String PURPOSE = "最低生活保障审核";
  private static final Official CLERK = Official.of("zhang.wei", "张伟", UNIT, Role.REQUESTER);
  private static final Official CHIEF = Official.of("liu.yang", "刘洋", "市大数据发展局办公室", Role.APPROVER);
  private static final Official DIRECTOR = Official.of("chen.lixin", "陈立新", "市大数据发展局", Role.APPROVER);
  private static final Official INSPECTOR = Official.of("wang.fang", "王芳", UNIT, Role.INSPECTOR);
  private static final Actor CASEWORKER = new Actor("li.na", "caseworker", "青秀区民政局", RegistryScenario.SYSTEM_NAME);

  /**
   * What the step did, for tests.
   *
   * @param refusals the error codes of the refusals shown, in order
   * @param ticketsConsumed how many tickets were consumed
   * @param certificateVerified whether the certificate verified with the SM2 public key
   * @param certificateFile the certificate file written into the work directory
   * @param publicKeyFile the PEM of the key that verifies it
   * @param auditEvents how many audit events were recorded
   */
  public record Result(List<String> refusals, int ticketsConsumed, boolean certificateVerified, Path certificateFile,
      Path publicKeyFile, int auditEvents) {

    /**
     * Freezes the result.
     *
     * @param refusals the codes
     * @param ticketsConsumed tickets consumed
     * @param certificateVerified verified
     * @param certificateFile the certificate file
     * @param publicKeyFile the public key file
     * @param auditEvents the event count
     */
    public Result {
      refusals = List.copyOf(refusals);
    }
  }

  private final PrintStream out;
  private final Path workDir;
  private final List<String> refusals = new ArrayList<>();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryAuditRecorder audit = new InMemoryAuditRecorder();

  private GovernanceStep(PrintStream out, Path workDir) {
    this.out = out;
    this.workDir = workDir;
  }

  /**
   * Runs the step, printing to {@code out} and keeping its databases and files in {@code workDir}.
   *
   * @param out where to print
   * @param workDir an empty directory for the H2 database, the certificate and the public key
   * @return what happened
   */
  public static Result run(PrintStream out, Path workDir) {
    try {
      return new GovernanceStep(out, workDir).run();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the demo's cryptography failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the step in a temporary directory that is deleted afterwards, and returns what it printed.
   *
   * @return the printed text
   */
  public static String runInTempDir() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("govdatasec-governance");
      run(out, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
    out.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private Result run() throws GeneralSecurityException, IOException {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + workDir.resolve("governance").toAbsolutePath() + ";DB_CLOSE_DELAY=0");
    Sm2PrivateKey approvalKey = Sm2PrivateKey.generate();
    Sm2PrivateKey certificateKey = Sm2PrivateKey.generate();
    SigningKey ticketSigner = new SigningKey(approvalKey.publicKey().fingerprint(), Sm2Signer.create(approvalKey)::sign);
    VerifyingKey ticketVerifier = verifier(approvalKey.publicKey());

    ConsentGuard consent = ConsentGuard.builder().store(JdbcConsentStore.open(ds)).recorder(audit).clock(clock)
        .system(RegistryScenario.SYSTEM_NAME).build();
    consentPart(consent);

    ApprovalService approvals = ApprovalService.builder().signingKey(ticketSigner).recorder(audit).clock(clock)
        .system(RegistryScenario.SYSTEM_NAME).build();
    JdbcTicketStore tickets = JdbcTicketStore.open(ds);
    BulkOperationGuard guard = BulkOperationGuard.builder().trust(ticketVerifier).store(tickets).recorder(audit)
        .clock(clock).system(RegistryScenario.SYSTEM_NAME).build();
    RegistryScenario scenario = new RegistryScenario();
    scenario.registerSubjects(RegistryScenario.CITY_WIDE_SUBJECTS);
    Assessment citizen = scenario.engine(ControlPolicy.defaults()).assess(Citizen.class);
    int consumed = exportPart(approvals, guard, citizen);
    DestructionCertificate certificate = destructionPart(approvals, guard, citizen, certificateKey);
    consumed++;

    Path certFile = workDir.resolve("destruction-certificate.txt");
    Path keyFile = workDir.resolve("destruction-key.pem");
    writeAtomically(certFile, certificate.toText());
    writeAtomically(keyFile, certificateKey.publicKey().toPem());
    boolean verified = verifyPart(certificate, certificateKey.publicKey());
    auditSummary();
    return new Result(refusals, consumed, verified, certFile, keyFile, audit.events().size());
  }

  // -------------------------------------------------------------------------------------------------
  // 1. Consent
  // -------------------------------------------------------------------------------------------------

  private void consentPart(ConsentGuard consent) {
    heading("a. A caseworker reads a citizen within the legal basis (PI-2, minimal use)");
    ConsentRecord basis = ConsentRecord.builder("LB-2024-0057", SampleData.HUANG_ZHIQIANG.citizenNo(),
        LegalBasis.STATUTORY_DUTY).purposes(PURPOSE)
        .categories(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.ADDRESS).valid(NOW.minus(Duration.ofDays(30)), null)
        .evidence(CollectionMethod.BY_LAW, "《社会救助暂行办法》第十一条").build();
    consent.grant(CASEWORKER, basis);
    out.println("Basis recorded (JdbcConsentStore, H2): " + basis.id() + " " + basis.basis() + " "
        + basis.basis().chineseName() + " (" + basis.basis().article() + "), purpose " + PURPOSE + ", categories "
        + basis.categories() + ", evidence " + basis.evidenceRef());
    List<String> requested = List.of("citizenNo", "name", "idNumber", "address", "mobile", "remarks");
    Projection p = consent.project(CASEWORKER, PURPOSE, SampleData.HUANG_ZHIQIANG, requested);
    out.println("ConsentGuard.project(caseworker, \"" + PURPOSE + "\", 黄志强, " + requested + "):");
    p.fields().forEach((k, v) -> out.println("  returned " + k + " = " + v));
    p.withheld().forEach((k, v) -> out.println("  withheld " + k + ": " + v));
    AuditEvent read = audit.events().get(audit.events().size() - 1);
    out.println("Audit: " + read.action() + " " + read.outcome().status() + ", fields " + read.object().fields()
        + ", basis " + read.consentId());
    refused("ConsentGuard.require(..., [name, mobile])",
        () -> consent.require(CASEWORKER, PURPOSE, SampleData.HUANG_ZHIQIANG, List.of("name", "mobile")));

    heading("b. A child's record needs the guardian's consent (PI-3)");
    String reminders = "儿童疫苗接种短信提醒";
    consent.grant(CASEWORKER, ConsentRecord.builder("CN-2024-0311", SampleData.HUANG_SIYUAN.citizenNo(),
        LegalBasis.CONSENT).purposes(reminders).categories(PiCategory.NAME, PiCategory.MOBILE)
        .valid(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)))
        .evidence(CollectionMethod.ONLINE_CONSENT, "网厅授权记录 W-88213").build());
    out.println("黄思远's ID number 450103201611020174 gives birth date 2016-11-02: 7 years old on 2024-06-18.");
    refused("project(黄思远) under consent CN-2024-0311 without a guardian",
        () -> consent.project(CASEWORKER, reminders, SampleData.HUANG_SIYUAN, List.of("name", "mobile")));
    consent.grant(CASEWORKER, ConsentRecord.builder("CN-2024-0312", SampleData.HUANG_SIYUAN.citizenNo(),
        LegalBasis.CONSENT).purposes(reminders).categories(PiCategory.NAME, PiCategory.MOBILE)
        .valid(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)))
        .evidence(CollectionMethod.ONLINE_CONSENT, "网厅授权记录 W-88214")
        .guardian(new GuardianConsent(SampleData.HUANG_ZHIQIANG.citizenNo(), "父亲", NOW.minus(Duration.ofDays(1)),
            CollectionMethod.WRITTEN_FORM, "监护人同意书 JH-2024-017")).build());
    Projection child = consent.project(CASEWORKER, reminders, SampleData.HUANG_SIYUAN, List.of("name", "mobile"));
    out.println("With the father's consent (CN-2024-0312, 监护人同意书 JH-2024-017): returned " + child.fields());
  }

  // -------------------------------------------------------------------------------------------------
  // 2. Approval tickets
  // -------------------------------------------------------------------------------------------------

  private int exportPart(ApprovalService approvals, BulkOperationGuard guard, Assessment citizen) {
    heading("c. A bulk export needs an approval ticket (USE-1, USE-2, USE-6)");
    out.printf("Citizen is %s and high-risk at %,d subjects (%s),%n", citizen.effective().orElseThrow(),
        citizen.subjects(), citizen.highRisk() ? "yes" : "no");
    out.println("so the approval policy treats it as IMPORTANT: 2 approvers, a ticket above "
        + approvals.policy().thresholdFor(org.govdatasec.core.classification.DataLevel.IMPORTANT) + " records.");
    BulkOperation export = new BulkOperation(Operation.BULK_EXPORT, "citizen", 5_000,
        citizen.effective().orElseThrow(), citizen.highRisk(), "向省大数据局报送年度人口统计样本");
    refused("BulkOperationGuard.authorize(张伟, export of 5,000 citizens, no ticket)",
        () -> guard.authorize(CLERK, export, null));

    PendingApproval pending = approvals.open(new TicketRequest(Operation.BULK_EXPORT, "citizen", UNIT, 5_000,
        export.purpose(), citizen.effective().orElseThrow(), citizen.highRisk(), CLERK, Duration.ofDays(2)));
    out.println("张伟 opens request " + mask(pending.id()) + " (BULK_EXPORT, citizen, at most 5,000 records, 2 days).");
    refused("approve by 王芳, data-security inspector of " + UNIT, () -> approvals.approve(pending, INSPECTOR));
    PendingApproval one = approvals.approve(pending, CHIEF);
    out.println("刘洋 (" + CHIEF.unit() + ") approves: 1 of 2.");
    refused("issue with one approval", () -> approvals.issue(one));
    PendingApproval two = approvals.approve(one, DIRECTOR);
    out.println("陈立新 (" + DIRECTOR.unit() + ") approves: 2 of 2.");
    ApprovalTicket ticket = approvals.issue(two);
    out.println("Ticket issued, SM2-signed (canonical text form):");
    ticket.toText().lines().forEach(l -> out.println("  " + mask(l)));
    Authorization auth = guard.authorize(CLERK, export, ticket);
    AuditEvent used = audit.events().get(audit.events().size() - 1);
    out.println("Export authorised for " + auth.operator() + "; audit " + used.action() + " " + used.outcome().status()
        + ", " + used.object().recordCount() + " records, approval ticket " + mask(used.approvalTicket()));
    refused("the same ticket again", () -> guard.authorize(CLERK, export, ticket));
    return 1;
  }

  // -------------------------------------------------------------------------------------------------
  // 3. Destruction
  // -------------------------------------------------------------------------------------------------

  /** Per-subject SM4-GCM keys with tombstones: a stand-in for sdk-crypto's SubjectKeyVault. */
  private static final class DemoVault implements KeyShredder {
    private final Map<String, SecretBytes> keys = new HashMap<>();
    private final Set<String> tombstones = new HashSet<>();
    private final Clock clock;

    DemoVault(Clock clock) {
      this.clock = clock;
    }

    Sm4Gcm aead(String subject) throws GeneralSecurityException {
      if (tombstones.contains(subject)) {
        throw new GeneralSecurityException("key of " + subject + " destroyed");
      }
      SecretBytes key = keys.computeIfAbsent(subject, s -> SecretBytes.random(Sm4Gcm.KEY_BYTES));
      return Sm4Gcm.create(key);
    }

    Map<String, SecretBytes> backup() {
      return new HashMap<>(keys);
    }

    void restore(Map<String, SecretBytes> backup) {
      keys.putAll(backup);
    }

    @Override
    public ShredProof shred(String subjectId) {
      SecretBytes key = keys.remove(subjectId);
      if (key != null) {
        key.destroy();
      }
      tombstones.add(subjectId);
      return new ShredProof(subjectId, "sm4-" + subjectId, clock.instant(), "demo-vault (in memory)",
          !keys.containsKey(subjectId));
    }
  }

  private DestructionCertificate destructionPart(ApprovalService approvals, BulkOperationGuard guard,
      Assessment citizen, Sm2PrivateKey certificateKey) throws GeneralSecurityException {
    heading("d. One citizen's data is destroyed irreversibly (DS-1, DS-2)");
    DemoVault vault = new DemoVault(clock);
    Map<String, Map<String, byte[]>> table = new LinkedHashMap<>();
    for (Citizen c : List.of(SampleData.HUANG_ZHIQIANG, SampleData.LI_XIULAN)) {
      Map<String, byte[]> row = new LinkedHashMap<>();
      byte[] ad = c.citizenNo().getBytes(StandardCharsets.UTF_8);
      for (Map.Entry<String, String> f : Map.of("name", c.name(), "idNumber", c.idNumber(), "mobile", c.mobile(),
          "address", c.address()).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
        row.put(f.getKey(), vault.aead(c.citizenNo()).encrypt(f.getValue().getBytes(StandardCharsets.UTF_8), ad));
      }
      table.put(c.citizenNo(), row);
    }
    Map<String, Map<String, byte[]>> tableBackup = new LinkedHashMap<>(table);
    Map<String, SecretBytes> vaultBackup = vault.backup();
    out.println("Protected rows: 黄志强 (NN-0000001) and 李秀兰 (NN-0000002), 4 fields each under the subject's own"
        + " SM4-GCM key; a backup of the table and of the key vault was taken.");

    DecryptionCheck check = subject -> {
      long readable = 0;
      Map<String, byte[]> row = tableBackup.getOrDefault(subject, Map.of());
      for (byte[] v : row.values()) {
        if (decrypts(vault, subject, v)) {
          readable++;
        }
      }
      return new DecryptionCheck.Result(row.size(), readable);
    };
    DestructionService service = DestructionService.builder().guard(guard).shredder(vault)
        .deleter((dataset, subject) -> table.remove(subject) == null ? 0 : 1).decryptionCheck(check)
        .signingKey(new SigningKey(certificateKey.publicKey().fingerprint(), Sm2Signer.create(certificateKey)::sign))
        .checkpoint(() -> "registry-audit/size=" + audit.events().size()).recorder(audit).clock(clock)
        .system(RegistryScenario.SYSTEM_NAME).build();
    DestructionRequest request = DestructionRequest.of(citizen, "citizen", List.of(SampleData.LI_XIULAN.citizenNo()),
        "本人迁出本市并申请注销登记，保存期限届满", "《个人信息保护法》第四十七条; 档案保管期限表 第3项", CLERK);
    refused("DestructionService.destroy(李秀兰) without a ticket", () -> service.destroy(request, null));
    PendingApproval p = approvals.open(new TicketRequest(Operation.DESTROY, "citizen", UNIT, 1, request.reason(),
        request.level(), request.highRisk(), CLERK, Duration.ofDays(1)));
    ApprovalTicket ticket = approvals.issue(approvals.approve(approvals.approve(p, CHIEF), DIRECTOR));
    out.println("DESTROY ticket approved by 刘洋 and 陈立新.");
    DestructionCertificate c = service.destroy(request, ticket);
    out.println("Destroyed. Certificate (SM2-signed; ids, fingerprints and signature vary per run):");
    c.toText().lines().forEach(l -> out.println("  " + mask(l)));

    vault.restore(vaultBackup);
    out.println("After restoring the key-vault backup (tombstones are not part of it):");
    for (String subject : List.of(SampleData.HUANG_ZHIQIANG.citizenNo(), SampleData.LI_XIULAN.citizenNo())) {
      long readable = tableBackup.get(subject).values().stream().filter(v -> decrypts(vault, subject, v)).count();
      out.println("  " + subject + ": " + readable + " of " + tableBackup.get(subject).size()
          + " protected values decrypt" + (table.containsKey(subject) ? "" : "; rows deleted"));
    }
    return c;
  }

  private static boolean decrypts(DemoVault vault, String subject, byte[] value) {
    try {
      vault.aead(subject).decrypt(value, subject.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private boolean verifyPart(DestructionCertificate certificate, Sm2PublicKey publicKey) throws IOException {
    heading("e. The certificate is verified with the SM2 public key");
    VerifyingKey key = verifier(publicKey);
    String text = Files.readString(workDir.resolve("destruction-certificate.txt"), StandardCharsets.UTF_8);
    DestructionCertificate read = DestructionCertificate.verifyText(text, key);
    out.println("DestructionCertificate.verifyText(file, public key): verified, " + read.subjects().size()
        + " subject, approvers " + read.approvers() + ", checkpoint " + read.auditCheckpoint());
    out.println("(the same check from the command line: govdatasec destruction verify CERT --key PUB)");
    refused("verifyText of a copy whose reason was edited", () -> DestructionCertificate.verifyText(
        text.replace("reason=本人迁出本市", "reason=系统清理"), key));
    return read.equals(certificate);
  }

  private void auditSummary() {
    heading("f. Every decision was audited");
    Map<String, Integer> counts = new TreeMap<>();
    for (AuditEvent e : audit.events()) {
      counts.merge(e.action() + " " + e.outcome().status(), 1, Integer::sum);
    }
    TextTable t = new TextTable("action", "outcome", "events");
    counts.forEach((k, v) -> t.row(k.split(" ")[0], k.split(" ")[1], v));
    t.lines("  ").forEach(out::println);
    out.println(audit.events().size() + " events; every refusal above is one DENIED or FAILED event with its code.");
    long withTicket = audit.events().stream().filter(e -> e.approvalTicket() != null
        && (e.action() == Action.DESTROY || e.action() == Action.KEY_DESTROYED || e.action() == Action.DELETE)).count();
    out.println(withTicket + " destruction events carry the DESTROY ticket's id.");
  }

  // -------------------------------------------------------------------------------------------------
  // Helpers
  // -------------------------------------------------------------------------------------------------

  private static VerifyingKey verifier(Sm2PublicKey key) {
    return new VerifyingKey(key.fingerprint(), Sm2Verifier.create(key)::isValid);
  }

  private interface Attempt {
    Object run();
  }

  private void refused(String what, Attempt attempt) {
    try {
      attempt.run();
      out.println("UNEXPECTED: " + what + " was allowed");
    } catch (GovernanceException e) {
      refusals.add(e.code());
      out.println("Refused: " + what);
      out.println("  " + mask(e.code() + " " + e.requirements() + " " + e.refused()));
    }
  }

  private void heading(String title) {
    out.println();
    out.println(title);
  }

  /** Hides what is random per run: ids, key fingerprints and signatures. */
  static String mask(String line) {
    if (line.startsWith("signature=")) {
      return "signature=… (SM2, base64)";
    }
    return line.replaceAll("[0-9a-f]{32}", "…");
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; nothing else to do
    }
  }
}
