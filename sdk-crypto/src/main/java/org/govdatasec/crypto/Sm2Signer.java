package org.govdatasec.crypto;

import com.google.crypto.tink.PublicKeySign;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * SM2 signatures (SM3withSM2, GB/T 32918 / GB/T 35276), for audit checkpoints, approval tickets and
 * destruction certificates (AU-2, USE-1, DS-1). Signatures are DER-encoded {@code SEQUENCE {r, s}}, as
 * OpenSSL writes them. The signer's user id defaults to {@code "1234567812345678"} (GB/T 35276).
 *
 * <p>Implements Tink's {@link PublicKeySign}. Thread-safe.
 */
public final class Sm2Signer implements PublicKeySign {
  /** The default user id of GB/T 35276. */
  public static final String DEFAULT_USER_ID = "1234567812345678";

  private final Sm2PrivateKey key;
  private final byte[] userId;
  private final CryptoProvider provider;

  private Sm2Signer(Sm2PrivateKey key, byte[] userId, CryptoProvider provider) {
    this.key = key;
    this.userId = userId;
    this.provider = provider;
  }

  /**
   * Creates a signer with the default user id and provider.
   *
   * @param key the private key
   * @return the signer
   */
  public static Sm2Signer create(Sm2PrivateKey key) {
    return create(key, DEFAULT_USER_ID, CryptoProvider.defaultProvider());
  }

  /**
   * Creates a signer.
   *
   * @param key the private key
   * @param userId the signer's user id (its UTF-8 bytes enter Z<sub>A</sub>)
   * @param provider the module
   * @return the signer
   */
  public static Sm2Signer create(Sm2PrivateKey key, String userId, CryptoProvider provider) {
    if (key == null || userId == null || userId.isEmpty() || provider == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("an SM2 signer needs a key, a non-empty user id and a provider.");
    }
    return new Sm2Signer(key, userId.getBytes(StandardCharsets.UTF_8), provider);
  }

  /**
   * Returns the public key that verifies this signer's signatures.
   *
   * @return the public key
   */
  public Sm2PublicKey publicKey() {
    return key.publicKey();
  }

  /**
   * Signs.
   *
   * @param data the message
   * @return the DER signature (randomised: two signatures of one message differ)
   * @throws GeneralSecurityException if the module fails
   */
  @Override
  public byte[] sign(byte[] data) throws GeneralSecurityException {
    if (data == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("null data was given to SM2 signing.");
    }
    return provider.backend().sm2Sign(key.pkcs8(), userId, data);
  }

  @Override
  public String toString() {
    return "Sm2Signer[" + key.publicKey().fingerprint() + "]";
  }
}
