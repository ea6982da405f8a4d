package org.govdatasec.core.governance;

/**
 * A signature verifier with the identifier of its key (USE-1, DS-1). With sdk-crypto:
 * {@code new VerifyingKey(pub.fingerprint(), Sm2Verifier.create(pub)::isValid)}.
 *
 * @param keyId the key identifier, as written by the matching {@link SigningKey}
 * @param verifier the verifier
 */
public record VerifyingKey(String keyId, SignatureVerifier verifier) {

  /**
   * Validates the key.
   *
   * @param keyId the key identifier
   * @param verifier the verifier
   * @throws GovernanceException {@code GDS-GOV-020} for a missing or malformed key id or a missing verifier
   */
  public VerifyingKey {
    SigningKey.checkKeyId(keyId);
    if (verifier == null) {
      throw GovernanceError.SIGNING_FAILED.exception("A verifying key without a verifier was given.");
    }
  }

  /**
   * Verifies a signature made by the key with this identifier.
   *
   * @param signedKeyId the key id written in the signed document
   * @param signature the signature
   * @param data the signed bytes
   * @return true only if the key ids match and the signature is valid
   */
  public boolean verifies(String signedKeyId, byte[] signature, byte[] data) {
    if (!keyId.equals(signedKeyId) || signature == null || data == null) {
      return false;
    }
    try {
      return verifier.isValid(signature.clone(), data.clone());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
