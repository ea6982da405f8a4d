package org.govdatasec.core.governance.approval;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request under approval: immutable; {@link ApprovalService#approve} returns a new value with one more
 * approval.
 *
 * @param id the future ticket's id
 * @param request the request
 * @param openedAt when it was opened
 * @param approvals the approvals so far, in order
 */
public record PendingApproval(String id, TicketRequest request, Instant openedAt, List<Approval> approvals) {

  /**
   * Freezes the value.
   *
   * @param id the id
   * @param request the request
   * @param openedAt when opened
   * @param approvals the approvals
   */
  public PendingApproval {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(openedAt, "openedAt");
    approvals = List.copyOf(approvals);
  }
}
