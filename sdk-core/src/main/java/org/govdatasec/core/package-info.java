/**
 * govdatasec core: what every other module shares.
 *
 * <ul>
 *   <li>{@link org.govdatasec.core.annotation}: annotations an agency puts on its records;</li>
 *   <li>{@link org.govdatasec.core.classification}: levels, personal-information categories and the
 *       schema of an annotated type;</li>
 *   <li>{@link org.govdatasec.core.policy}: the policy engine that turns a type's classification and the
 *       system's scale into the controls the regulations require.</li>
 * </ul>
 *
 * <p>Errors are {@link org.govdatasec.core.GovDataSecException}s with a stable
 * {@link org.govdatasec.core.ErrorCode} and the {@link org.govdatasec.core.Requirement} they enforce.
 * Nothing in {@code org.govdatasec.core.internal} is API.
 */
package org.govdatasec.core;
