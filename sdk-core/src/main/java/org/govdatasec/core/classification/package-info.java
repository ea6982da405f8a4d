/**
 * The classification model (CLS-1): {@link org.govdatasec.core.classification.DataLevel levels},
 * {@link org.govdatasec.core.classification.Classification classifications} with the GENERAL grades 1
 * to 4, {@link org.govdatasec.core.classification.PiCategory personal-information categories}, and the
 * {@link org.govdatasec.core.classification.TypeSchema schema} of an annotated type.
 *
 * <p>Errors carry the {@code GDS-CLS} codes of {@link org.govdatasec.core.classification.ClassificationError}.
 */
package org.govdatasec.core.classification;
