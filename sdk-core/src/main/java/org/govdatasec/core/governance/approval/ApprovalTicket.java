package org.govdatasec.core.governance.approval;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.governance.VerifyingKey;
import org.govdatasec.core.internal.governance.CanonicalText;

/**
 * A signed, single-use approval ticket (USE-1, USE-2): one operation on one dataset, at most so many
 * records, for a purpose, at a data level, by its requester, approved by the listed approvers, until it
 * expires. Issued by {@link ApprovalService}; checked and consumed by {@link BulkOperationGuard}.
 *
 * <p>The signature (SM2 through the {@link org.govdatasec.core.governance.Signer} port) covers the
 * {@linkplain #canonicalBytes() canonical encoding}: UTF-8 {@code key=value} lines in this fixed order,
 * {@code format=govdatasec-approval-ticket/1}, {@code id}, {@code operation}, {@code dataset},
 * {@code owner-unit}, {@code max-records}, {@code purpose}, {@code level}, {@code high-risk-by-volume},
 * {@code requester}, then per approver {@code approver.user}, {@code approver.unit}, {@code approver.at},
 * then {@code issued-at}, {@code expires-at}, {@code key-id} (see {@code docs/governance.md}). The text
 * form ({@link #toText()}) appends {@code signature=<base64>}.
 *
 * @param id the ticket id
 * @param operation the approved operation
 * @param dataset the dataset
 * @param ownerUnit the unit that owns the dataset
 * @param maxRecords the maximum number of records
 * @param purpose the purpose
 * @param level the approved data level (the highest the operation may touch)
 * @param highRiskByVolume whether it was approved as high-risk by volume
 * @param requester the requester's staff id, the only operator who may use it
 * @param approvals the approvals
 * @param issuedAt when it was issued
 * @param expiresAt when it expires (exclusive)
 * @param keyId the id of the signing key
 * @param signature the signature over {@link #canonicalBytes()}
 */
public record ApprovalTicket(String id, Operation operation, String dataset, String ownerUnit, long maxRecords,
    String purpose, Classification level, boolean highRiskByVolume, String requester, List<Approval> approvals,
    Instant issuedAt, Instant expiresAt, String keyId, byte[] signature) {

  /** The format line of the encoding. */
  public static final String FORMAT = "govdatasec-approval-ticket/1";

  /**
   * Freezes the ticket (copies the lists and the signature).
   *
   * @param id the id
   * @param operation the operation
   * @param dataset the dataset
   * @param ownerUnit the owning unit
   * @param maxRecords the maximum records
   * @param purpose the purpose
   * @param level the level
   * @param highRiskByVolume high-risk by volume
   * @param requester the requester
   * @param approvals the approvals
   * @param issuedAt when issued
   * @param expiresAt when it expires
   * @param keyId the key id
   * @param signature the signature
   */
  public ApprovalTicket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(ownerUnit, "ownerUnit");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(requester, "requester");
    approvals = List.copyOf(approvals);
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(keyId, "keyId");
    signature = signature.clone();
  }

  /**
   * Returns a copy of the signature.
   *
   * @return the signature
   */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /**
   * Returns the bytes the signature covers.
   *
   * @return the canonical encoding, without the signature
   */
  public byte[] canonicalBytes() {
    return body().getBytes(StandardCharsets.UTF_8);
  }

  private String body() {
    CanonicalText.Writer w = CanonicalText.writer().put("format", FORMAT).put("id", id).put("operation", operation)
        .put("dataset", dataset).put("owner-unit", ownerUnit).put("max-records", maxRecords).put("purpose", purpose)
        .put("level", level).put("high-risk-by-volume", highRiskByVolume).put("requester", requester);
    for (Approval a : approvals) {
      w.put("approver.user", a.userId()).put("approver.unit", a.unit()).put("approver.at", a.at());
    }
    return w.put("issued-at", issuedAt).put("expires-at", expiresAt).put("key-id", keyId).text();
  }

  /**
   * Tells whether the signature verifies under a key.
   *
   * @param key the approval service's verifying key
   * @return true only if the key ids match and the signature is valid
   */
  public boolean verify(VerifyingKey key) {
    return key.verifies(keyId, signature, canonicalBytes());
  }

  /**
   * Returns the text form: the canonical encoding and a {@code signature=<base64>} line.
   *
   * @return the text
   */
  public String toText() {
    return CanonicalText.signed(body(), signature);
  }

  /**
   * Parses the text form. Parsing does not verify: call {@link #verify(VerifyingKey)} (the guard does).
   *
   * @param text the text form
   * @return the ticket
   * @throws GovernanceException {@code GDS-GOV-015} if the text is not a canonical ticket
   */
  public static ApprovalTicket parse(String text) {
    try {
      return CanonicalText.parseSigned(text, FORMAT, ApprovalTicket::read, ApprovalTicket::toText);
    } catch (RuntimeException ex) {
      throw GovernanceError.TICKET_FORGED.exception("The text is not a well-formed approval ticket ("
          + ex.getClass().getSimpleName() + ": " + CanonicalText.abbreviate(ex.getMessage()) + ").", ex);
    }
  }

  private static ApprovalTicket read(CanonicalText.Entries e) {
    List<Approval> approvals = new ArrayList<>();
    for (List<String> a : e.records("approver", "approver.user", "approver.unit", "approver.at")) {
      approvals.add(new Approval(a.get(0), a.get(1), Instant.parse(a.get(2))));
    }
    return new ApprovalTicket(e.one("id"), Operation.valueOf(e.one("operation")), e.one("dataset"),
        e.one("owner-unit"), Long.parseLong(e.one("max-records")), e.one("purpose"),
        Classification.parse(e.one("level")), e.flag("high-risk-by-volume", "high-risk-by-volume"),
        e.one("requester"), approvals, Instant.parse(e.one("issued-at")), Instant.parse(e.one("expires-at")),
        e.one("key-id"), e.signature());
  }

  /**
   * Compares every component, the signature by content.
   *
   * @param o the other object
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ApprovalTicket t && t.toText().equals(toText());
  }

  @Override
  public int hashCode() {
    return toText().hashCode();
  }

  /** Returns the id, operation, dataset and expiry. */
  @Override
  public String toString() {
    return "ApprovalTicket[" + id + " " + operation + " " + dataset + " <= " + maxRecords + " records, " + level
        + ", until " + expiresAt + "]";
  }
}
