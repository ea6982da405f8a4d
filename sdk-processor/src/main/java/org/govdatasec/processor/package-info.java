/**
 * The govdatasec annotation processor: compile-time enforcement of the data rules (CLS-5) and the
 * data-resource catalog (CLS-4).
 *
 * <p>Put {@code org.govdatasec:sdk-processor} on the compiler's {@code annotationProcessorPaths}; it
 * registers {@link org.govdatasec.processor.GovDataSecProcessor} as a service. The checks are the
 * {@link org.govdatasec.processor.Rule rules}; each refusal carries a
 * {@link org.govdatasec.processor.ProcessorError GDS-PROC code}. See {@code docs/processor.md}.
 */
package org.govdatasec.processor;
