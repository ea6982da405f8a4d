package org.govdatasec.core.governance.approval;

import java.time.Duration;
import org.govdatasec.core.audit.InMemoryAuditRecorder;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovFixtures;
import org.govdatasec.core.testing.MutableClock;

/** An approval service and a guard sharing a clock, a key and a recorder. */
final class ApprovalFixture {
  final MutableClock clock = new MutableClock(GovFixtures.T0);
  final InMemoryAuditRecorder audit = new InMemoryAuditRecorder();
  final ApprovalService service = ApprovalService.builder()
      .signingKey(GovFixtures.signingKey("approval-key-1", "secret-1")).recorder(audit).clock(clock)
      .system("registry").build();
  final TicketStore store;
  final BulkOperationGuard guard;

  ApprovalFixture(TicketStore store) {
    this.store = store;
    this.guard = BulkOperationGuard.builder().trust(GovFixtures.verifyingKey("approval-key-1", "secret-1"))
        .store(store).recorder(audit).clock(clock).system("registry").build();
  }

  ApprovalFixture() {
    this(new InMemoryTicketStore());
  }

  static TicketRequest export(Classification level, long max) {
    return new TicketRequest(Operation.BULK_EXPORT, "citizen", GovFixtures.OWNER, max, "年度统计报送", level, false,
        GovFixtures.CLERK, Duration.ofDays(1));
  }

  /** Issues a ticket with two approvers. */
  ApprovalTicket twoApproved(TicketRequest r) {
    PendingApproval p = service.open(r);
    p = service.approve(p, GovFixtures.CHIEF);
    p = service.approve(p, GovFixtures.OTHER_INSPECTOR);
    return service.issue(p);
  }
}
