package org.govdatasec.samples;

import com.google.crypto.tink.Aead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.govdatasec.audit.AuditLog;
import org.govdatasec.audit.AuditProofs;
import org.govdatasec.audit.AuditVerifier;
import org.govdatasec.audit.Checkpoint;
import org.govdatasec.audit.VerificationReport;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditRecorder;
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
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.crypto.Sm2PublicKey;
import org.govdatasec.crypto.Sm2Signer;
import org.govdatasec.crypto.Sm2Verifier;
import org.govdatasec.crypto.keys.DestructionProof;
import org.govdatasec.crypto.keys.MasterKeyFile;
import org.govdatasec.crypto.keys.SubjectKeyVault;
import org.govdatasec.samples.registry.Citizen;
import org.govdatasec.samples.registry.RegistryScenario;
import org.govdatasec.samples.registry.SampleData;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The governance step of the demo (PI-2, PI-3, USE-1, USE-2, USE-6, DS-1, DS-2, AU-1, AU-2): a caseworker
 * reads a citizen within the legal basis and is refused a field outside it; a child's record needs the
 * guardian's consent; a bulk export is refused, approved by two approvers (not by the owning unit's
 * inspector), then run once; one citizen's data is crypto-shredded, the signed destruction certificate is
 * printed and verified, and a restored backup of the key vault still refuses the shredded citizen.
 *
 * <p>Every port is wired to its real adapter, in the work directory:
 * <ul>
 *   <li>signatures: sdk-crypto's SM2 ({@link Sm2Signer} / {@link Sm2Verifier}) signs tickets and the
 *       certificate;</li>
 *   <li>consent records and consumed tickets: an embedded H2 database ({@link JdbcConsentStore},
 *       {@link JdbcTicketStore});</li>
 *   <li>key shredder and decryption check: sdk-crypto's {@link SubjectKeyVault} (an H2 file under a
 *       {@link MasterKeyFile} key-encryption key, tombstones in a file kept apart from the store), mapped to
 *       sdk-core's {@link ShredProof} by {@link #shredder(SubjectKeyVault)} (DS-2);</li>
 *   <li>audit recorder and checkpoint: sdk-audit's durable {@link AuditLog} (AU-1); the certificate names the
 *       log's latest SM2-signed checkpoint, and after the step the log is verified with
 *       {@link AuditVerifier} under the log's public key only (AU-2).</li>
 * </ul>
 *
 * <p>The clock is fixed, so the output is deterministic except for ids, key ids, key fingerprints, Merkle
 * roots and SM2 signatures, which are random per run and printed as {@code …}; paths in the work directory
 * are printed as {@code <work>/...}.
 */
public final class GovernanceStep {
  /** The fixed moment of the step: 2024-06-18 10:00 in Nanning. */
  public static final Instant NOW = Instant.parse("2024-06-18T02:00:00Z");
  /** The origin of the step's audit log, signed into each of its checkpoints. */
  public static final String AUDIT_ORIGIN = "nanning.citizen-registry.governance";
  private static final String UNIT = "市大数据发展局数据管理科";
  private static final String PURPOSE = "最低生活保障审核";
  private static final Official CLERK = Official.of("zhang.wei", "张伟", UNIT, Role.REQUESTER);
  private static final Official CHIEF = Official.of("liu.yang", "刘洋", "市大数据发展局办公室", Role.APPROVER);
  private static final Official DIRECTOR = Official.of("chen.lixin", "陈立新", "市大数据发展局", Role.APPROVER);
  private static final Official INSPECTOR = Official.of("wang.fang", "王芳", UNIT, Role.INSPECTOR);
  private static final Actor CASEWORKER = new Actor("li.na", "caseworker", "青秀区民政局", RegistryScenario.SYSTEM_NAME);
  private static final List<String> FIELDS = List.of("address", "idNumber", "mobile", "name");

  /**
   * What the step did, for tests.
   *
   * @param refusals the error codes of the refusals shown, in order
   * @param ticketsConsumed how many tickets were consumed
   * @param certificateVerified whether the certificate verified with the SM2 public key
   * @param certificateFile the certificate file written into the work directory
   * @param publicKeyFile the PEM of the key that verifies it
   * @param auditEvents how many audit events the step recorded
   * @param vaultStore the subject key vault's store description (no credentials)
   * @param restoredVaultRefusal the code the reopened vault gave, after the restore of its backup, for the
   *     shredded subject's values (expected {@code GDS-CRYPTO-008})
   * @param readableAfterRestore the subjects whose values all decrypt after the restore
   * @param auditLogDirectory the audit log's directory
   * @param auditKeyFile the PEM of the key that verifies the audit log's checkpoints
   * @param auditLogVerified whether {@link AuditVerifier} verified the closed log under that key
   * @param auditLogEvents the number of events in the log
   * @param auditCheckpoint the audit checkpoint reference written into the certificate
   * @param certificateCheckpointSigned whether that reference names a checkpoint of the log whose SM2
   *     signature verifies and whose root is the log's root at that size
   */
  public record Result(List<String> refusals, int ticketsConsumed, boolean certificateVerified, Path certificateFile,
      Path publicKeyFile, int auditEvents, String vaultStore, String restoredVaultRefusal,
      List<String> readableAfterRestore, Path auditLogDirectory, Path auditKeyFile, boolean auditLogVerified,
      long auditLogEvents, String auditCheckpoint, boolean certificateCheckpointSigned) {

    /**
     * Freezes the result.
     *
     * @param refusals the codes
     * @param ticketsConsumed tickets consumed
     * @param certificateVerified verified
     * @param certificateFile the certificate file
     * @param publicKeyFile the public key file
     * @param auditEvents the event count
     * @param vaultStore the vault's store
     * @param restoredVaultRefusal the code after the restore
     * @param readableAfterRestore the readable subjects after the restore
     * @param auditLogDirectory the log directory
     * @param auditKeyFile the log's public key file
     * @param auditLogVerified whether the log verified
     * @param auditLogEvents the log's event count
     * @param auditCheckpoint the certificate's checkpoint reference
     * @param certificateCheckpointSigned whether it names a signed checkpoint of the log
     */
    public Result {
      refusals = List.copyOf(refusals);
      readableAfterRestore = List.copyOf(readableAfterRestore);
    }
  }

  /**
   * The audit recorder of the step: every event goes to the durable {@link AuditLog} first (if the log
   * refuses, the decision fails closed), then to a list the step prints its table from.
   */
  private static final class TeeRecorder implements AuditRecorder {
    private final AuditLog log;
    private final List<AuditEvent> events = Collections.synchronizedList(new ArrayList<>());

    TeeRecorder(AuditLog log) {
      this.log = log;
    }

    @Override
    public void record(AuditEvent event) {
      log.record(event);
      events.add(event);
    }

    List<AuditEvent> events() {
      return List.copyOf(events);
    }

    AuditEvent last() {
      List<AuditEvent> all = events();
      return all.get(all.size() - 1);
    }
  }

  private final PrintStream out;
  private final Path workDir;
  private final String workPrefix;
  private final List<String> refusals = new ArrayList<>();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private TeeRecorder audit;
  private AuditLog log;
  private String vaultStore;
  private String restoredRefusal;
  private final List<String> readableAfterRestore = new ArrayList<>();

  private GovernanceStep(PrintStream out, Path workDir) {
    this.out = out;
    this.workDir = workDir;
    this.workPrefix = workDir.toAbsolutePath().toString();
  }

  /**
   * Runs the step, printing to {@code out} and keeping its databases, key vault, audit log and files in
   * {@code workDir}.
   *
   * @param out where to print
   * @param workDir an empty directory for the H2 databases, the vault, the audit log, the certificate and
   *     the public keys
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
   * Runs the step into the demo's one audit log (AU-1, AU-2): every decision is recorded in {@code log},
   * the destruction certificate names a signed checkpoint of that log, and the log is left open for the
   * next steps (a checkpoint is signed at the end of the step, so the log verifies up to here).
   *
   * @param out where to print
   * @param workDir an empty directory for the H2 databases, the vault, the certificate and the public keys
   * @param log the open, durable audit log shared by the demo's steps; not closed here
   * @return what happened: {@code auditEvents} counts this step's events, {@code auditLogEvents} the whole log's
   *     so far
   */
  public static Result run(PrintStream out, Path workDir, AuditLog log) {
    try {
      return new GovernanceStep(out, workDir).runShared(log);
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

  /**
   * The {@link KeyShredder} adapter over sdk-crypto's vault (DS-2): {@code vault.destroy} mapped one-to-one
   * onto {@link ShredProof}; a subject destroyed before (a repeated run) is re-checked with
   * {@code verifyDestroyed} instead, so shredding stays idempotent.
   *
   * @param vault the subject key vault
   * @return the shredder
   */
  static KeyShredder shredder(SubjectKeyVault vault) {
    return subject -> {
      DestructionProof p = vault.isDestroyed(subject) ? vault.verifyDestroyed(subject) : vault.destroy(subject);
      return new ShredProof(p.subjectId(), p.keyIdText(), p.destroyedAt(),
          p.store() + " (tombstones " + p.tombstoneFile() + ")", p.verified());
    };
  }

  private Result run() throws GeneralSecurityException, IOException {
    Path logDir = workDir.resolve("audit-log");
    Sm2PrivateKey auditKey = Sm2PrivateKey.generate();
    Path auditKeyFile = workDir.resolve("audit-key.pem");
    writeAtomically(auditKeyFile, auditKey.publicKey().toPem());
    Parts parts;
    try (AuditLog opened = AuditLog.builder().directory(logDir).signer(auditKey).origin(AUDIT_ORIGIN)
        .durability(AuditLog.Durability.DURABLE).checkpointEvery(1_000).checkpointInterval(Duration.ofHours(1))
        .clock(clock).open()) {
      out.println("Adapters: SM2 (sdk-crypto) signs; consent and tickets in H2 (" + show(h2Url()) + ");");
      out.println("every decision goes to the durable AuditLog " + show(logDir.toAbsolutePath().toString())
          + " (sdk-audit, origin " + AUDIT_ORIGIN + ").");
      parts = parts(opened);
    }
    return result(parts, logDir, auditKeyFile, auditKey.publicKey());
  }

  /** Runs the step into a log the caller opened (and closes): the demo's one log for every step. */
  private Result runShared(AuditLog shared) throws GeneralSecurityException, IOException {
    Path logDir = shared.directory();
    Path auditKeyFile = workDir.resolve("audit-key.pem");
    writeAtomically(auditKeyFile, shared.publicKey().toPem());
    out.println("Adapters: SM2 (sdk-crypto) signs; consent and tickets in H2 (" + show(h2Url()) + ");");
    out.println("every decision goes to the demo's one durable AuditLog <work>/../" + logDir.getFileName()
        + " (sdk-audit), shared by every step.");
    Parts parts = parts(shared);
    // The log stays open for the next step: sign what it holds so far, so that it verifies up to here.
    shared.checkpoint();
    return result(parts, logDir, auditKeyFile, shared.publicKey());
  }

  private record Parts(int consumed, boolean verified, DestructionCertificate certificate, Path certFile,
      Path keyFile) {}

  private String h2Url() {
    return "jdbc:h2:file:" + workDir.resolve("governance").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
  }

  private Result result(Parts parts, Path logDir, Path auditKeyFile, Sm2PublicKey auditKey) {
    AuditSummary summary = auditSummary(logDir, auditKey, parts.certificate().auditCheckpoint());
    return new Result(refusals, parts.consumed(), parts.verified(), parts.certFile(), parts.keyFile(),
        audit.events().size(), vaultStore, restoredRefusal, readableAfterRestore, logDir, auditKeyFile,
        summary.report().valid(), summary.report().events(), parts.certificate().auditCheckpoint(),
        summary.checkpointSigned());
  }

  private Parts parts(AuditLog opened) throws GeneralSecurityException, IOException {
    Sm2PrivateKey approvalKey = Sm2PrivateKey.generate();
    Sm2PrivateKey certificateKey = Sm2PrivateKey.generate();
    Path certFile = workDir.resolve("destruction-certificate.txt");
    Path keyFile = workDir.resolve("destruction-key.pem");
    log = opened;
    audit = new TeeRecorder(opened);
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(h2Url());
    SigningKey ticketSigner = new SigningKey(approvalKey.publicKey().fingerprint(),
        Sm2Signer.create(approvalKey)::sign);
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

    writeAtomically(certFile, certificate.toText());
    writeAtomically(keyFile, certificateKey.publicKey().toPem());
    boolean verified = verifyPart(certificate, certificateKey.publicKey());
    return new Parts(consumed, verified, certificate, certFile, keyFile);
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
    AuditEvent read = audit.last();
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
    AuditEvent used = audit.last();
    out.println("Export authorised for " + auth.operator() + "; audit " + used.action() + " " + used.outcome().status()
        + ", " + used.object().recordCount() + " records, approval ticket " + mask(used.approvalTicket()));
    refused("the same ticket again", () -> guard.authorize(CLERK, export, ticket));
    return 1;
  }

  // -------------------------------------------------------------------------------------------------
  // 3. Destruction
  // -------------------------------------------------------------------------------------------------

  private SubjectKeyVault openVault(MasterKeyFile master, Path store, Path tombstones) {
    return SubjectKeyVault.builder().kek(master.aead()).h2File(store).tombstoneFile(tombstones).clock(clock).build();
  }

  private DestructionCertificate destructionPart(ApprovalService approvals, BulkOperationGuard guard,
      Assessment citizen, Sm2PrivateKey certificateKey) throws GeneralSecurityException, IOException {
    heading("d. One citizen's data is destroyed irreversibly (DS-1, DS-2)");
    Path kekDir = workDir.resolve("kek");
    Path vaultDir = workDir.resolve("vault");
    Path backupDir = workDir.resolve("vault-backup");
    Path store = vaultDir.resolve("subject-keys");
    Path tombstones = kekDir.resolve("subject-keys.tombstones");
    MasterKeyFile master = MasterKeyFile.openOrCreate(kekDir.resolve("master.key"));
    Map<String, Map<String, byte[]>> table = new LinkedHashMap<>();
    try (SubjectKeyVault vault = openVault(master, store, tombstones)) {
      vaultStore = vault.storeDescription();
      for (Citizen c : List.of(SampleData.HUANG_ZHIQIANG, SampleData.LI_XIULAN)) {
        Map<String, String> clear = Map.of("name", c.name(), "idNumber", c.idNumber(), "mobile", c.mobile(),
            "address", c.address());
        Aead aead = vault.aeadFor(c.citizenNo());
        Map<String, byte[]> row = new LinkedHashMap<>();
        for (String field : FIELDS) {
          row.put(field, aead.encrypt(clear.get(field).getBytes(StandardCharsets.UTF_8), ad(c.citizenNo(), field)));
        }
        table.put(c.citizenNo(), row);
      }
      out.println("Key vault (sdk-crypto SubjectKeyVault): " + show(vault.storeDescription()) + ", "
          + vault.subjects() + " subject keys,");
      out.println("  wrapped under the master-key file " + show(master.path().toAbsolutePath().toString())
          + "; tombstones in " + show(vault.tombstoneFile().toAbsolutePath().toString()) + ".");
    }
    Map<String, Map<String, byte[]>> tableBackup = new LinkedHashMap<>(table);
    List<String> backedUp = copyDirectory(vaultDir, backupDir);
    out.println("Protected rows: 黄志强 (NN-0000001) and 李秀兰 (NN-0000002), 4 fields each under the subject's own"
        + " SM4-GCM key from vault.aeadFor(subject).");
    out.println("Backups taken: the table, and the vault's store (vault closed for a consistent copy): "
        + backedUp + " copied to <work>/vault-backup; the tombstone file and the master key are not in it.");

    DestructionCertificate c;
    try (SubjectKeyVault vault = openVault(master, store, tombstones)) {
      DecryptionCheck check = subject -> {
        Map<String, byte[]> row = tableBackup.getOrDefault(subject, Map.of());
        long readable = row.entrySet().stream().filter(v -> refusal(vault, subject, v.getKey(), v.getValue()) == null)
            .count();
        return new DecryptionCheck.Result(row.size(), readable);
      };
      DestructionService service = DestructionService.builder().guard(guard).shredder(shredder(vault))
          .deleter((dataset, subject) -> table.remove(subject) == null ? 0 : 1).decryptionCheck(check)
          .signingKey(new SigningKey(certificateKey.publicKey().fingerprint(), Sm2Signer.create(certificateKey)::sign))
          .checkpoint(this::signedCheckpoint).recorder(audit).clock(clock).system(RegistryScenario.SYSTEM_NAME)
          .build();
      DestructionRequest request = DestructionRequest.of(citizen, "citizen",
          List.of(SampleData.LI_XIULAN.citizenNo()), "本人迁出本市并申请注销登记，保存期限届满",
          "《个人信息保护法》第四十七条; 档案保管期限表 第3项", CLERK);
      refused("DestructionService.destroy(李秀兰) without a ticket", () -> service.destroy(request, null));
      PendingApproval p = approvals.open(new TicketRequest(Operation.DESTROY, "citizen", UNIT, 1, request.reason(),
          request.level(), request.highRisk(), CLERK, Duration.ofDays(1)));
      ApprovalTicket ticket = approvals.issue(approvals.approve(approvals.approve(p, CHIEF), DIRECTOR));
      out.println("DESTROY ticket approved by 刘洋 and 陈立新.");
      c = service.destroy(request, ticket);
      Checkpoint cp = log.latestCheckpoint().orElseThrow();
      out.println("Audit checkpoint for the certificate: forced and SM2-signed by the AuditLog, origin "
          + cp.origin() + ", size " + cp.size() + ", root " + mask(cp.rootHex()) + ".");
      out.println("Destroyed. Certificate (SM2-signed; ids, key ids, fingerprints, root and signature vary per run):");
      c.toText().lines().forEach(l -> out.println("  " + show(l)));
    }

    restoreDirectory(backupDir, vaultDir);
    List<String> restoredRows = keyRows(store);
    out.println("The vault's store is restored from the backup: its file holds key rows for " + restoredRows + ".");
    try (SubjectKeyVault vault = openVault(master, store, tombstones)) {
      out.println("Reopened (the tombstones are not part of the backup): " + vault.subjects() + " subject key; per"
          + " subject, the protected values that decrypt:");
      for (String subject : List.of(SampleData.HUANG_ZHIQIANG.citizenNo(), SampleData.LI_XIULAN.citizenNo())) {
        Map<String, byte[]> row = tableBackup.get(subject);
        long readable = 0;
        String code = null;
        for (Map.Entry<String, byte[]> v : row.entrySet()) {
          String r = refusal(vault, subject, v.getKey(), v.getValue());
          if (r == null) {
            readable++;
          } else {
            code = r;
          }
        }
        if (readable == row.size()) {
          readableAfterRestore.add(subject);
        }
        if (code != null && restoredRefusal == null) {
          restoredRefusal = code;
        }
        out.println("  " + subject + ": " + readable + " of " + row.size() + " protected values decrypt"
            + (code == null ? "" : ", refused with " + code) + (table.containsKey(subject) ? "" : "; rows deleted"));
      }
      DestructionProof again = vault.verifyDestroyed(SampleData.LI_XIULAN.citizenNo());
      out.println("vault.verifyDestroyed(NN-0000002): verified " + again.verified() + ", " + again.verification()
          + "; the restored row was deleted again at open.");
    }
    return c;
  }

  /** The port of the certificate's audit checkpoint: a signed checkpoint forced now, as origin/size/root. */
  private String signedCheckpoint() {
    Checkpoint cp = log.checkpoint();
    return reference(cp);
  }

  private static String reference(Checkpoint cp) {
    return cp.origin() + "/" + cp.size() + "/" + cp.rootHex();
  }

  private static byte[] ad(String subject, String field) {
    return ("citizen/" + field + "/" + subject).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Tries one protected value: {@code null} if it decrypts, else the code that refused it. Only "destroyed"
   * and "does not decrypt" count as unreadable; any other failure means the check cannot run (fail closed).
   */
  private static String refusal(SubjectKeyVault vault, String subject, String field, byte[] value) {
    try {
      vault.existingAeadFor(subject).decrypt(value, ad(subject, field));
      return null;
    } catch (CryptoException e) {
      if (e.error() == CryptoError.KEY_DESTROYED || e.error() == CryptoError.DECRYPTION_FAILED) {
        return e.code();
      }
      throw e;
    } catch (GeneralSecurityException e) {
      return CryptoError.DECRYPTION_FAILED.code();
    }
  }

  /** The subject ids of the key rows in a (closed) vault store, read with plain JDBC. */
  private static List<String> keyRows(Path store) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + store.toAbsolutePath() + ";IFEXISTS=TRUE");
    ds.setUser("sa");
    ds.setPassword("");
    List<String> subjects = new ArrayList<>();
    try (Connection conn = ds.getConnection(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT subject_id FROM gds_subject_keys ORDER BY subject_id")) {
      while (rs.next()) {
        subjects.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the restored vault store cannot be read (SQLState " + e.getSQLState() + ")",
          e);
    }
    return subjects;
  }

  private boolean verifyPart(DestructionCertificate certificate, Sm2PublicKey publicKey) throws IOException {
    heading("e. The certificate is verified with the SM2 public key");
    VerifyingKey key = verifier(publicKey);
    String text = Files.readString(workDir.resolve("destruction-certificate.txt"), StandardCharsets.UTF_8);
    DestructionCertificate read = DestructionCertificate.verifyText(text, key);
    out.println("DestructionCertificate.verifyText(file, public key): verified, " + read.subjects().size()
        + " subject, approvers " + read.approvers() + ", checkpoint " + mask(read.auditCheckpoint()));
    out.println("(the same check from the command line: govdatasec destruction verify CERT --key PUB)");
    refused("verifyText of a copy whose reason was edited", () -> DestructionCertificate.verifyText(
        text.replace("reason=本人迁出本市", "reason=系统清理"), key));
    return read.equals(certificate);
  }

  private record AuditSummary(VerificationReport report, boolean checkpointSigned) {}

  private AuditSummary auditSummary(Path logDir, Sm2PublicKey auditKey, String certificateCheckpoint) {
    heading("f. Every decision was audited in the AuditLog (AU-1, AU-2)");
    List<AuditEvent> events = audit.events();
    Map<String, Integer> counts = new TreeMap<>();
    for (AuditEvent e : events) {
      counts.merge(e.action() + " " + e.outcome().status(), 1, Integer::sum);
    }
    TextTable t = new TextTable("action", "outcome", "events");
    counts.forEach((k, v) -> t.row(k.split(" ")[0], k.split(" ")[1], v));
    t.lines("  ").forEach(out::println);
    out.println(events.size() + " events; every refusal above is one DENIED or FAILED event with its code.");
    long withTicket = events.stream().filter(e -> e.approvalTicket() != null
        && (e.action() == Action.DESTROY || e.action() == Action.KEY_DESTROYED || e.action() == Action.DELETE)).count();
    out.println(withTicket + " destruction events carry the DESTROY ticket's id.");
    VerificationReport report = AuditVerifier.verify(logDir, auditKey);
    Sm2Verifier verifier = Sm2Verifier.create(auditKey);
    boolean signed = AuditProofs.checkpoints(logDir).stream().anyMatch(cp -> reference(cp).equals(certificateCheckpoint)
        && cp.verify(verifier) && java.util.Arrays.equals(AuditProofs.root(logDir, cp.size()), cp.root()));
    out.println("audit log: " + report.events() + " events, " + (report.valid() ? "verified" : "NOT VERIFIED ("
        + report.firstProblem().map(Object::toString).orElse("") + ")") + ", checkpoint size " + report.signedSize()
        + " (AuditVerifier, public key only)");
    out.println("the certificate's audit-checkpoint is a signed checkpoint of this log: " + (signed ? "yes" : "NO"));
    return new AuditSummary(report, signed);
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

  /** Hides what is random per run: ids, key fingerprints, Merkle roots, vault key ids and signatures. */
  static String mask(String line) {
    if (line.startsWith("signature=")) {
      return "signature=… (SM2, base64)";
    }
    return line.replaceAll("[0-9a-f]{32,}", "…").replaceAll("\\b(key ids?) [0-9]+", "$1 …");
  }

  /** Shows a line with the work directory as {@code <work>} and what is random per run masked. */
  private String show(String line) {
    return mask(line.replace(workPrefix, "<work>"));
  }

  /** Copies the files of a closed vault's store directory into an empty backup directory. */
  private static List<String> copyDirectory(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.sorted().toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        names.add(f.getFileName().toString());
      }
    }
    return names;
  }

  /** Restores a backup over a closed vault's store directory, each file through a temp file and a move. */
  private static void restoreDirectory(Path backup, Path store) throws IOException {
    try (Stream<Path> files = Files.list(backup)) {
      for (Path f : files.sorted().toList()) {
        Path tmp = Files.createTempFile(store, f.getFileName().toString(), ".restore");
        Files.copy(f, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, store.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
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
