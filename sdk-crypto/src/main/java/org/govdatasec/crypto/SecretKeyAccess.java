package org.govdatasec.crypto;

/**
 * A token that marks each place where code reads or creates raw key material.
 *
 * <p>Key bytes leave a {@link SecretBytes} only through a method that takes this token, so a review can
 * find every such place by searching for {@code SecretKeyAccess.insecure()} (ST-3). Application code
 * should never need it: keysets, the vault and the field cipher handle keys for you.
 */
public final class SecretKeyAccess {
  private static final SecretKeyAccess INSTANCE = new SecretKeyAccess();

  private SecretKeyAccess() {}

  /**
   * Returns the token. Call it only where raw key material must be handled (import, export, wrapping).
   *
   * @return the token
   */
  public static SecretKeyAccess insecure() {
    return INSTANCE;
  }

  static void require(SecretKeyAccess access) {
    if (access == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("raw key material was requested without a SecretKeyAccess token.");
    }
  }
}
