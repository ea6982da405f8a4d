package org.govdatasec.core.governance.destruction;

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
 * The signed record of one destruction (DS-1, DS-2): object, reason, legal basis, process, technical
 * method, approvers, time, verification result and the audit checkpoint that covers the process.
 *
 * <p>Encoding (see {@code docs/governance.md}): UTF-8 {@code key=value} lines in this fixed order:
 * {@code format=govdatasec-destruction-certificate/1}, {@code id}, {@code dataset}, {@code subject} (one
 * line per subject), {@code reason}, {@code legal-basis}, {@code level}, {@code high-risk},
 * {@code requester}, {@code approver} (one line per approver), {@code ticket}, per step {@code step.name},
 * {@code step.at}, {@code step.detail}, then {@code technical-method}, {@code verified},
 * {@code verification}, {@code audit-checkpoint}, {@code issued-at}, {@code key-id}. The SM2 signature
 * covers exactly those bytes; the text form ({@link #toText()}) appends {@code signature=<base64>}, and
 * {@link #verifyText(String, VerifyingKey)} checks a text form (the {@code govdatasec destruction verify}
 * command calls it).
 *
 * @param id the certificate id
 * @param dataset the dataset
 * @param subjects the subjects whose data was destroyed
 * @param reason the reason
 * @param legalBasis the legal basis
 * @param level the data level
 * @param highRisk whether the data was high-risk
 * @param requester who requested it
 * @param approvers who approved it
 * @param ticketId the consumed approval ticket
 * @param steps the process steps, in order
 * @param technicalMethod the technical method
 * @param verified whether destruction was verified (always true on an issued certificate)
 * @param verification what the verification checked
 * @param auditCheckpoint the audit checkpoint reference covering the process events
 * @param issuedAt when the certificate was issued
 * @param keyId the signing key's id
 * @param signature the signature over {@link #canonicalBytes()}
 */
public record DestructionCertificate(String id, String dataset, List<String> subjects, String reason,
    String legalBasis, Classification level, boolean highRisk, String requester, List<String> approvers,
    String ticketId, List<ProcessStep> steps, String technicalMethod, boolean verified, String verification,
    String auditCheckpoint, Instant issuedAt, String keyId, byte[] signature) {

  /** The format line of the encoding. */
  public static final String FORMAT = "govdatasec-destruction-certificate/1";

  /**
   * Freezes the certificate.
   *
   * @param id the id
   * @param dataset the dataset
   * @param subjects the subjects
   * @param reason the reason
   * @param legalBasis the basis
   * @param level the level
   * @param highRisk high-risk
   * @param requester the requester
   * @param approvers the approvers
   * @param ticketId the ticket
   * @param steps the steps
   * @param technicalMethod the method
   * @param verified verified
   * @param verification the verification
   * @param auditCheckpoint the checkpoint
   * @param issuedAt when
   * @param keyId the key id
   * @param signature the signature
   */
  public DestructionCertificate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dataset, "dataset");
    subjects = List.copyOf(subjects);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(legalBasis, "legalBasis");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(requester, "requester");
    approvers = List.copyOf(approvers);
    Objects.requireNonNull(ticketId, "ticketId");
    steps = List.copyOf(steps);
    Objects.requireNonNull(technicalMethod, "technicalMethod");
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(auditCheckpoint, "auditCheckpoint");
    Objects.requireNonNull(issuedAt, "issuedAt");
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
    CanonicalText.Writer w = CanonicalText.writer().put("format", FORMAT).put("id", id).put("dataset", dataset)
        .putAll("subject", subjects).put("reason", reason).put("legal-basis", legalBasis).put("level", level)
        .put("high-risk", highRisk).put("requester", requester).putAll("approver", approvers).put("ticket", ticketId);
    for (ProcessStep s : steps) {
      w.put("step.name", s.name()).put("step.at", s.at()).put("step.detail", s.detail());
    }
    return w.put("technical-method", technicalMethod).put("verified", verified).put("verification", verification)
        .put("audit-checkpoint", auditCheckpoint).put("issued-at", issuedAt).put("key-id", keyId).text();
  }

  /**
   * Tells whether the signature verifies under a key.
   *
   * @param key the destruction service's verifying key
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
   * Parses a text form without verifying it.
   *
   * @param text the text form
   * @return the certificate
   * @throws GovernanceException {@code GDS-GOV-025} if the text is not a canonical certificate
   */
  public static DestructionCertificate parse(String text) {
    try {
      return CanonicalText.parseSigned(text, FORMAT, DestructionCertificate::read, DestructionCertificate::toText);
    } catch (RuntimeException ex) {
      throw GovernanceError.CERTIFICATE_INVALID.exception("The text is not a well-formed destruction certificate ("
          + ex.getClass().getSimpleName()
          + (ex.getMessage() == null ? "" : ": " + CanonicalText.abbreviate(ex.getMessage())) + ").", ex);
    }
  }

  private static DestructionCertificate read(CanonicalText.Entries e) {
    List<ProcessStep> steps = new ArrayList<>();
    for (List<String> s : e.records("step", "step.name", "step.at", "step.detail")) {
      steps.add(new ProcessStep(s.get(0), Instant.parse(s.get(1)), s.get(2)));
    }
    return new DestructionCertificate(e.one("id"), e.one("dataset"), e.all("subject"), e.one("reason"),
        e.one("legal-basis"), Classification.parse(e.one("level")), e.flag("high-risk", "a flag"),
        e.one("requester"), e.all("approver"), e.one("ticket"), steps, e.one("technical-method"),
        e.flag("verified", "a flag"), e.one("verification"), e.one("audit-checkpoint"),
        Instant.parse(e.one("issued-at")), e.one("key-id"), e.signature());
  }

  /**
   * Parses a text form and verifies its signature: what an auditor runs on a certificate file.
   *
   * @param text the text form
   * @param key the destruction service's verifying key
   * @return the verified certificate
   * @throws GovernanceException {@code GDS-GOV-025} if the text is malformed, signed by another key, or its
   *     signature does not verify, or it does not record a verified destruction
   */
  public static DestructionCertificate verifyText(String text, VerifyingKey key) {
    DestructionCertificate c = parse(text);
    if (!c.keyId.equals(key.keyId())) {
      throw GovernanceError.CERTIFICATE_INVALID.exception("Certificate " + c.id + " was signed by key " + c.keyId
          + ", not by the given key " + key.keyId() + ".");
    }
    if (!c.verify(key)) {
      throw GovernanceError.CERTIFICATE_INVALID.exception("The signature of certificate " + c.id
          + " does not verify: the certificate or its signature was modified.");
    }
    if (!c.verified) {
      throw GovernanceError.CERTIFICATE_INVALID.exception("Certificate " + c.id + " does not record a verified"
          + " destruction.");
    }
    return c;
  }

  /**
   * Compares by text form (the signature by content).
   *
   * @param o the other object
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof DestructionCertificate c && c.toText().equals(toText());
  }

  @Override
  public int hashCode() {
    return toText().hashCode();
  }

  /** Returns the id, dataset, subject count and verification flag. */
  @Override
  public String toString() {
    return "DestructionCertificate[" + id + " " + dataset + ", " + subjects.size() + " subjects, verified="
        + verified + "]";
  }
}
