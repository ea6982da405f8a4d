package org.govdatasec.core.governance.destruction;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.governance.SigningKey;
import org.govdatasec.core.governance.approval.Approval;
import org.govdatasec.core.governance.approval.ApprovalTicket;
import org.govdatasec.core.governance.approval.Authorization;
import org.govdatasec.core.governance.approval.BulkOperation;
import org.govdatasec.core.governance.approval.BulkOperationGuard;
import org.govdatasec.core.governance.approval.Operation;
import org.govdatasec.core.internal.governance.AuditedBuilder;
import org.govdatasec.core.internal.governance.GovAudit;
import org.govdatasec.core.internal.governance.Ids;

/**
 * Verified, irreversible destruction (DS-1, DS-2): approval, crypto-shredding, deletion, proof, certificate.
 *
 * <p>{@link #destroy(DestructionRequest, ApprovalTicket)} runs, failing closed at the first error:
 * <ol>
 *   <li><b>approve</b>: the request's {@link Operation#DESTROY} ticket is checked and consumed by the
 *       {@link BulkOperationGuard} (dataset, subject count, level, high-risk flag, requester, signature,
 *       validity, single use). Every destruction needs a ticket (DS-1); high-risk data needs the approvers
 *       of IMPORTANT data (2 by default), because the guard counts high-risk-by-volume data as IMPORTANT;</li>
 *   <li><b>shred</b>: each subject's keys are destroyed through the {@link KeyShredder} port; the vault's
 *       proof must name the subject and be verified; each is audited as {@link Action#KEY_DESTROYED};</li>
 *   <li><b>delete</b>: the application's {@link RowDeleter} deletes each subject's rows (audited as
 *       {@link Action#DELETE});</li>
 *   <li><b>verify</b>: the {@link DecryptionCheck} tries every protected value of each subject it can still
 *       reach; none may decrypt, and at least one value must have been tried in all, otherwise the
 *       destruction is not verified ({@code GDS-GOV-024}) and no certificate is issued;</li>
 *   <li><b>certify</b>: the audit checkpoint reference covering the events so far is read from the
 *       checkpoint port, the {@link DestructionCertificate} is signed, and a {@link Action#DESTROY} event
 *       carrying the certificate id, key id and signature is appended to the audit log.</li>
 * </ol>
 * Shredding is idempotent, so a failed run can be repeated with a new ticket.
 */
public final class DestructionService {
  private final BulkOperationGuard guard;
  private final KeyShredder shredder;
  private final RowDeleter deleter;
  private final DecryptionCheck check;
  private final SigningKey signingKey;
  private final Supplier<String> checkpoint;
  private final GovAudit audit;
  private final Clock clock;
  private final String system;
  private final String method;

  private DestructionService(Builder b, GovAudit audit, String system) {
    this.guard = b.guard;
    this.shredder = b.shredder;
    this.deleter = b.deleter;
    this.check = b.check;
    this.signingKey = b.signingKey;
    this.checkpoint = b.checkpoint;
    this.clock = audit.clock();
    this.audit = audit;
    this.system = system;
    this.method = b.method;
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
   * Destroys the subjects' data and returns the signed certificate.
   *
   * @param request the request
   * @param ticket the {@link Operation#DESTROY} approval ticket
   * @return the signed certificate
   * @throws GovernanceException {@code GDS-GOV-014} without a ticket, the guard's ticket codes, {@code -023}
   *     if shredding fails, {@code -029} if deletion fails, {@code -024} if the destruction cannot be
   *     verified, {@code -020} if signing fails; each audited
   */
  public DestructionCertificate destroy(DestructionRequest request, ApprovalTicket ticket) {
    Objects.requireNonNull(request, "request");
    Actor actor = request.requester().actor(system);
    String certificateId = Ids.fresh("DC");
    Consumer<AuditEvent.Builder> base = b -> b.object(new DataObject(system, request.dataset(),
        request.subjectIds().size() <= AuditEvent.MAX_RECORD_IDS ? request.subjectIds() : List.of(),
        request.subjectIds().size(), List.of()))
        .purpose("destruction: " + request.reason()).legalBasis(request.legalBasis()).level(request.level())
        .approvalTicket(ticket == null ? null : ticket.id());
    if (ticket == null) {
      throw audit.denied(Action.DESTROY, actor, GovernanceError.TICKET_REQUIRED.exception("Destruction of the data"
          + " of " + plural(request.subjectIds().size(), "subject") + " in " + request.dataset()
          + " needs a DESTROY approval"
          + " ticket (DS-1)."), base);
    }
    List<ProcessStep> steps = new ArrayList<>();
    Authorization auth = guard.authorize(request.requester(), new BulkOperation(Operation.DESTROY, request.dataset(),
        request.subjectIds().size(), request.level(), request.highRisk() && !request.level().isHighRisk(),
        "destruction: " + request.reason()), ticket);
    steps.add(new ProcessStep("approve", auth.at(), "ticket " + ticket.id() + " approved by "
        + String.join(", ", approvers(ticket)) + "; consumed by " + auth.operator()));

    Set<String> stores = new LinkedHashSet<>();
    List<String> keyIds = new ArrayList<>();
    for (String subject : request.subjectIds()) {
      ShredProof proof;
      try {
        proof = shredder.shred(subject);
      } catch (RuntimeException e) {
        throw audit.failed(Action.KEY_DESTROYED, actor, GovernanceError.SHREDDING_FAILED.exception("The keys of"
            + " subject " + subject + " were not destroyed: the shredder threw " + e.getClass().getSimpleName()
            + ".", e), base);
      }
      if (proof == null || !proof.subjectId().equals(subject) || !proof.verified()) {
        String why = proof == null ? "the shredder returned no proof" : !proof.subjectId().equals(subject)
            ? "the proof names another subject" : "the vault could not verify that key " + proof.keyId() + " is gone";
        throw audit.failed(Action.KEY_DESTROYED, actor, GovernanceError.SHREDDING_FAILED.exception("The keys of"
            + " subject " + subject + " were not destroyed: " + why + "."), base);
      }
      ShredProof p = proof;
      stores.add(p.store());
      keyIds.add(p.keyId());
      audit.allowed(Action.KEY_DESTROYED, actor, b -> base.accept(b.object(DataObject.records(system,
          request.dataset(), List.of(subject))).outcome(new Outcome(Outcome.Status.SUCCESS, "key " + p.keyId()
          + " destroyed in " + p.store() + " at " + p.destroyedAt() + ", verified by the vault"))));
    }
    steps.add(new ProcessStep("shred", clock.instant(), plural(request.subjectIds().size(), "subject")
        + ": keys destroyed in "
        + String.join(", ", stores) + " (key ids " + String.join(", ", keyIds) + ")"));

    long rows = 0;
    for (String subject : request.subjectIds()) {
      long n;
      try {
        n = deleter.deleteRows(request.dataset(), subject);
      } catch (RuntimeException e) {
        throw audit.failed(Action.DELETE, actor, GovernanceError.DELETION_FAILED.exception("The rows of subject "
            + subject + " in " + request.dataset() + " were not deleted: " + e.getClass().getSimpleName() + ".", e),
            base);
      }
      rows += n;
      long count = n;
      audit.allowed(Action.DELETE, actor, b -> base.accept(b.object(new DataObject(system, request.dataset(),
          List.of(subject), Math.max(1, count), List.of())).outcome(new Outcome(Outcome.Status.SUCCESS,
          count + " rows deleted"))));
    }
    steps.add(new ProcessStep("delete", clock.instant(), plural(rows, "row") + " deleted by the application"));

    long checked = 0;
    for (String subject : request.subjectIds()) {
      DecryptionCheck.Result r;
      try {
        r = Objects.requireNonNull(check.check(subject), "no result");
      } catch (RuntimeException e) {
        throw audit.failed(Action.DESTROY, actor, GovernanceError.DESTRUCTION_NOT_VERIFIED.exception("The"
            + " decryption check of subject " + subject + " could not run: " + e.getClass().getSimpleName() + ".", e),
            base);
      }
      if (r.valuesReadable() > 0) {
        throw audit.failed(Action.DESTROY, actor, GovernanceError.DESTRUCTION_NOT_VERIFIED.exception(
            r.valuesReadable() + " of " + r.valuesChecked() + " protected values of subject " + subject
                + " still decrypt after the keys were destroyed."), base);
      }
      checked += r.valuesChecked();
    }
    if (checked == 0) {
      throw audit.failed(Action.DESTROY, actor, GovernanceError.DESTRUCTION_NOT_VERIFIED.exception("The decryption"
          + " check tried no protected value of the " + request.subjectIds().size() + " subjects, so the"
          + " destruction cannot be proven."), base);
    }
    String verification = plural(checked, "protected value") + " of " + plural(request.subjectIds().size(), "subject")
        + " tried after shredding: none decrypts";
    steps.add(new ProcessStep("verify", clock.instant(), verification));

    String cp;
    try {
      cp = Objects.requireNonNull(checkpoint.get(), "no checkpoint");
    } catch (RuntimeException e) {
      throw audit.failed(Action.DESTROY, actor, GovernanceError.DESTRUCTION_NOT_VERIFIED.exception("The audit"
          + " checkpoint covering the destruction could not be read: " + e.getClass().getSimpleName() + ".", e), base);
    }
    Instant now = clock.instant();
    DestructionCertificate unsigned = new DestructionCertificate(certificateId, request.dataset(),
        request.subjectIds(), request.reason(), request.legalBasis(), request.level(), request.highRisk(),
        request.requester().userId(), approvers(ticket), ticket.id(), steps, method.replace("{stores}",
        String.join(", ", stores)), true, verification, cp, now, signingKey.keyId(), new byte[0]);
    byte[] signature;
    try {
      signature = signingKey.signer().sign(unsigned.canonicalBytes());
      if (signature == null || signature.length == 0) {
        throw new GeneralSecurityException("the signer returned no signature");
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw audit.failed(Action.DESTROY, actor, GovernanceError.SIGNING_FAILED.exception("Certificate "
          + certificateId + " could not be signed with key " + signingKey.keyId() + ".", e), base);
    }
    DestructionCertificate c = new DestructionCertificate(unsigned.id(), unsigned.dataset(), unsigned.subjects(),
        unsigned.reason(), unsigned.legalBasis(), unsigned.level(), unsigned.highRisk(), unsigned.requester(),
        unsigned.approvers(), unsigned.ticketId(), unsigned.steps(), unsigned.technicalMethod(), true,
        unsigned.verification(), unsigned.auditCheckpoint(), unsigned.issuedAt(), unsigned.keyId(), signature);
    audit.allowed(Action.DESTROY, actor, base.andThen(b -> b.outcome(new Outcome(Outcome.Status.SUCCESS,
        "destruction certificate " + c.id() + " key=" + c.keyId() + " checkpoint=" + c.auditCheckpoint()
            + " signature=" + Base64.getEncoder().encodeToString(signature)))));
    return c;
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static List<String> approvers(ApprovalTicket t) {
    return t.approvals().stream().map(Approval::userId).toList();
  }

  /** Builds a {@link DestructionService}. */
  public static final class Builder extends AuditedBuilder<Builder> {
    private BulkOperationGuard guard;
    private KeyShredder shredder;
    private RowDeleter deleter;
    private DecryptionCheck check;
    private SigningKey signingKey;
    private Supplier<String> checkpoint;
    private String method = "crypto-shredding: per-subject SM4 data keys destroyed in {stores}; rows deleted by the"
        + " application; every remaining protected value checked to fail decryption";

    private Builder() {}

    /**
     * Sets the guard that checks and consumes DESTROY tickets (required).
     *
     * @param value the guard
     * @return this builder
     */
    public Builder guard(BulkOperationGuard value) {
      this.guard = Objects.requireNonNull(value, "guard");
      return this;
    }

    /**
     * Sets the key shredder (required).
     *
     * @param value the shredder
     * @return this builder
     */
    public Builder shredder(KeyShredder value) {
      this.shredder = Objects.requireNonNull(value, "shredder");
      return this;
    }

    /**
     * Sets the application's row deleter (required).
     *
     * @param value the deleter
     * @return this builder
     */
    public Builder deleter(RowDeleter value) {
      this.deleter = Objects.requireNonNull(value, "deleter");
      return this;
    }

    /**
     * Sets the decryption check (required).
     *
     * @param value the check
     * @return this builder
     */
    public Builder decryptionCheck(DecryptionCheck value) {
      this.check = Objects.requireNonNull(value, "check");
      return this;
    }

    /**
     * Sets the key that signs certificates (required).
     *
     * @param value the signing key
     * @return this builder
     */
    public Builder signingKey(SigningKey value) {
      this.signingKey = Objects.requireNonNull(value, "signingKey");
      return this;
    }

    /**
     * Sets the port that returns the current audit checkpoint reference (required), for example the
     * sdk-audit log's latest signed checkpoint as {@code origin/size/root}.
     *
     * @param value the checkpoint port
     * @return this builder
     */
    public Builder checkpoint(Supplier<String> value) {
      this.checkpoint = Objects.requireNonNull(value, "checkpoint");
      return this;
    }

    /**
     * Sets the technical method written on certificates; {@code {stores}} is replaced by the key stores the
     * shredder reported.
     *
     * @param value the description
     * @return this builder
     */
    public Builder technicalMethod(String value) {
      this.method = Objects.requireNonNull(value, "method");
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws GovernanceException {@code GDS-GOV-022} if a required part is missing
     */
    public DestructionService build() {
      if (guard == null || shredder == null || deleter == null || check == null || signingKey == null
          || checkpoint == null || !hasRecorder()) {
        throw GovernanceError.BAD_DESTRUCTION_REQUEST.exception("A destruction service needs a ticket guard, a key"
            + " shredder, a row deleter, a decryption check, a signing key, a checkpoint port and an audit recorder.");
      }
      return new DestructionService(this, audit(), systemName());
    }
  }
}
