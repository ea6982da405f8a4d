package org.govdatasec.core.governance;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.govdatasec.core.audit.Actor;

/**
 * A member of staff acting in the governance flows: who they are, which unit they belong to and which
 * {@linkplain Role roles} they hold (USE-1, USE-6).
 *
 * @param userId the staff account id, 1 to 128 printable characters
 * @param name the display name
 * @param unit the unit (department) the official belongs to
 * @param roles the roles held, at least one
 */
public record Official(String userId, String name, String unit, Set<Role> roles) {

  /**
   * Validates the official.
   *
   * @param userId the staff account id
   * @param name the display name
   * @param unit the unit
   * @param roles the roles
   * @throws GovernanceException {@code GDS-GOV-011} if a value is missing
   */
  public Official {
    if (userId == null || userId.isBlank() || userId.length() > 128 || name == null || name.isBlank()
        || unit == null || unit.isBlank() || roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
      throw GovernanceError.BAD_APPROVAL_REQUEST.exception(
          "An official needs a user id (at most 128 characters), a name, a unit and at least one role.");
    }
    roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
  }

  /**
   * Creates an official.
   *
   * @param userId the staff account id
   * @param name the display name
   * @param unit the unit
   * @param first a role
   * @param more further roles
   * @return the official
   */
  public static Official of(String userId, String name, String unit, Role first, Role... more) {
    return new Official(userId, name, unit, EnumSet.of(first, more));
  }

  /**
   * Tells whether the official holds a role.
   *
   * @param role the role
   * @return true if held
   */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * Returns the official as an audit actor.
   *
   * @param system the system acted through, or {@code null}
   * @return the actor, with the official's roles and unit
   */
  public Actor actor(String system) {
    return new Actor(userId, roles.stream().map(Role::name).reduce((a, b) -> a + "+" + b).orElse(null), unit, system);
  }
}
