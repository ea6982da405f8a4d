package org.govdatasec.core.governance;

import org.govdatasec.core.ErrorCode;
import org.govdatasec.core.Requirement;

/**
 * The {@code GDS-GOV} error codes: refusals of the governance flows of sdk-core (consent and legal basis,
 * third-party grants, approval tickets, destruction, retention and cross-border transfers).
 *
 * <p>Every refusal is also recorded as an audit event with a {@code DENIED} or {@code FAILED} outcome
 * whose reason starts with the code (fail closed, AU-1).
 */
public enum GovernanceError implements ErrorCode {
  /** A consent record or third-party grant is incomplete or inconsistent. */
  BAD_CONSENT_RECORD("GDS-GOV-001",
      "Give the record a subject, a legal basis, at least one purpose, the personal-information categories, how it"
          + " was collected and an evidence reference; expiry after grant; a guardian only for a consent basis.",
      Requirement.PI_1, Requirement.PI_4),
  /** No legal basis covers the subject and purpose. */
  NO_LEGAL_BASIS("GDS-GOV-002",
      "Record the subject's consent for this purpose (ConsentGuard.grant), or the statutory duty or contract the"
          + " processing rests on; otherwise do not process the data.",
      Requirement.PI_2),
  /** The only basis for the subject and purpose was withdrawn. */
  CONSENT_WITHDRAWN("GDS-GOV-003",
      "Stop processing: the subject withdrew consent. Process again only under a new consent or another basis.",
      Requirement.PI_2),
  /** The only basis for the subject and purpose has expired. */
  CONSENT_EXPIRED("GDS-GOV-004",
      "Ask the subject to renew consent (a new record with a new validity period) before processing again.",
      Requirement.PI_1, Requirement.PI_2),
  /** A requested field is outside what the basis covers. */
  FIELD_NOT_COVERED("GDS-GOV-005",
      "Request only the fields the purpose is authorised for (use ConsentGuard.project for a minimal projection),"
          + " or obtain consent that covers the field's categories (separate consent for sensitive ones).",
      Requirement.PI_2),
  /** A child under 14 without a guardian's consent. */
  GUARDIAN_CONSENT_MISSING("GDS-GOV-006",
      "Record the consent of the child's guardian (GuardianConsent) on the consent record before processing.",
      Requirement.PI_3),
  /** A resident ID number whose birth date cannot be read. */
  UNREADABLE_ID_NUMBER("GDS-GOV-007",
      "Correct the resident ID number (18 digits with a check character, or the legacy 15 digits) so the subject's"
          + " age can be derived; govdatasec never assumes an adult.",
      Requirement.PI_3),
  /** The record or field named cannot be processed by the guard. */
  NOT_A_SUBJECT_RECORD("GDS-GOV-008",
      "Pass a record whose type has a @DataSubjectId field with a value, and name only fields the type declares.",
      Requirement.PI_2),
  /** No third-party grant covers the grantee, dataset, purpose or categories. */
  GRANT_NOT_COVERED("GDS-GOV-009",
      "Record a grant (ProcessorGrant) for this grantee naming the dataset, purpose and categories, or stop the"
          + " third party's processing.",
      Requirement.PI_6, Requirement.TX_3),
  /** The third-party grant has expired. */
  GRANT_EXPIRED("GDS-GOV-010",
      "The grant's period is over: revoke the grantee's access, or record a new grant for a new period.",
      Requirement.PI_6),
  /** An approval request or approval policy is incomplete or inconsistent. */
  BAD_APPROVAL_REQUEST("GDS-GOV-011",
      "Name operation, dataset, owning unit, maximum records (1 or more), purpose, data level, requester and a"
          + " validity within the policy's maximum; configure 1 or more approvers per level.",
      Requirement.USE_1, Requirement.USE_2),
  /** An approver violates separation of duties. */
  SEPARATION_OF_DUTIES("GDS-GOV-012",
      "Choose another approver: not the requester, not an approver twice, holding the APPROVER role, and not the"
          + " data-security inspector of the unit that owns the data.",
      Requirement.USE_6),
  /** Fewer approvals than the data level needs. */
  NOT_ENOUGH_APPROVERS("GDS-GOV-013",
      "Collect the number of distinct approvals the policy sets for the data level before issuing the ticket.",
      Requirement.USE_1, Requirement.USE_2),
  /** A bulk operation above the threshold without an approval ticket. */
  TICKET_REQUIRED("GDS-GOV-014",
      "Request an approval ticket for the operation (ApprovalService) and present it, or operate on fewer records.",
      Requirement.USE_2),
  /** A ticket or certificate whose signature does not verify. */
  TICKET_FORGED("GDS-GOV-015",
      "Present the ticket exactly as the approval service issued it, verified with the approval service's key;"
          + " a modified or foreign ticket is never accepted. Report the attempt (AU-4).",
      Requirement.USE_1, Requirement.USE_2),
  /** The ticket's validity is over. */
  TICKET_EXPIRED("GDS-GOV-016",
      "Request a new approval: the ticket expired.",
      Requirement.USE_1),
  /** The ticket was already used. */
  TICKET_REPLAYED("GDS-GOV-017",
      "A ticket authorises one operation only; request a new approval for another run.",
      Requirement.USE_2),
  /** The operation exceeds what the ticket approved. */
  TICKET_OUT_OF_SCOPE("GDS-GOV-018",
      "Stay within the ticket: its operation, its maximum number of records, its data level and its named"
          + " operator; request a new approval for more.",
      Requirement.USE_1),
  /** The ticket was approved for another dataset. */
  TICKET_WRONG_DATASET("GDS-GOV-019",
      "Present the ticket approved for this dataset, or request one for it.",
      Requirement.USE_1),
  /** Signing a ticket or certificate failed. */
  SIGNING_FAILED("GDS-GOV-020",
      "Check the signing key given to the service (an SM2 private key, not destroyed) and the crypto provider.",
      Requirement.USE_1, Requirement.DS_1),
  /** The consent, grant or ticket store failed. */
  STORE_FAILED("GDS-GOV-021",
      "Check the DataSource (URL, credentials, disk); nothing was changed and the action was refused.",
      Requirement.PI_4, Requirement.USE_2),
  /** A destruction request is incomplete or inconsistent. */
  BAD_DESTRUCTION_REQUEST("GDS-GOV-022",
      "Name the dataset, at least one subject, the reason, the legal basis, the requester and the data level, and"
          + " present a DESTROY approval ticket for that dataset.",
      Requirement.DS_1),
  /** Crypto-shredding a subject's keys failed. */
  SHREDDING_FAILED("GDS-GOV-023",
      "Check the key vault; run the destruction again (shredding is idempotent). No certificate was issued.",
      Requirement.DS_2),
  /** After destruction some protected value still decrypts, or the check could not run. */
  DESTRUCTION_NOT_VERIFIED("GDS-GOV-024",
      "Find the key copy that still decrypts (another vault, a cache, an unwrapped backup), destroy it, and run"
          + " the destruction again. No certificate was issued; report the incident (AU-4).",
      Requirement.DS_2),
  /** A destruction certificate is malformed or its signature does not verify. */
  CERTIFICATE_INVALID("GDS-GOV-025",
      "Verify the certificate file exactly as issued with the destruction service's public key; a modified"
          + " certificate is not evidence.",
      Requirement.DS_1),
  /** A retention rule is invalid. */
  BAD_RETENTION_RULE("GDS-GOV-026",
      "Give each rule a dataset, a positive retention period, the event it counts from and its legal basis;"
          + " one rule per dataset and level.",
      Requirement.DS_3),
  /** A transfer outside mainland China without a permit. */
  CROSS_BORDER_REFUSED("GDS-GOV-027",
      "Record a permit (TransferPermit) for this dataset and destination after the security assessment or"
          + " standard contract the law requires, or do not transfer.",
      Requirement.TX_4),
  /** A transfer permit is incomplete or inconsistent. */
  BAD_PERMIT("GDS-GOV-028",
      "Give the permit an id, a dataset, a destination outside mainland China, a recipient, a validity period and"
          + " the reference of the approval it rests on.",
      Requirement.TX_4),
  /** The application's deletion of a subject's rows failed. */
  DELETION_FAILED("GDS-GOV-029",
      "Check the application's delete callback and its database; the keys are already destroyed, so run the"
          + " destruction again with a new ticket to finish and certify it.",
      Requirement.DS_1);

  private final Spec spec;

  GovernanceError(String code, String fix, Requirement... requirements) {
    this.spec = Spec.of(code, fix, requirements);
  }

  @Override
  public Spec spec() {
    return spec;
  }

  /**
   * Creates an exception of this kind with the code's general fix.
   *
   * @param refused what was refused and why (never a protected value)
   * @return the exception
   */
  public GovernanceException exception(String refused) {
    return new GovernanceException(this, refused, null, null);
  }

  /**
   * Creates an exception of this kind with a cause.
   *
   * @param refused what was refused and why (never a protected value)
   * @param cause the cause, or {@code null}
   * @return the exception
   */
  public GovernanceException exception(String refused, Throwable cause) {
    return new GovernanceException(this, refused, null, cause);
  }
}
