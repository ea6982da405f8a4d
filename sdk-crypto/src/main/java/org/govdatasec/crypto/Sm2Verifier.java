package org.govdatasec.crypto;

import com.google.crypto.tink.PublicKeyVerify;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Verifies SM2 signatures (SM3withSM2) under a public key; anyone holding the public key can check an
 * audit checkpoint, a ticket or a certificate (AU-2). Implements Tink's {@link PublicKeyVerify}.
 * Thread-safe.
 */
public final class Sm2Verifier implements PublicKeyVerify {
  private final Sm2PublicKey key;
  private final byte[] userId;
  private final CryptoProvider provider;

  private Sm2Verifier(Sm2PublicKey key, byte[] userId, CryptoProvider provider) {
    this.key = key;
    this.userId = userId;
    this.provider = provider;
  }

  /**
   * Creates a verifier with the default user id and provider.
   *
   * @param key the public key
   * @return the verifier
   */
  public static Sm2Verifier create(Sm2PublicKey key) {
    return create(key, Sm2Signer.DEFAULT_USER_ID, CryptoProvider.defaultProvider());
  }

  /**
   * Creates a verifier.
   *
   * @param key the public key
   * @param userId the signer's user id
   * @param provider the module
   * @return the verifier
   */
  public static Sm2Verifier create(Sm2PublicKey key, String userId, CryptoProvider provider) {
    if (key == null || userId == null || userId.isEmpty() || provider == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("an SM2 verifier needs a key, a non-empty user id and a provider.");
    }
    return new Sm2Verifier(key, userId.getBytes(StandardCharsets.UTF_8), provider);
  }

  /**
   * Tells whether a signature is valid.
   *
   * @param signature the DER signature
   * @param data the message
   * @return whether it verifies
   */
  public boolean isValid(byte[] signature, byte[] data) {
    return signature != null && data != null && provider.backend().sm2Verify(key.spki(), userId, data, signature);
  }

  /**
   * Verifies a signature.
   *
   * @param signature the DER signature
   * @param data the message
   * @throws GeneralSecurityException if it does not verify
   */
  @Override
  public void verify(byte[] signature, byte[] data) throws GeneralSecurityException {
    if (!isValid(signature, data)) {
      throw new GeneralSecurityException("SM2 signature does not verify");
    }
  }

  /**
   * Returns the public key.
   *
   * @return the key
   */
  public Sm2PublicKey publicKey() {
    return key;
  }

  @Override
  public String toString() {
    return "Sm2Verifier[" + key.fingerprint() + "]";
  }
}
