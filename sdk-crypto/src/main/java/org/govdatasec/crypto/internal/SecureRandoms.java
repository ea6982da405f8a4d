package org.govdatasec.crypto.internal;

import java.security.SecureRandom;

/** The randomness source of sdk-crypto: one platform {@link SecureRandom} for nonces and keys. */
public final class SecureRandoms {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecureRandoms() {}

  /**
   * Returns the shared source.
   *
   * @return the source
   */
  public static SecureRandom get() {
    return RANDOM;
  }
}
