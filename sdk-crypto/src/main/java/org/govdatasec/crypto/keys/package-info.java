/**
 * Keys of govdatasec: keysets with rotation, the key hierarchy, and per-subject keys for crypto-shredding
 * (ST-2, ST-3, ST-4, DS-2, CLS-3).
 *
 * <ul>
 *   <li>{@link org.govdatasec.crypto.keys.Keyset} and {@link org.govdatasec.crypto.keys.KeysetAead}:
 *       Tink-shaped keysets (4-byte key ids, one primary, ENABLED / DISABLED / DESTROYED) and their Tink
 *       {@code Aead}, writing {@code 0x01 | keyId | nonce | SM4-GCM | tag} with the header bound into the
 *       associated data; {@link org.govdatasec.crypto.keys.Reencryptor} moves stored values to a new primary,
 *       resumably.
 *   <li>{@link org.govdatasec.crypto.keys.KeyEncryptionKey}: the KEK port (any Tink {@code Aead}), with a
 *       local {@link org.govdatasec.crypto.keys.MasterKeyFile} and a
 *       {@link org.govdatasec.crypto.keys.PassphraseKek}; {@link org.govdatasec.crypto.keys.KeysetFile}
 *       stores keysets only wrapped under it.
 *   <li>{@link org.govdatasec.crypto.keys.SubjectKeyVault}: one key per data subject, wrapped in an H2 or
 *       JDBC store, destroyed with a {@link org.govdatasec.crypto.keys.DestructionProof} and tombstoned so a
 *       restored backup cannot bring it back; it counts the subjects for the policy engine.
 * </ul>
 *
 * <p>Formats: {@code docs/formats.md} ("Ciphertext", "Keyset file", "Vault schema"). Refusals:
 * {@link org.govdatasec.crypto.CryptoException} with the {@code GDS-CRYPTO} codes of {@code docs/errors.md}.
 */
package org.govdatasec.crypto.keys;
