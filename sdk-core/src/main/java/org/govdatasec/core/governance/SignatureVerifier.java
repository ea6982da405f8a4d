package org.govdatasec.core.governance;

/**
 * The verification port for approval tickets and destruction certificates (USE-1, DS-1). sdk-crypto's
 * {@code Sm2Verifier} plugs in as {@code sm2Verifier::isValid}.
 */
@FunctionalInterface
public interface SignatureVerifier {

  /**
   * Tells whether a signature over data is valid; never throws for a bad signature.
   *
   * @param signature the signature
   * @param data the signed bytes
   * @return true only for a valid signature
   */
  boolean isValid(byte[] signature, byte[] data);
}
