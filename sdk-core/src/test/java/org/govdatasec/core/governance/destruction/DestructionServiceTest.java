package org.govdatasec.core.governance.destruction;

import static org.govdatasec.core.governance.GovFixtures.CHIEF;
import static org.govdatasec.core.governance.GovFixtures.CLERK;
import static org.govdatasec.core.governance.GovFixtures.T0;
import static org.govdatasec.core.governance.GovFixtures.assertDenied;
import static org.govdatasec.core.governance.GovFixtures.assertStepRefused;
import static org.govdatasec.core.governance.GovFixtures.last;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.InMemoryAuditRecorder;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovFixtures;
import org.govdatasec.core.testing.MutableClock;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.governance.VerifyingKey;
import org.govdatasec.core.governance.approval.ApprovalService;
import org.govdatasec.core.governance.approval.ApprovalTicket;
import org.govdatasec.core.governance.approval.BulkOperationGuard;
import org.govdatasec.core.governance.approval.InMemoryTicketStore;
import org.govdatasec.core.governance.approval.Operation;
import org.govdatasec.core.governance.approval.PendingApproval;
import org.govdatasec.core.governance.approval.TicketRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Verified destruction: shred, delete, prove, certify (DS-1, DS-2). */
class DestructionServiceTest {
  private static final VerifyingKey CERT_KEY = GovFixtures.verifyingKey("cert-key", "cert-secret");

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryAuditRecorder audit = new InMemoryAuditRecorder();
  private final FakeVault vault = new FakeVault(clock);
  /** The application's rows: subject to its protected values. */
  private final Map<String, List<byte[]>> rows = new LinkedHashMap<>();
  /** Ciphertexts the check can still reach after deletion (a backup of the table). */
  private final Map<String, List<byte[]>> tableBackup = new LinkedHashMap<>();
  private final ApprovalService approvals = ApprovalService.builder()
      .signingKey(GovFixtures.signingKey("approval-key", "approval-secret")).recorder(audit).clock(clock).build();
  private final BulkOperationGuard guard = BulkOperationGuard.builder()
      .trust(GovFixtures.verifyingKey("approval-key", "approval-secret")).store(new InMemoryTicketStore())
      .recorder(audit).clock(clock).build();
  private DestructionService service;

  @BeforeEach
  void setUp() throws GeneralSecurityException {
    for (String s : List.of("R-1", "R-2", "R-3")) {
      List<byte[]> values = new ArrayList<>();
      for (String v : List.of("name of " + s, "450103198203150311", "13800138001")) {
        values.add(vault.encrypt(s, v));
      }
      rows.put(s, values);
      tableBackup.put(s, List.copyOf(values));
    }
    service = service(vault, this::check);
  }

  private DestructionService service(KeyShredder shredder, DecryptionCheck check) {
    return DestructionService.builder().guard(guard).shredder(shredder)
        .deleter((dataset, subject) -> rows.remove(subject) == null ? 0 : 3).decryptionCheck(check)
        .signingKey(GovFixtures.signingKey("cert-key", "cert-secret")).checkpoint(() -> "registry-log/42/ab12")
        .recorder(audit).clock(clock).system("registry").build();
  }

  private DecryptionCheck.Result check(String subject) {
    long readable = 0;
    List<byte[]> values = tableBackup.getOrDefault(subject, List.of());
    for (byte[] v : values) {
      try {
        vault.decrypt(subject, v);
        readable++;
      } catch (GeneralSecurityException e) {
        // destroyed, as it should be
      }
    }
    return new DecryptionCheck.Result(values.size(), readable);
  }

  private int decryptable(String subject) {
    int n = 0;
    for (byte[] v : tableBackup.get(subject)) {
      try {
        vault.decrypt(subject, v);
        n++;
      } catch (GeneralSecurityException e) {
        // not readable
      }
    }
    return n;
  }

  private ApprovalTicket ticket(int subjects, Classification level) {
    PendingApproval p = approvals.open(new TicketRequest(Operation.DESTROY, "citizen", GovFixtures.OWNER, subjects,
        "保存期限届满", level, false, CLERK, Duration.ofDays(1)));
    p = approvals.approve(p, CHIEF);
    if (level.isHighRisk()) {
      p = approvals.approve(p, GovFixtures.DIRECTOR);
    }
    return approvals.issue(p);
  }

  private static DestructionRequest request(List<String> subjects, Classification level) {
    return new DestructionRequest("citizen", subjects, "保存期限届满", "《社会救助暂行办法》第X条; 档案保管期限表", CLERK, level,
        level.isHighRisk());
  }

  @Test
  @DisplayName("DS-2: afterwards no protected value of the subject decrypts; other subjects are untouched")
  void destroysOnlyTheSubject() {
    assertEquals(3, decryptable("R-2"));
    DestructionCertificate c = service.destroy(request(List.of("R-2"), Classification.IMPORTANT),
        ticket(1, Classification.IMPORTANT));
    assertEquals(0, decryptable("R-2"));
    assertEquals(3, decryptable("R-1"));
    assertEquals(3, decryptable("R-3"));
    assertFalse(rows.containsKey("R-2"));
    assertTrue(rows.containsKey("R-1") && rows.containsKey("R-3"));
    assertTrue(c.verified());
    assertEquals("3 protected values of 1 subject tried after shredding: none decrypts", c.verification());
  }

  @Test
  @DisplayName("DS-2: a restored copy of the key vault does not bring the key back")
  void restoredBackupStaysDestroyed() {
    Map<String, byte[]> backup = vault.backup();
    service.destroy(request(List.of("R-1"), Classification.general(3)), ticket(1, Classification.general(3)));
    vault.restore(backup);
    assertEquals(0, decryptable("R-1"));
    assertEquals(3, decryptable("R-2"));
  }

  @Test
  @DisplayName("DS-1: the certificate records object, reason, process, method, approvers, checkpoint; it verifies")
  void certificate() {
    ApprovalTicket t = ticket(2, Classification.IMPORTANT);
    int before = audit.events().size();
    clock.advance(Duration.ofMinutes(1));
    DestructionCertificate c = service.destroy(request(List.of("R-1", "R-3"), Classification.IMPORTANT), t);
    assertEquals("citizen", c.dataset());
    assertEquals(List.of("R-1", "R-3"), c.subjects());
    assertEquals("保存期限届满", c.reason());
    assertEquals(List.of("liu.yang", "chen.lixin"), c.approvers());
    assertEquals(t.id(), c.ticketId());
    assertEquals(List.of("approve", "shred", "delete", "verify"), c.steps().stream().map(ProcessStep::name).toList());
    assertEquals("2 subjects: keys destroyed in fake-vault (key ids k-R-1, k-R-3)", c.steps().get(1).detail());
    assertEquals("6 rows deleted by the application", c.steps().get(2).detail());
    assertTrue(c.technicalMethod().startsWith("crypto-shredding: per-subject SM4 data keys destroyed in fake-vault"));
    assertEquals("registry-log/42/ab12", c.auditCheckpoint());
    assertTrue(c.verify(CERT_KEY));
    assertEquals(c, DestructionCertificate.verifyText(c.toText(), CERT_KEY));

    List<AuditEvent> events = audit.events().subList(before, audit.events().size());
    assertEquals(List.of(Action.DESTROY, Action.KEY_DESTROYED, Action.KEY_DESTROYED, Action.DELETE, Action.DELETE,
        Action.DESTROY), events.stream().map(AuditEvent::action).toList());
    assertTrue(events.stream().allMatch(e -> t.id().equals(e.approvalTicket())), "ticket id in every event");
    assertTrue(events.stream().allMatch(e -> e.outcome().status() == Outcome.Status.SUCCESS));
    AuditEvent done = events.get(events.size() - 1);
    assertTrue(done.outcome().reason().startsWith("destruction certificate " + c.id() + " key=cert-key"),
        done.outcome().reason());
    assertTrue(done.outcome().reason().endsWith(java.util.Base64.getEncoder().encodeToString(c.signature())));
  }

  /** The text with the signature's first base64 character changed (always to a different one). */
  private static String otherFirstSignatureChar(String text) {
    int at = text.indexOf("signature=") + "signature=".length();
    char replacement = text.charAt(at) == 'A' ? 'B' : 'A';
    return text.substring(0, at) + replacement + text.substring(at + 1);
  }

  @Test
  @DisplayName("DS-1: a modified certificate, another key or a malformed file is refused with GDS-GOV-025")
  void tamperedCertificate() {
    DestructionCertificate c = service.destroy(request(List.of("R-1"), Classification.general(3)),
        ticket(1, Classification.general(3)));
    String text = c.toText();
    for (String bad : List.of(text.replace("subject=R-1", "subject=R-2"),
        text.replace("reason=保存期限届满", "reason=误删"), text.replace("verified=true", "verified=false"),
        otherFirstSignatureChar(text), text.replace("\n", "\r\n"), text + "x=y\n", "")) {
      GovernanceException e = assertThrows(GovernanceException.class,
          () -> DestructionCertificate.verifyText(bad, CERT_KEY));
      assertEquals(GovernanceError.CERTIFICATE_INVALID, e.error(), e.getMessage());
    }
    assertEquals(GovernanceError.CERTIFICATE_INVALID, assertThrows(GovernanceException.class,
        () -> DestructionCertificate.verifyText(text, GovFixtures.verifyingKey("other-key", "cert-secret"))).error());
    assertEquals(GovernanceError.CERTIFICATE_INVALID, assertThrows(GovernanceException.class,
        () -> DestructionCertificate.verifyText(text, GovFixtures.verifyingKey("cert-key", "wrong"))).error());
  }

  @Test
  @DisplayName("DS-1: no ticket, a GENERAL ticket for high-risk data, or a replayed ticket is refused")
  void approvalRequired() {
    AuditEvent e = assertDenied(audit, GovernanceError.TICKET_REQUIRED,
        () -> service.destroy(request(List.of("R-1"), Classification.general(3)), null));
    assertEquals(Action.DESTROY, e.action());
    ApprovalTicket general = ticket(1, Classification.general(3));
    assertDenied(audit, GovernanceError.TICKET_OUT_OF_SCOPE,
        () -> service.destroy(request(List.of("R-1"), Classification.IMPORTANT), general));
    assertDenied(audit, GovernanceError.TICKET_OUT_OF_SCOPE,
        () -> service.destroy(request(List.of("R-1", "R-2"), Classification.general(3)), general));
    service.destroy(request(List.of("R-1"), Classification.general(3)), general);
    assertDenied(audit, GovernanceError.TICKET_REPLAYED,
        () -> service.destroy(request(List.of("R-2"), Classification.general(3)), general));
    assertEquals(3, decryptable("R-2"), "refused destructions change nothing");
    assertThrows(GovernanceException.class, () -> new DestructionRequest("citizen", List.of("R-1"), "r", "b", CLERK,
        Classification.IMPORTANT, false), "important data is high-risk");
    assertThrows(GovernanceException.class, () -> request(List.of("R-1", "R-1"), Classification.general(3)));
  }

  @Test
  @DisplayName("DS-2: shredding that fails or cannot be verified stops before deletion (GDS-GOV-023)")
  void shreddingFailure() {
    DestructionService failing = service(s -> {
      throw new IllegalStateException("vault offline");
    }, this::check);
    ApprovalTicket t1 = ticket(1, Classification.general(3));
    AuditEvent e = assertStepRefused(audit, GovernanceError.SHREDDING_FAILED, Outcome.Status.FAILED,
        () -> failing.destroy(request(List.of("R-1"), Classification.general(3)), t1));
    assertEquals(Action.KEY_DESTROYED, e.action());
    assertTrue(rows.containsKey("R-1"), "nothing deleted");
    DestructionService unverified = service(s -> new ShredProof(s, "k", T0, "v", false), this::check);
    ApprovalTicket t2 = ticket(1, Classification.general(3));
    assertStepRefused(audit, GovernanceError.SHREDDING_FAILED, Outcome.Status.FAILED,
        () -> unverified.destroy(request(List.of("R-1"), Classification.general(3)), t2));
    DestructionService confused = service(s -> new ShredProof("R-9", "k", T0, "v", true), this::check);
    ApprovalTicket t3 = ticket(1, Classification.general(3));
    assertStepRefused(audit, GovernanceError.SHREDDING_FAILED, Outcome.Status.FAILED,
        () -> confused.destroy(request(List.of("R-1"), Classification.general(3)), t3));
  }

  @Test
  @DisplayName("DS-2: a value that still decrypts, a check that cannot run or tries nothing: no certificate (GDS-GOV-024)")
  void verificationFailure() {
    KeyShredder lying = s -> new ShredProof(s, "k-" + s, T0, "copy-vault", true);
    int before = audit.events().size();
    ApprovalTicket t4 = ticket(1, Classification.general(3));
    AuditEvent e = assertStepRefused(audit, GovernanceError.DESTRUCTION_NOT_VERIFIED, Outcome.Status.FAILED,
        () -> service(lying, this::check).destroy(request(List.of("R-1"), Classification.general(3)),
            t4));
    assertTrue(e.outcome().reason().contains("3 of 3 protected values of subject R-1 still decrypt"));
    assertTrue(audit.events().subList(before, audit.events().size()).stream()
        .noneMatch(x -> x.action() == Action.DESTROY && x.outcome().status() == Outcome.Status.SUCCESS
            && x.outcome().reason() != null && x.outcome().reason().startsWith("destruction certificate")));
    ApprovalTicket t5 = ticket(1, Classification.general(3));
    assertStepRefused(audit, GovernanceError.DESTRUCTION_NOT_VERIFIED, Outcome.Status.FAILED,
        () -> service(vault, s -> new DecryptionCheck.Result(0, 0)).destroy(request(List.of("R-2"),
            Classification.general(3)), t5));
    ApprovalTicket t6 = ticket(1, Classification.general(3));
    assertStepRefused(audit, GovernanceError.DESTRUCTION_NOT_VERIFIED, Outcome.Status.FAILED,
        () -> service(vault, s -> {
          throw new IllegalStateException("backup unreachable");
        }).destroy(request(List.of("R-3"), Classification.general(3)), t6));
  }

  @Test
  @DisplayName("DS-1: a failing delete callback or signer stops the destruction without a certificate")
  void deletionAndSigningFailures() {
    AtomicInteger calls = new AtomicInteger();
    DestructionService noDelete = DestructionService.builder().guard(guard).shredder(vault)
        .deleter((d, s) -> {
          calls.incrementAndGet();
          throw new IllegalStateException("db down");
        }).decryptionCheck(this::check).signingKey(GovFixtures.signingKey("cert-key", "cert-secret"))
        .checkpoint(() -> "cp").recorder(audit).clock(clock).build();
    ApprovalTicket t7 = ticket(1, Classification.general(3));
    AuditEvent e = assertStepRefused(audit, GovernanceError.DELETION_FAILED, Outcome.Status.FAILED,
        () -> noDelete.destroy(request(List.of("R-1"), Classification.general(3)), t7));
    assertEquals(Action.DELETE, e.action());
    assertEquals(1, calls.get());
    DestructionService noSign = DestructionService.builder().guard(guard).shredder(vault)
        .deleter((d, s) -> 1).decryptionCheck(this::check)
        .signingKey(new org.govdatasec.core.governance.SigningKey("k", data -> {
          throw new GeneralSecurityException("no key");
        })).checkpoint(() -> "cp").recorder(audit).clock(clock).build();
    ApprovalTicket t8 = ticket(1, Classification.general(3));
    assertStepRefused(audit, GovernanceError.SIGNING_FAILED, Outcome.Status.FAILED,
        () -> noSign.destroy(request(List.of("R-2"), Classification.general(3)), t8));
    assertEquals(GovernanceError.BAD_DESTRUCTION_REQUEST,
        assertThrows(GovernanceException.class, () -> DestructionService.builder().build()).error());
    assertEquals(Action.DESTROY, last(audit).action());
  }
}
