package org.govdatasec.core.governance.approval;

import static org.govdatasec.core.governance.GovFixtures.CHIEF;
import static org.govdatasec.core.governance.GovFixtures.CLERK;
import static org.govdatasec.core.governance.GovFixtures.DIRECTOR;
import static org.govdatasec.core.governance.GovFixtures.OTHER_INSPECTOR;
import static org.govdatasec.core.governance.GovFixtures.OWN_INSPECTOR;
import static org.govdatasec.core.governance.GovFixtures.T0;
import static org.govdatasec.core.governance.GovFixtures.assertDenied;
import static org.govdatasec.core.governance.GovFixtures.assertRefused;
import static org.govdatasec.core.governance.GovFixtures.last;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.governance.GovFixtures;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.governance.Official;
import org.govdatasec.core.governance.Role;
import org.govdatasec.core.governance.SigningKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** N-of-M approval, separation of duties and ticket signing (USE-1, USE-2, USE-6). */
class ApprovalServiceTest {
  private final ApprovalFixture f = new ApprovalFixture();

  @Test
  @DisplayName("USE-1: an IMPORTANT request needs two distinct approvers; the ticket names everything and verifies")
  void twoApproversForImportant() {
    PendingApproval p = f.service.open(ApprovalFixture.export(Classification.IMPORTANT, 5_000));
    p = f.service.approve(p, CHIEF);
    AuditEvent approved = last(f.audit);
    assertEquals(Action.APPROVAL_GRANTED, approved.action());
    assertEquals(p.id(), approved.approvalTicket());
    assertEquals("liu.yang", approved.actor().user());
    PendingApproval one = p;
    AuditEvent refused = assertDenied(f.audit, GovernanceError.NOT_ENOUGH_APPROVERS, () -> f.service.issue(one));
    assertEquals(p.id(), refused.approvalTicket());
    p = f.service.approve(p, OTHER_INSPECTOR);
    f.clock.advance(Duration.ofMinutes(5));
    ApprovalTicket t = f.service.issue(p);

    assertEquals(p.id(), t.id());
    assertEquals(List.of("liu.yang", "zhao.min"), t.approvals().stream().map(Approval::userId).toList());
    assertEquals(T0.plus(Duration.ofMinutes(5)), t.issuedAt());
    assertEquals(T0.plus(Duration.ofMinutes(5)).plus(Duration.ofDays(1)), t.expiresAt());
    assertEquals("zhang.wei", t.requester());
    assertTrue(t.verify(GovFixtures.verifyingKey("approval-key-1", "secret-1")));
    assertFalse(t.verify(GovFixtures.verifyingKey("approval-key-1", "another secret")));
    assertFalse(t.verify(GovFixtures.verifyingKey("approval-key-2", "secret-1")), "key ids must match");
    assertTrue(last(f.audit).outcome().reason().contains("approved by liu.yang, zhao.min"));
  }

  @Test
  @DisplayName("USE-2: GENERAL data needs one approver; high-risk by volume counts as IMPORTANT")
  void nOfMByLevel() {
    PendingApproval g = f.service.approve(f.service.open(ApprovalFixture.export(Classification.general(3), 10)), CHIEF);
    assertEquals(1, f.service.issue(g).approvals().size());
    TicketRequest volume = new TicketRequest(Operation.BULK_EXPORT, "citizen", GovFixtures.OWNER, 10, "统计",
        Classification.general(3), true, CLERK, Duration.ofDays(1));
    PendingApproval v = f.service.approve(f.service.open(volume), CHIEF);
    assertDenied(f.audit, GovernanceError.NOT_ENOUGH_APPROVERS, () -> f.service.issue(v));
    ApprovalPolicy three = ApprovalPolicy.builder().approvers(DataLevel.CORE, 3).build();
    assertEquals(3, three.approversFor(DataLevel.CORE));
    assertEquals(2, three.approversFor(DataLevel.IMPORTANT));
  }

  @Test
  @DisplayName("USE-6: requester, repeated approver, non-approver and the owning unit's inspector cannot approve")
  void separationOfDuties() {
    PendingApproval p = f.service.open(ApprovalFixture.export(Classification.IMPORTANT, 100));
    Official requesterAsApprover = Official.of("zhang.wei", "张伟", GovFixtures.OWNER, Role.REQUESTER, Role.APPROVER);
    AuditEvent e = assertDenied(f.audit, GovernanceError.SEPARATION_OF_DUTIES,
        () -> f.service.approve(p, requesterAsApprover));
    assertTrue(e.outcome().reason().contains("cannot approve their own request"), e.outcome().reason());
    e = assertDenied(f.audit, GovernanceError.SEPARATION_OF_DUTIES, () -> f.service.approve(p, OWN_INSPECTOR));
    assertTrue(e.outcome().reason().contains("data-security inspector wang.fang"), e.outcome().reason());
    assertEquals("wang.fang", e.actor().user());
    assertDenied(f.audit, GovernanceError.SEPARATION_OF_DUTIES,
        () -> f.service.approve(p, Official.of("x", "某", "某科", Role.REQUESTER)));
    PendingApproval once = f.service.approve(p, CHIEF);
    assertDenied(f.audit, GovernanceError.SEPARATION_OF_DUTIES, () -> f.service.approve(once, CHIEF));
    assertEquals(2, f.service.issue(f.service.approve(once, DIRECTOR)).approvals().size());
  }

  @Test
  @DisplayName("USE-1: invalid requests and policies are refused with GDS-GOV-011")
  void badRequests() {
    assertThrows(GovernanceException.class, () -> new TicketRequest(Operation.COPY, "d", "u", 0, "p",
        Classification.IMPORTANT, false, CLERK, Duration.ofDays(1)));
    assertThrows(GovernanceException.class, () -> new TicketRequest(Operation.COPY, "d", "u", 1, "p",
        Classification.IMPORTANT, false, CHIEF, Duration.ofDays(1)), "not a requester");
    assertDenied(f.audit, GovernanceError.BAD_APPROVAL_REQUEST, () -> f.service.open(new TicketRequest(Operation.COPY,
        "d", "u", 1, "p", Classification.IMPORTANT, false, CLERK, Duration.ofDays(8))));
    GovernanceException e = assertThrows(GovernanceException.class,
        () -> ApprovalPolicy.builder().approvers(DataLevel.CORE, 1).build());
    assertEquals("GDS-GOV-011", e.code());
    assertThrows(GovernanceException.class, () -> ApprovalPolicy.builder().threshold(DataLevel.CORE, 5_000).build());
    assertThrows(GovernanceException.class, () -> ApprovalPolicy.builder().maxValidity(Duration.ZERO).build());
  }

  @Test
  @DisplayName("GDS-GOV-020: a failing signer refuses to issue, recorded as a failure")
  void signingFailure() {
    ApprovalService broken = ApprovalService.builder().recorder(f.audit).clock(f.clock)
        .signingKey(new SigningKey("k", data -> {
          throw new GeneralSecurityException("HSM offline");
        })).build();
    PendingApproval p = broken.approve(broken.open(ApprovalFixture.export(Classification.general(2), 1)), CHIEF);
    assertRefused(f.audit, GovernanceError.SIGNING_FAILED, Outcome.Status.FAILED, () -> broken.issue(p));
  }

  @Test
  @DisplayName("USE-1: the text form round-trips exactly and its canonical encoding is the documented one")
  void textForm() {
    ApprovalTicket t = f.twoApproved(ApprovalFixture.export(Classification.IMPORTANT, 5_000));
    String text = t.toText();
    assertEquals(t, ApprovalTicket.parse(text));
    assertArrayEquals(t.canonicalBytes(), text.substring(0, text.indexOf("signature=")).getBytes(StandardCharsets.UTF_8));
    assertTrue(text.startsWith("format=govdatasec-approval-ticket/1\nid=" + t.id() + "\noperation=BULK_EXPORT\n"
        + "dataset=citizen\nowner-unit=市大数据发展局数据管理科\nmax-records=5000\npurpose=年度统计报送\nlevel=IMPORTANT\n"
        + "high-risk-by-volume=false\nrequester=zhang.wei\napprover.user=liu.yang\n"), text);
    for (String bad : List.of(text.replace("max-records=5000", "max-records=05000"), text + "extra=1\n",
        text.replace("\n", "\r\n"), text.substring(0, text.length() - 1), "format=other\n")) {
      assertEquals(GovernanceError.TICKET_FORGED,
          assertThrows(GovernanceException.class, () -> ApprovalTicket.parse(bad)).error());
    }
  }
}
