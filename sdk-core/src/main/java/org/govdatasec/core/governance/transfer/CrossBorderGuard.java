package org.govdatasec.core.governance.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditRecorder;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.audit.Parties;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.internal.governance.GovAudit;

/**
 * The cross-border guard (TX-4): a transfer to mainland China passes; a transfer anywhere else (Hong
 * Kong, Macao and Taiwan included) passes only under a recorded {@link TransferPermit} for that dataset,
 * destination and recipient, in force at the time. Every check is audited as {@link Action#TRANSMIT}
 * naming the recipient (USE-4). Permits are recorded through {@link #record(Actor, TransferPermit)}
 * (audited) and kept in memory; load them at start-up from the agency's approvals.
 */
public final class CrossBorderGuard {
  private final List<TransferPermit> permits = new CopyOnWriteArrayList<>();
  private final GovAudit audit;
  private final Clock clock;
  private final String system;

  private CrossBorderGuard(AuditRecorder recorder, Clock clock, String system) {
    this.audit = new GovAudit(recorder, clock);
    this.clock = clock;
    this.system = system;
  }

  /**
   * Creates a guard with no permits.
   *
   * @param recorder the audit recorder
   * @param clock the clock
   * @param system the system name written into audit events, or {@code null}
   * @return the guard
   */
  public static CrossBorderGuard create(AuditRecorder recorder, Clock clock, String system) {
    return new CrossBorderGuard(Objects.requireNonNull(recorder, "recorder"), Objects.requireNonNull(clock, "clock"),
        system);
  }

  /**
   * Records a permit; audited as {@link Action#APPROVAL_GRANTED}.
   *
   * @param actor who records it
   * @param permit the permit
   * @return the permit
   * @throws GovernanceException {@code GDS-GOV-028} if a permit with that id exists (audited)
   */
  public TransferPermit record(Actor actor, TransferPermit permit) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(permit, "permit");
    Consumer<AuditEvent.Builder> details = b -> b.object(DataObject.bulk(system, permit.dataset(), 0))
        .approvalTicket(permit.id()).legalBasis(permit.reference())
        .parties(new Parties(actor.organisation(), null, permit.recipient()))
        .purpose("cross-border permit to " + permit.destination() + " until " + permit.validUntil());
    synchronized (permits) {
      if (permits.stream().anyMatch(p -> p.id().equals(permit.id()))) {
        throw audit.denied(Action.APPROVAL_GRANTED, actor, GovernanceError.BAD_PERMIT.exception("A permit with id "
            + permit.id() + " is recorded already."), details);
      }
      audit.allowed(Action.APPROVAL_GRANTED, actor, details);
      permits.add(permit);
    }
    return permit;
  }

  /**
   * Checks a transfer.
   *
   * @param actor who transfers
   * @param dataset the dataset
   * @param level the dataset's classification
   * @param records how many records
   * @param destination where to
   * @param recipient who receives
   * @return the permit that allows it, or empty for a transfer inside mainland China
   * @throws GovernanceException {@code GDS-GOV-027} for a cross-border transfer no permit covers (audited)
   */
  public Optional<TransferPermit> check(Actor actor, String dataset, Classification level, long records,
      Destination destination, String recipient) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(destination, "destination");
    Instant now = clock.instant();
    Consumer<AuditEvent.Builder> details = b -> b.object(DataObject.bulk(system, dataset, records)).level(level)
        .parties(new Parties(actor.organisation(), actor.organisation(), recipient))
        .purpose("transfer to " + destination + " (" + destination.region().chineseName() + ")");
    if (!destination.region().crossBorder()) {
      audit.allowed(Action.TRANSMIT, actor, details);
      return Optional.empty();
    }
    Optional<TransferPermit> permit = permits.stream()
        .filter(p -> p.covers(dataset, destination, recipient, now)).findFirst();
    if (permit.isEmpty()) {
      throw audit.denied(Action.TRANSMIT, actor, GovernanceError.CROSS_BORDER_REFUSED.exception("Transfer of "
          + records + " records of " + dataset + " to " + recipient + " in " + destination + " is cross-border and no"
          + " permit in force covers it."), details);
    }
    TransferPermit p = permit.get();
    audit.allowed(Action.TRANSMIT, actor, details.andThen(b -> b.approvalTicket(p.id()).legalBasis(p.reference())
        .outcome(new Outcome(Outcome.Status.SUCCESS, "cross-border transfer under permit " + p.id()))));
    return permit;
  }
}
