package org.govdatasec.core.governance;

import java.util.Objects;

/**
 * A signer with the identifier of its key, written into what it signs so that verifiers pick the right
 * public key (USE-1, DS-1). With sdk-crypto:
 * {@code new SigningKey(priv.publicKey().fingerprint(), Sm2Signer.create(priv)::sign)}.
 *
 * @param keyId the key identifier, for example the SM2 public key's fingerprint; 1 to 128 printable
 *     characters without spaces
 * @param signer the signer
 */
public record SigningKey(String keyId, Signer signer) {

  /**
   * Validates the key.
   *
   * @param keyId the key identifier
   * @param signer the signer
   * @throws GovernanceException {@code GDS-GOV-020} for a missing or malformed key id or a missing signer
   */
  public SigningKey {
    checkKeyId(keyId);
    if (signer == null) {
      throw GovernanceError.SIGNING_FAILED.exception("A signing key without a signer was given.");
    }
  }

  static void checkKeyId(String keyId) {
    if (keyId == null || !keyId.matches("[\\x21-\\x7e]{1,128}")) {
      throw GovernanceError.SIGNING_FAILED.exception(
          "A key id must be 1 to 128 printable ASCII characters without spaces.");
    }
  }

  @Override
  public String toString() {
    return "SigningKey[" + keyId + "]";
  }

  /**
   * Returns the signer (never part of {@link #toString()}).
   *
   * @return the signer
   */
  @Override
  public Signer signer() {
    return Objects.requireNonNull(signer);
  }
}
