package org.govdatasec.crypto;

import org.govdatasec.core.GovDataSecException;

/**
 * A refusal of sdk-crypto ({@code GDS-CRYPTO-nnn}).
 *
 * <p>Messages name the key id, column or size concerned, never key material or plaintext. A value that
 * fails to decrypt yields no partial plaintext.
 */
public final class CryptoException extends GovDataSecException {
  private static final long serialVersionUID = 1L;

  CryptoException(CryptoError code, String refused, Throwable cause) {
    super(code, refused, null, cause);
  }

  /**
   * Returns the error as its enum constant.
   *
   * @return the error
   */
  public CryptoError error() {
    return (CryptoError) errorCode();
  }
}
