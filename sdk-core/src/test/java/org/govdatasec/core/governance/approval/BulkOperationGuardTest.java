package org.govdatasec.core.governance.approval;

import static org.govdatasec.core.governance.GovFixtures.CHIEF;
import static org.govdatasec.core.governance.GovFixtures.CLERK;
import static org.govdatasec.core.governance.GovFixtures.assertDenied;
import static org.govdatasec.core.governance.GovFixtures.last;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovFixtures;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.Official;
import org.govdatasec.core.governance.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk-operation guard: thresholds and every reason a ticket is refused (USE-1, USE-2). */
class BulkOperationGuardTest {
  private final ApprovalFixture f = new ApprovalFixture();

  private static BulkOperation export(long records, Classification level) {
    return new BulkOperation(Operation.BULK_EXPORT, "citizen", records, level, false, "年度统计报送");
  }

  @Test
  @DisplayName("USE-2: at or below the threshold no ticket is needed; above it GDS-GOV-014")
  void threshold() {
    Authorization a = f.guard.authorize(CLERK, export(1_000, Classification.general(3)), null);
    assertFalse(a.ticketed());
    assertEquals(Action.EXPORT, last(f.audit).action());
    assertNull(last(f.audit).approvalTicket());
    AuditEvent e = assertDenied(f.audit, GovernanceError.TICKET_REQUIRED,
        () -> f.guard.authorize(CLERK, export(1_001, Classification.general(3)), null));
    assertEquals(1_001, e.object().recordCount());
    assertDenied(f.audit, GovernanceError.TICKET_REQUIRED,
        () -> f.guard.authorize(CLERK, export(101, Classification.IMPORTANT), null));
    assertDenied(f.audit, GovernanceError.TICKET_REQUIRED, () -> f.guard.authorize(CLERK,
        new BulkOperation(Operation.BULK_EXPORT, "citizen", 101, Classification.general(3), true, "x"), null));
    assertDenied(f.audit, GovernanceError.TICKET_REQUIRED,
        () -> f.guard.authorize(CLERK, export(1, Classification.CORE), null));
  }

  @Test
  @DisplayName("USE-2: a valid ticket authorises once, its id in the audit event; a replay is GDS-GOV-017")
  void singleUse() {
    ApprovalTicket t = f.twoApproved(ApprovalFixture.export(Classification.IMPORTANT, 5_000));
    Authorization a = f.guard.authorize(CLERK, export(5_000, Classification.IMPORTANT), t);
    assertEquals(t.id(), a.ticketId());
    AuditEvent used = last(f.audit);
    assertEquals(Action.EXPORT, used.action());
    assertEquals(t.id(), used.approvalTicket());
    AuditEvent replay = assertDenied(f.audit, GovernanceError.TICKET_REPLAYED,
        () -> f.guard.authorize(CLERK, export(10, Classification.IMPORTANT), t));
    assertEquals(t.id(), replay.approvalTicket());
  }

  @Test
  @DisplayName("USE-1: forged, wrong-dataset, over-scope, wrong operator and expired tickets are refused, not burnt")
  void refusals() {
    ApprovalTicket t = f.twoApproved(ApprovalFixture.export(Classification.IMPORTANT, 5_000));
    ApprovalTicket forged = ApprovalTicket.parse(t.toText().replace("max-records=5000", "max-records=9000"));
    assertDenied(f.audit, GovernanceError.TICKET_FORGED,
        () -> f.guard.authorize(CLERK, export(9_000, Classification.IMPORTANT), forged));
    ApprovalTicket foreign = new ApprovalFixture().twoApproved(ApprovalFixture.export(Classification.IMPORTANT, 5_000));
    BulkOperationGuard otherKeyGuard = BulkOperationGuard.builder()
        .trust(GovFixtures.verifyingKey("approval-key-1", "another secret")).store(f.store).recorder(f.audit)
        .clock(f.clock).build();
    assertDenied(f.audit, GovernanceError.TICKET_FORGED,
        () -> otherKeyGuard.authorize(CLERK, export(10, Classification.IMPORTANT), foreign));

    AuditEvent e = assertDenied(f.audit, GovernanceError.TICKET_WRONG_DATASET, () -> f.guard.authorize(CLERK,
        new BulkOperation(Operation.BULK_EXPORT, "household", 10, Classification.IMPORTANT, false, "x"), t));
    assertEquals(t.id(), e.approvalTicket());
    assertDenied(f.audit, GovernanceError.TICKET_OUT_OF_SCOPE,
        () -> f.guard.authorize(CLERK, export(5_001, Classification.IMPORTANT), t));
    assertDenied(f.audit, GovernanceError.TICKET_OUT_OF_SCOPE,
        () -> f.guard.authorize(CLERK, export(10, Classification.CORE), t));
    assertDenied(f.audit, GovernanceError.TICKET_OUT_OF_SCOPE, () -> f.guard.authorize(CLERK,
        new BulkOperation(Operation.DOWNLOAD, "citizen", 10, Classification.IMPORTANT, false, "x"), t));
    assertDenied(f.audit, GovernanceError.TICKET_OUT_OF_SCOPE, () -> f.guard.authorize(CLERK,
        new BulkOperation(Operation.BULK_EXPORT, "citizen", 10, Classification.IMPORTANT, true, "x"), t));
    Official colleague = Official.of("sun.li", "孙丽", GovFixtures.OWNER, Role.REQUESTER);
    assertDenied(f.audit, GovernanceError.TICKET_OUT_OF_SCOPE,
        () -> f.guard.authorize(colleague, export(10, Classification.IMPORTANT), t));

    f.clock.advance(Duration.ofDays(1));
    assertDenied(f.audit, GovernanceError.TICKET_EXPIRED,
        () -> f.guard.authorize(CLERK, export(10, Classification.IMPORTANT), t));
    f.clock.advance(Duration.ofDays(-1).plusSeconds(-1));
    assertDenied(f.audit, GovernanceError.TICKET_EXPIRED,
        () -> f.guard.authorize(CLERK, export(10, Classification.IMPORTANT), t));
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(t.id(), f.guard.authorize(CLERK, export(10, Classification.general(4)), t).ticketId(),
        "none of the refusals burnt the ticket; lower-level data is within an IMPORTANT ticket");
  }

  @Test
  @DisplayName("USE-2: a ticket with fewer approvals than the guard's policy is refused (GDS-GOV-013)")
  void guardPolicyStricterThanIssuer() {
    ApprovalTicket one = f.service.issue(f.service.approve(f.service.open(
        ApprovalFixture.export(Classification.general(3), 5_000)), CHIEF));
    BulkOperationGuard strict = BulkOperationGuard.builder()
        .policy(ApprovalPolicy.builder().approvers(org.govdatasec.core.classification.DataLevel.GENERAL, 2).build())
        .trust(GovFixtures.verifyingKey("approval-key-1", "secret-1")).store(f.store).recorder(f.audit).clock(f.clock)
        .build();
    assertDenied(f.audit, GovernanceError.NOT_ENOUGH_APPROVERS,
        () -> strict.authorize(CLERK, export(5_000, Classification.general(3)), one));
  }

  @Test
  @DisplayName("USE-2: consumed tickets are remembered across a restart of the JDBC ticket store")
  void replayAfterRestart(@TempDir Path dir) {
    ApprovalFixture first = new ApprovalFixture(JdbcTicketStore.open(GovFixtures.h2(dir)));
    ApprovalTicket t = first.twoApproved(ApprovalFixture.export(Classification.IMPORTANT, 5_000));
    first.guard.authorize(CLERK, export(5_000, Classification.IMPORTANT), t);

    JdbcTicketStore reopened = JdbcTicketStore.open(GovFixtures.h2(dir));
    assertEquals(GovFixtures.T0, reopened.consumedAt(t.id()).orElseThrow());
    ApprovalFixture second = new ApprovalFixture(reopened);
    assertDenied(second.audit, GovernanceError.TICKET_REPLAYED,
        () -> second.guard.authorize(CLERK, export(5_000, Classification.IMPORTANT), t));
    assertTrue(reopened.consumedAt("AT-unknown").isEmpty());
  }

  @Test
  @DisplayName("GDS-GOV-021: a failing ticket store refuses the operation, recorded as a failure")
  void storeFailure() {
    TicketStore broken = new TicketStore() {
      @Override
      public boolean consume(String ticketId, java.time.Instant at, String by) {
        throw GovernanceError.STORE_FAILED.exception("The governance store failed (test).");
      }

      @Override
      public java.util.Optional<java.time.Instant> consumedAt(String ticketId) {
        return java.util.Optional.empty();
      }
    };
    ApprovalFixture g = new ApprovalFixture(broken);
    ApprovalTicket t = g.twoApproved(ApprovalFixture.export(Classification.IMPORTANT, 5_000));
    org.govdatasec.core.governance.GovFixtures.assertRefused(g.audit, GovernanceError.STORE_FAILED,
        org.govdatasec.core.audit.Outcome.Status.FAILED,
        () -> g.guard.authorize(CLERK, export(5_000, Classification.IMPORTANT), t));
  }
}
