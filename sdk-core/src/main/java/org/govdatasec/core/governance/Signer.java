package org.govdatasec.core.governance;

import java.security.GeneralSecurityException;

/**
 * The signing port for approval tickets and destruction certificates (USE-1, DS-1). sdk-core has no
 * cryptography: sdk-crypto's {@code Sm2Signer} plugs in as {@code sm2Signer::sign}.
 */
@FunctionalInterface
public interface Signer {

  /**
   * Signs data.
   *
   * @param data the bytes to sign
   * @return the signature
   * @throws GeneralSecurityException if signing fails
   */
  byte[] sign(byte[] data) throws GeneralSecurityException;
}
