/**
 * The policy engine (CLS-2, CLS-3, CLS-5): from a type's classification, its personal information and
 * the system's scale to the {@link org.govdatasec.core.policy.Control controls} the regulations require,
 * each citing its {@link org.govdatasec.core.Requirement requirements}.
 *
 * <p>Start with {@link org.govdatasec.core.policy.PolicyEngine}; tune the table with
 * {@link org.govdatasec.core.policy.ControlPolicy}. Errors carry the {@code GDS-POL} codes of
 * {@link org.govdatasec.core.policy.PolicyError}.
 */
package org.govdatasec.core.policy;
