/**
 * Field protection (ST-2, ST-3, PI-5, CLS-5): values encrypted bound to their place, policy-driven record
 * protection, and blind indexes for equality search.
 *
 * <ul>
 *   <li>{@link org.govdatasec.crypto.field.FieldCipher}: encrypt and decrypt one value for a
 *       {@link org.govdatasec.crypto.field.FieldRef} (table, column, row, subject), with a table key or
 *       per-subject keys (crypto-shredding, DS-2).
 *   <li>{@link org.govdatasec.crypto.field.EncryptedValue}: the stored value and its text form
 *       {@code gds1.<base64url>}.
 *   <li>{@link org.govdatasec.crypto.field.RecordProtector}: encrypts exactly the fields of an annotated
 *       record that sdk-core's policy engine requires encrypted at rest.
 *   <li>{@link org.govdatasec.crypto.field.BlindIndex} with
 *       {@link org.govdatasec.crypto.field.IndexNormalizer}: truncated HMAC-SM3 for equality search.
 * </ul>
 *
 * <p>Formats are in {@code docs/formats.md}; error codes {@code GDS-CRYPTO-003}, {@code -004},
 * {@code -005}, {@code -008}, {@code -017}, {@code -018} in {@code docs/errors.md}.
 */
package org.govdatasec.crypto.field;
