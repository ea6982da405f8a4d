package org.govdatasec.core.audit;

/**
 * The chain of responsibility for data that moves (USE-4: 谁提供谁负责, 谁流转谁负责, 谁使用谁负责).
 *
 * @param provider the unit that provided the data, or {@code null}
 * @param transferor the unit that transferred it, or {@code null}
 * @param recipient the unit that received it, or {@code null}
 */
public record Parties(String provider, String transferor, String recipient) {

  /** No parties named. */
  public static final Parties NONE = new Parties(null, null, null);

  /**
   * Validates the parties.
   *
   * @param provider the provider
   * @param transferor the transferor
   * @param recipient the recipient
   * @throws AuditException {@code GDS-AUDIT-001} for an over-long name, {@code GDS-AUDIT-002} for bad text
   */
  public Parties {
    provider = Texts.optional("parties.provider", provider, AuditEvent.MAX_NAME);
    transferor = Texts.optional("parties.transferor", transferor, AuditEvent.MAX_NAME);
    recipient = Texts.optional("parties.recipient", recipient, AuditEvent.MAX_NAME);
  }
}
