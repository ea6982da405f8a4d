package org.govdatasec.core.governance.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.governance.Official;
import org.govdatasec.core.governance.VerifyingKey;
import org.govdatasec.core.internal.governance.AuditedBuilder;
import org.govdatasec.core.internal.governance.GovAudit;

/**
 * The bulk-operation guard (USE-1, USE-2): an operation on more records than its level's threshold needs
 * a valid ticket, which it consumes; every decision is audited with the ticket id.
 *
 * <p>A presented ticket is checked in this order, and refused with the first failing reason: signature
 * under a trusted key ({@code GDS-GOV-015}), dataset ({@code -019}), operation, record count, data level,
 * high-risk flag and operator ({@code -018}), the policy's number of approvers for the level
 * ({@code -013}), validity ({@code -016}), and finally single use ({@code -017}): the ticket is consumed
 * atomically only after every other check passed, so a refused attempt does not burn it. A ticket
 * presented below the threshold is checked and consumed all the same.
 */
public final class BulkOperationGuard {
  private final ApprovalPolicy policy;
  private final List<VerifyingKey> trusted;
  private final TicketStore store;
  private final GovAudit audit;
  private final Clock clock;
  private final String system;

  private BulkOperationGuard(Builder b, GovAudit audit, String system) {
    this.policy = b.policy;
    this.trusted = List.copyOf(b.trusted);
    this.store = b.store;
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
   * Authorises an operation, consuming the ticket if one is presented.
   *
   * @param operator who runs the operation
   * @param op the operation
   * @param ticket the approval ticket, or {@code null}
   * @return the authorisation
   * @throws GovernanceException {@code GDS-GOV-014} above the threshold without a ticket, {@code -015},
   *     {@code -019}, {@code -018}, {@code -013}, {@code -016} or {@code -017} for a ticket that does not
   *     authorise it (each audited as denied), {@code -021} if the ticket store fails
   */
  public Authorization authorize(Official operator, BulkOperation op, ApprovalTicket ticket) {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(op, "op");
    Instant now = clock.instant();
    DataLevel approvalLevel = ApprovalPolicy.approvalLevel(op.level().level(), op.highRiskByVolume());
    long threshold = policy.thresholdFor(approvalLevel);
    Consumer<AuditEvent.Builder> details = b -> b.object(DataObject.bulk(system, op.dataset(), op.records()))
        .purpose(op.purpose()).level(op.level()).approvalTicket(ticket == null ? null : ticket.id());
    if (ticket == null) {
      if (op.records() > threshold) {
        throw audit.denied(op.operation().action(), operator.actor(system), GovernanceError.TICKET_REQUIRED
            .exception(op.operation() + " of " + op.records() + " records of " + op.dataset() + " (" + approvalLevel
                + ") is above the threshold of " + threshold + " records and needs an approval ticket."), details);
      }
      audit.allowed(op.operation().action(), operator.actor(system), details.andThen(b -> b.outcome(
          new Outcome(Outcome.Status.SUCCESS, op.records() + " records, at or below the threshold of " + threshold))));
      return new Authorization(op, operator.userId(), null, now);
    }
    GovernanceException refusal = check(operator, op, ticket, now);
    try {
      if (refusal == null && !store.consume(ticket.id(), now, operator.userId())) {
        refusal = GovernanceError.TICKET_REPLAYED.exception("Ticket " + ticket.id() + " was already used"
            + store.consumedAt(ticket.id()).map(t -> " at " + t).orElse("") + "; a ticket authorises one operation.");
      }
    } catch (GovernanceException e) {
      throw audit.failed(op.operation().action(), operator.actor(system), e, details);
    }
    if (refusal != null) {
      throw audit.denied(op.operation().action(), operator.actor(system), refusal, details);
    }
    audit.allowed(op.operation().action(), operator.actor(system), details.andThen(b -> b.outcome(new Outcome(
        Outcome.Status.SUCCESS, "ticket " + ticket.id() + " consumed"))));
    return new Authorization(op, operator.userId(), ticket.id(), now);
  }

  private GovernanceException check(Official operator, BulkOperation op, ApprovalTicket t, Instant now) {
    if (trusted.stream().noneMatch(t::verify)) {
      return GovernanceError.TICKET_FORGED.exception("Ticket " + t.id() + " does not carry a valid signature of a"
          + " trusted approval key (key id " + t.keyId() + ").");
    }
    if (!t.dataset().equals(op.dataset())) {
      return GovernanceError.TICKET_WRONG_DATASET.exception("Ticket " + t.id() + " approves dataset " + t.dataset()
          + ", not " + op.dataset() + ".");
    }
    String scope = null;
    if (t.operation() != op.operation()) {
      scope = "it approves " + t.operation() + ", not " + op.operation();
    } else if (op.records() > t.maxRecords()) {
      scope = op.records() + " records exceed its maximum of " + t.maxRecords();
    } else if (op.level().compareTo(t.level()) > 0) {
      scope = "the data is " + op.level() + ", above its approved level " + t.level();
    } else if (op.highRiskByVolume() && !t.highRiskByVolume()) {
      scope = "the data is high-risk by volume (CLS-3), but it was not approved as such";
    } else if (!t.requester().equals(operator.userId())) {
      scope = "it names " + t.requester() + " as operator, not " + operator.userId();
    }
    if (scope != null) {
      return GovernanceError.TICKET_OUT_OF_SCOPE.exception("Ticket " + t.id() + " does not cover this operation: "
          + scope + ".");
    }
    int needed = policy.approversFor(ApprovalPolicy.approvalLevel(t.level().level(), t.highRiskByVolume()));
    long distinct = t.approvals().stream().map(Approval::userId).distinct()
        .filter(u -> !u.equals(t.requester())).count();
    if (distinct < needed) {
      return GovernanceError.NOT_ENOUGH_APPROVERS.exception("Ticket " + t.id() + " carries " + distinct
          + " distinct approvals; the policy needs " + needed + ".");
    }
    if (now.isBefore(t.issuedAt()) || !now.isBefore(t.expiresAt())) {
      return GovernanceError.TICKET_EXPIRED.exception("Ticket " + t.id() + " is valid from " + t.issuedAt()
          + " until " + t.expiresAt() + ", not at " + now + ".");
    }
    return null;
  }

  /** Builds a {@link BulkOperationGuard}. */
  public static final class Builder extends AuditedBuilder<Builder> {
    private ApprovalPolicy policy = ApprovalPolicy.defaults();
    private final java.util.ArrayList<VerifyingKey> trusted = new java.util.ArrayList<>();
    private TicketStore store;

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
     * Trusts an approval service's key (at least one; several during key rotation).
     *
     * @param value the verifying key
     * @return this builder
     */
    public Builder trust(VerifyingKey value) {
      trusted.add(Objects.requireNonNull(value, "key"));
      return this;
    }

    /**
     * Sets the store of consumed tickets (required).
     *
     * @param value the store
     * @return this builder
     */
    public Builder store(TicketStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /**
     * Builds the guard.
     *
     * @return the guard
     * @throws GovernanceException {@code GDS-GOV-011} without a trusted key, a store or a recorder
     */
    public BulkOperationGuard build() {
      if (trusted.isEmpty() || store == null || !hasRecorder()) {
        throw GovernanceError.BAD_APPROVAL_REQUEST.exception("A bulk-operation guard needs a trusted approval key,"
            + " a ticket store and an audit recorder.");
      }
      return new BulkOperationGuard(this, audit(), systemName());
    }
  }
}
