package org.govdatasec.core.governance.approval;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.governance.Official;
import org.govdatasec.core.governance.Role;
import org.govdatasec.core.governance.SigningKey;
import org.govdatasec.core.internal.governance.AuditedBuilder;
import org.govdatasec.core.internal.governance.GovAudit;
import org.govdatasec.core.internal.governance.Ids;

/**
 * The internal approval flow (USE-1, USE-2, USE-6): open a request, collect approvals with separation of
 * duties, issue a signed, single-use ticket once the data level's N approvers have approved.
 *
 * <pre>{@code
 * ApprovalService approvals = ApprovalService.builder().signingKey(key).recorder(auditLog).build();
 * PendingApproval p = approvals.open(request);
 * p = approvals.approve(p, sectionChief);
 * p = approvals.approve(p, securityOfficer);
 * ApprovalTicket ticket = approvals.issue(p);
 * }</pre>
 *
 * <p>Separation of duties, checked at each approval: the approver holds {@link Role#APPROVER} or
 * {@link Role#INSPECTOR}; is not the requester; has not approved this request already; and, if they are
 * the data-security inspector ({@link Role#INSPECTOR}), does not belong to the unit that owns the data
 * (NN ch.4). Each approval, and each refused approval, is audited as {@link Action#APPROVAL_GRANTED} with
 * the future ticket id; issuing is audited too.
 */
public final class ApprovalService {
  private final ApprovalPolicy policy;
  private final SigningKey signingKey;
  private final GovAudit audit;
  private final Clock clock;
  private final String system;

  private ApprovalService(Builder b, GovAudit audit, String system) {
    this.policy = b.policy;
    this.signingKey = b.signingKey;
    this.clock = audit.clock();
    this.audit = audit;
    this.system = system;
  }

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the policy.
   *
   * @return the policy
   */
  public ApprovalPolicy policy() {
    return policy;
  }

  /**
   * Opens a request for approval.
   *
   * @param request the request
   * @return the pending approval, with no approvals yet
   * @throws GovernanceException {@code GDS-GOV-011} if the validity exceeds the policy's maximum (audited)
   */
  public PendingApproval open(TicketRequest request) {
    Objects.requireNonNull(request, "request");
    String id = Ids.fresh("AT");
    if (request.validity().compareTo(policy.maxValidity()) > 0) {
      throw audit.denied(Action.APPROVAL_GRANTED, request.requester().actor(system),
          GovernanceError.BAD_APPROVAL_REQUEST.exception("Approval request refused: a validity of "
              + request.validity() + " exceeds the policy's maximum of " + policy.maxValidity() + "."),
          details(id, request));
    }
    return new PendingApproval(id, request, clock.instant(), List.of());
  }

  /**
   * Adds one approval, checking separation of duties.
   *
   * @param pending the pending approval
   * @param approver the approver
   * @return a new pending approval with the approval added
   * @throws GovernanceException {@code GDS-GOV-012} if the approver may not approve this request (audited)
   */
  public PendingApproval approve(PendingApproval pending, Official approver) {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(approver, "approver");
    TicketRequest r = pending.request();
    String why = null;
    if (!approver.has(Role.APPROVER) && !approver.has(Role.INSPECTOR)) {
      why = approver.userId() + " holds neither the APPROVER nor the INSPECTOR role";
    } else if (approver.userId().equals(r.requester().userId())) {
      why = "the requester " + approver.userId() + " cannot approve their own request";
    } else if (pending.approvals().stream().anyMatch(a -> a.userId().equals(approver.userId()))) {
      why = approver.userId() + " has already approved this request; approvers must be distinct";
    } else if (approver.has(Role.INSPECTOR) && approver.unit().equals(r.ownerUnit())) {
      why = "the data-security inspector " + approver.userId() + " belongs to " + r.ownerUnit()
          + ", which owns dataset " + r.dataset() + ", and cannot approve its data (NN ch.4)";
    }
    if (why != null) {
      throw audit.denied(Action.APPROVAL_GRANTED, approver.actor(system),
          GovernanceError.SEPARATION_OF_DUTIES.exception("Approval of " + pending.id() + " refused: " + why + "."),
          details(pending.id(), r));
    }
    Instant now = clock.instant();
    List<Approval> approvals = new ArrayList<>(pending.approvals());
    approvals.add(new Approval(approver.userId(), approver.unit(), now));
    audit.allowed(Action.APPROVAL_GRANTED, approver.actor(system), details(pending.id(), r)
        .andThen(b -> b.outcome(new Outcome(Outcome.Status.SUCCESS, "approval " + approvals.size() + " of "
            + needed(r) + " for " + pending.id()))));
    return new PendingApproval(pending.id(), r, pending.openedAt(), approvals);
  }

  /**
   * Issues the signed ticket once enough distinct approvers have approved.
   *
   * @param pending the pending approval
   * @return the ticket, valid from now for the requested validity
   * @throws GovernanceException {@code GDS-GOV-013} with too few approvals, {@code GDS-GOV-020} if signing
   *     fails; each audited
   */
  public ApprovalTicket issue(PendingApproval pending) {
    Objects.requireNonNull(pending, "pending");
    TicketRequest r = pending.request();
    int needed = needed(r);
    if (pending.approvals().size() < needed) {
      throw audit.denied(Action.APPROVAL_GRANTED, r.requester().actor(system),
          GovernanceError.NOT_ENOUGH_APPROVERS.exception("Ticket " + pending.id() + " needs " + needed
              + " distinct approvers for " + approvalLevel(r) + " data but has " + pending.approvals().size() + "."),
          details(pending.id(), r));
    }
    Instant now = clock.instant();
    ApprovalTicket unsigned = new ApprovalTicket(pending.id(), r.operation(), r.dataset(), r.ownerUnit(),
        r.maxRecords(), r.purpose(), r.level(), r.highRiskByVolume(), r.requester().userId(), pending.approvals(),
        now, now.plus(r.validity()), signingKey.keyId(), new byte[0]);
    byte[] signature;
    try {
      signature = signingKey.signer().sign(unsigned.canonicalBytes());
      if (signature == null || signature.length == 0) {
        throw new GeneralSecurityException("the signer returned no signature");
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw audit.failed(Action.APPROVAL_GRANTED, r.requester().actor(system), GovernanceError.SIGNING_FAILED
          .exception("Ticket " + pending.id() + " could not be signed with key " + signingKey.keyId() + " ("
              + e.getClass().getSimpleName() + ").", e), details(pending.id(), r));
    }
    ApprovalTicket ticket = new ApprovalTicket(unsigned.id(), unsigned.operation(), unsigned.dataset(),
        unsigned.ownerUnit(), unsigned.maxRecords(), unsigned.purpose(), unsigned.level(),
        unsigned.highRiskByVolume(), unsigned.requester(), unsigned.approvals(), unsigned.issuedAt(),
        unsigned.expiresAt(), unsigned.keyId(), signature);
    audit.allowed(Action.APPROVAL_GRANTED, r.requester().actor(system), details(ticket.id(), r)
        .andThen(b -> b.outcome(new Outcome(Outcome.Status.SUCCESS, "ticket issued, approved by "
            + ticket.approvals().stream().map(Approval::userId).collect(Collectors.joining(", "))
            + ", valid until " + ticket.expiresAt()))));
    return ticket;
  }

  private int needed(TicketRequest r) {
    return policy.approversFor(approvalLevel(r));
  }

  private static DataLevel approvalLevel(TicketRequest r) {
    return ApprovalPolicy.approvalLevel(r.level().level(), r.highRiskByVolume());
  }

  private Consumer<AuditEvent.Builder> details(String ticketId, TicketRequest r) {
    return b -> b.approvalTicket(ticketId).object(DataObject.bulk(system, r.dataset(), r.maxRecords()))
        .purpose(r.operation() + " " + r.operation().chineseName() + ": " + r.purpose()).level(r.level());
  }

  /** Builds an {@link ApprovalService}. */
  public static final class Builder extends AuditedBuilder<Builder> {
    private ApprovalPolicy policy = ApprovalPolicy.defaults();
    private SigningKey signingKey;

    private Builder() {}

    /**
     * Sets the policy (default: {@link ApprovalPolicy#defaults()}).
     *
     * @param value the policy
     * @return this builder
     */
    public Builder policy(ApprovalPolicy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    /**
     * Sets the key that signs tickets (required).
     *
     * @param value the signing key
     * @return this builder
     */
    public Builder signingKey(SigningKey value) {
      this.signingKey = Objects.requireNonNull(value, "signingKey");
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws GovernanceException {@code GDS-GOV-011} without a signing key or recorder
     */
    public ApprovalService build() {
      if (signingKey == null || !hasRecorder()) {
        throw GovernanceError.BAD_APPROVAL_REQUEST.exception("An approval service needs a signing key and an audit"
            + " recorder.");
      }
      return new ApprovalService(this, audit(), systemName());
    }
  }
}
