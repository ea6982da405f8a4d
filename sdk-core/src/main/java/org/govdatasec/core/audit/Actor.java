package org.govdatasec.core.audit;

/**
 * Who acted (USE-4 谁使用谁负责): a user with a role, in an organisation, through a system.
 *
 * @param user the user's account or staff id, required, at most {@value AuditEvent#MAX_NAME} characters
 * @param role the role the user acted in, or {@code null}
 * @param organisation the organisation (unit) of the user, or {@code null}
 * @param system the system the user acted through, or {@code null}
 */
public record Actor(String user, String role, String organisation, String system) {

  /**
   * Validates the actor.
   *
   * @param user the user
   * @param role the role
   * @param organisation the organisation
   * @param system the system
   * @throws AuditException {@code GDS-AUDIT-003} without a user, {@code GDS-AUDIT-001} for an over-long
   *     value, {@code GDS-AUDIT-002} for text that cannot be encoded
   */
  public Actor {
    user = Texts.required("actor.user", user, AuditEvent.MAX_NAME);
    role = Texts.optional("actor.role", role, AuditEvent.MAX_NAME);
    organisation = Texts.optional("actor.organisation", organisation, AuditEvent.MAX_NAME);
    system = Texts.optional("actor.system", system, AuditEvent.MAX_NAME);
  }

  /**
   * Creates an actor with only a user.
   *
   * @param user the user
   * @return the actor
   */
  public static Actor user(String user) {
    return new Actor(user, null, null, null);
  }
}
