package org.govdatasec.core.internal.governance;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditRecorder;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.governance.GovernanceException;

/**
 * Records governance decisions through the audit port, with the service's clock. A recorder that throws
 * makes the decision fail (fail closed): the exception propagates before any effect. Not API.
 *
 * @param recorder the audit port
 * @param clock the clock that stamps events
 */
public record GovAudit(AuditRecorder recorder, Clock clock) {

  /**
   * Validates.
   *
   * @param recorder the audit port
   * @param clock the clock
   */
  public GovAudit {
    Objects.requireNonNull(recorder, "recorder");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records a successful decision.
   *
   * @param action the action
   * @param actor the actor
   * @param details fills in the rest of the event
   * @return the recorded event
   */
  public AuditEvent allowed(Action action, Actor actor, Consumer<AuditEvent.Builder> details) {
    AuditEvent.Builder b = AuditEvent.builder(action, actor).time(clock.instant());
    details.accept(b);
    AuditEvent e = b.build();
    recorder.record(e);
    return e;
  }

  /**
   * Records a refusal and returns the exception to throw.
   *
   * @param action the action that was refused
   * @param actor the actor
   * @param refusal the refusal
   * @param details fills in the rest of the event
   * @return the refusal, to be thrown by the caller
   */
  public GovernanceException denied(Action action, Actor actor, GovernanceException refusal,
      Consumer<AuditEvent.Builder> details) {
    return outcome(action, actor, refusal, details, Outcome.denied(reason(refusal)));
  }

  /**
   * Records a failure (an attempted action that did not complete) and returns the exception to throw.
   *
   * @param action the action that failed
   * @param actor the actor
   * @param failure the failure
   * @param details fills in the rest of the event
   * @return the failure, to be thrown by the caller
   */
  public GovernanceException failed(Action action, Actor actor, GovernanceException failure,
      Consumer<AuditEvent.Builder> details) {
    return outcome(action, actor, failure, details, Outcome.failed(reason(failure)));
  }

  private GovernanceException outcome(Action action, Actor actor, GovernanceException e,
      Consumer<AuditEvent.Builder> details, Outcome outcome) {
    AuditEvent.Builder b = AuditEvent.builder(action, actor).time(clock.instant());
    details.accept(b);
    recorder.record(b.outcome(outcome).build());
    return e;
  }

  private static String reason(GovernanceException e) {
    String r = e.code() + " " + e.refused();
    return r.length() <= AuditEvent.MAX_TEXT ? r : r.substring(0, AuditEvent.MAX_TEXT);
  }
}
