package org.govdatasec.crypto;

import org.govdatasec.core.ErrorCode;
import org.govdatasec.core.Requirement;

/**
 * The {@code GDS-CRYPTO} error codes: refused keys, values and ciphertexts of sdk-crypto.
 *
 * <p>Every message names what was refused (a key id, a key size, a column) and never the secret
 * material or the plaintext.
 */
public enum CryptoError implements ErrorCode {
  /** A null or otherwise unusable argument. */
  INVALID_ARGUMENT("GDS-CRYPTO-001", "Pass a non-null value of the documented form.", Requirement.ST_3),
  /** A key of the wrong size for its algorithm. */
  BAD_KEY_SIZE("GDS-CRYPTO-002",
      "Use a key of the size the algorithm needs (SM4: 16 bytes; HMAC-SM3: at least 16 bytes); generate keys with the SDK.",
      Requirement.ST_3),
  /** A ciphertext failed authentication: modified, truncated, or bound to another place. */
  DECRYPTION_FAILED("GDS-CRYPTO-003",
      "The value was modified, truncated, copied from another row or column, or encrypted under another key. "
          + "Restore it from a trusted copy; never use its content.",
      Requirement.ST_2),
  /** A ciphertext too short or malformed to be one of ours. */
  MALFORMED_CIPHERTEXT("GDS-CRYPTO-004",
      "Pass a value produced by govdatasec (binary form, or its text form beginning with the version prefix).",
      Requirement.ST_2),
  /** A ciphertext whose format version this library does not know. */
  UNKNOWN_VERSION("GDS-CRYPTO-005",
      "The value was written by a newer or different format; upgrade govdatasec or check the column's content.",
      Requirement.ST_2),
  /** A ciphertext names a key id that the keyset does not hold. */
  UNKNOWN_KEY_ID("GDS-CRYPTO-006",
      "Load the keyset that encrypted this value; keys are never deleted from a keyset while data under them exists.",
      Requirement.ST_2),
  /** A ciphertext names a key that was disabled. */
  KEY_DISABLED("GDS-CRYPTO-007", "Enable the key again, or re-encrypt the data under the primary key first.",
      Requirement.ST_2),
  /** A key was destroyed: data under it is gone by design (crypto-shredding). */
  KEY_DESTROYED("GDS-CRYPTO-008",
      "Nothing to fix: the key was destroyed on purpose (DS-2) and data under it can never be decrypted again.",
      Requirement.DS_2),
  /** A keyset that is not usable: no primary, duplicate ids, a primary that is not enabled. */
  BAD_KEYSET("GDS-CRYPTO-009",
      "A keyset needs exactly one ENABLED primary key and unique key ids; build it with Keyset.builder().",
      Requirement.ST_2),
  /** A key file or master-key file that is unsafe or unreadable. */
  UNSAFE_KEY_FILE("GDS-CRYPTO-010",
      "Make the key file readable and writable by its owner only (chmod 600) and its folder not writable by others.",
      Requirement.ST_3),
  /** A wrapped key could not be unwrapped under the key-encryption key. */
  UNWRAP_FAILED("GDS-CRYPTO-011",
      "The key-encryption key does not match the one that wrapped this key, or the wrapped key was modified.",
      Requirement.ST_2, Requirement.ST_3),
  /** A value that a format-preserving cipher cannot take. */
  BAD_FPE_INPUT("GDS-CRYPTO-012",
      "Pass only characters of the cipher's alphabet, at least 6 of them for radix 10 and 4 for radix 36.",
      Requirement.PI_5),
  /** A signature or key in PEM/DER that cannot be read. */
  BAD_KEY_ENCODING("GDS-CRYPTO-013",
      "Pass an SM2 key in PKCS#8 (private) or X.509 SubjectPublicKeyInfo (public) DER or PEM, on curve sm2p256v1.",
      Requirement.ST_3),
  /** A signature did not verify. */
  SIGNATURE_INVALID("GDS-CRYPTO-014",
      "The signed content or the signature was modified, or the wrong public key was used.",
      Requirement.ST_2, Requirement.AU_2),
  /** The chosen cryptographic provider cannot serve an algorithm. */
  PROVIDER_UNAVAILABLE("GDS-CRYPTO-015",
      "Install and register the named JCA provider, or use the default Bouncy Castle provider.",
      Requirement.ST_3),
  /** The key vault store failed or refused an operation. */
  VAULT_FAILURE("GDS-CRYPTO-016",
      "Check the vault's JDBC URL, credentials and disk; the operation was not applied.",
      Requirement.ST_2, Requirement.DS_2),
  /** A field of a record could not be protected or revealed under the policy. */
  FIELD_PROTECTION("GDS-CRYPTO-017",
      "Protect only String fields (or fields with a registered codec) and give each record its subject id.",
      Requirement.ST_2, Requirement.PI_5),
  /** A blind-index configuration that leaks or is useless. */
  BAD_BLIND_INDEX("GDS-CRYPTO-018",
      "Choose a bit length from 8 to 256 (see BlindIndex.suggestBits for the expected row count) and a unique index name.",
      Requirement.ST_2),
  /** A passphrase-derived key-encryption key with unsafe parameters. */
  WEAK_PASSPHRASE_PARAMETERS("GDS-CRYPTO-019",
      "Use at least 100,000 PBKDF2-HMAC-SM3 iterations, a 16-byte salt and a passphrase of 12 characters or more.",
      Requirement.ST_3),
  /** A JPA converter was used before a field cipher was configured for it. */
  FIELD_CIPHER_NOT_CONFIGURED("GDS-CRYPTO-020",
      "Call GovDataSecJpa.configure(fieldCipher) at start-up, before the persistence unit reads or writes an entity.",
      Requirement.ST_2, Requirement.PI_5);

  private final Spec spec;

  CryptoError(String code, String fix, Requirement... requirements) {
    this.spec = Spec.of(code, fix, requirements);
  }

  @Override
  public Spec spec() {
    return spec;
  }

  /**
   * Creates an exception of this kind.
   *
   * @param refused what was refused, naming the element concerned but never secret material
   * @return the exception, to be thrown
   */
  public CryptoException exception(String refused) {
    return new CryptoException(this, refused, null);
  }

  /**
   * Creates an exception of this kind with a cause.
   *
   * @param refused what was refused, naming the element concerned but never secret material
   * @param cause the underlying cause; its message must not carry secrets either
   * @return the exception, to be thrown
   */
  public CryptoException exception(String refused, Throwable cause) {
    return new CryptoException(this, refused, cause);
  }
}
