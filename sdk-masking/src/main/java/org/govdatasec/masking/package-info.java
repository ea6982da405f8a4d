/**
 * Masking, keyed pseudonyms, tokenisation and generalisation for the formats Chinese agency data holds,
 * the public validators of those formats, and the masked-fixture pipeline for testers (PI-5, USE-5).
 *
 * <p>Entry points: {@link org.govdatasec.masking.Masker} (one value), {@link org.govdatasec.masking.RecordMasker}
 * (a record annotated with sdk-core's {@code @PersonalInfo}), {@code FixturePipeline}
 * (CSV / JSON Lines files driven by a {@code MaskSpec}), and
 * {@link org.govdatasec.masking.Validators}. Every refusal is a {@link org.govdatasec.masking.MaskingException}
 * with a {@code GDS-MASK-nnn} code.
 */
package org.govdatasec.masking;
