/**
 * govdatasec sdk-crypto: the national commercial algorithms behind misuse-resistant types (ST-2, ST-3).
 *
 * <ul>
 *   <li>{@link org.govdatasec.crypto.Sm4Gcm}: SM4-GCM authenticated encryption (RFC 8998), random nonces
 *       drawn inside, never passed in; a Tink {@code Aead}.
 *   <li>{@link org.govdatasec.crypto.Sm3}, {@link org.govdatasec.crypto.HmacSm3} (a Tink {@code Mac}),
 *       {@link org.govdatasec.crypto.HkdfSm3}: hashing, keyed integrity and key derivation.
 *   <li>{@link org.govdatasec.crypto.Sm4Siv}: deterministic encryption (a Tink {@code DeterministicAead}).
 *   <li>{@link org.govdatasec.crypto.Sm4Ff1}: FF1 format-preserving encryption over SM4.
 *   <li>{@link org.govdatasec.crypto.Sm2Signer} / {@link org.govdatasec.crypto.Sm2Verifier}: SM3withSM2
 *       signatures with PEM/DER keys.
 *   <li>{@link org.govdatasec.crypto.CryptoProvider}: Bouncy Castle by default, or a certified module's
 *       JCA provider by name.
 * </ul>
 *
 * <p>Key material lives in {@link org.govdatasec.crypto.SecretBytes}: never printed, compared in constant
 * time, zeroed on destruction, read only with a {@link org.govdatasec.crypto.SecretKeyAccess} token.
 * Every refusal is a {@link org.govdatasec.crypto.CryptoException} with a {@code GDS-CRYPTO} code.
 */
package org.govdatasec.crypto;
