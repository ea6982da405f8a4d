/**
 * The annotations an agency developer puts on records and classes: {@link
 * org.govdatasec.core.annotation.Classified @Classified} (level and grade), {@link
 * org.govdatasec.core.annotation.PersonalInfo @PersonalInfo} (personal-information categories) and
 * {@link org.govdatasec.core.annotation.DataSubjectId @DataSubjectId} (whose data it is).
 *
 * <p>They are read at run time ({@link org.govdatasec.core.classification.Schemas}) and at compile time
 * by the govdatasec annotation processor; both apply the same {@code GDS-CLS} rules.
 */
package org.govdatasec.core.annotation;
