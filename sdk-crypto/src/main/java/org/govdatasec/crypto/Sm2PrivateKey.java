package org.govdatasec.crypto;

import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * An SM2 private key on curve sm2p256v1, with its public key. The PKCS#8 encoding is kept as
 * {@link SecretBytes}: never printed, exported only with a {@link SecretKeyAccess} token.
 */
public final class Sm2PrivateKey implements Destroyable {
  private static final String PEM_TYPE = "PRIVATE KEY";

  private final SecretBytes pkcs8;
  private final Sm2PublicKey publicKey;

  private Sm2PrivateKey(SecretBytes pkcs8, Sm2PublicKey publicKey) {
    this.pkcs8 = pkcs8;
    this.publicKey = publicKey;
  }

  /**
   * Generates a new key pair from the platform's secure random source.
   *
   * @return the private key (its public key via {@link #publicKey()})
   */
  public static Sm2PrivateKey generate() {
    AsymmetricCipherKeyPair kp = Sm2.generate();
    return of((ECPrivateKeyParameters) kp.getPrivate(), (ECPublicKeyParameters) kp.getPublic());
  }

  private static Sm2PrivateKey of(ECPrivateKeyParameters priv, ECPublicKeyParameters pub) {
    byte[] der = Sm2.pkcs8(priv);
    try {
      return new Sm2PrivateKey(SecretBytes.copyFrom(der, SecretKeyAccess.insecure()), new Sm2PublicKey(Sm2.spki(pub)));
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /**
   * Reads a PKCS#8 DER private key.
   *
   * @param der the encoding
   * @param access the token that marks raw key handling
   * @return the key
   * @throws CryptoException {@code GDS-CRYPTO-013} if it is not an SM2 private key
   */
  public static Sm2PrivateKey fromDer(byte[] der, SecretKeyAccess access) {
    SecretKeyAccess.require(access);
    if (der == null) {
      throw CryptoError.BAD_KEY_ENCODING.exception("null bytes were given as an SM2 private key.");
    }
    ECPrivateKeyParameters priv = Sm2.parsePrivate(der);
    return of(priv, Sm2.publicOf(priv));
  }

  /**
   * Reads a PEM {@code PRIVATE KEY} block (PKCS#8, as written by {@code openssl genpkey -algorithm SM2}).
   *
   * @param pem the PEM text
   * @param access the token that marks raw key handling
   * @return the key
   * @throws CryptoException {@code GDS-CRYPTO-013} if it is not an SM2 private key
   */
  public static Sm2PrivateKey fromPem(String pem, SecretKeyAccess access) {
    byte[] der = Sm2.unpem(PEM_TYPE, pem);
    try {
      return fromDer(der, access);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /**
   * Returns the PKCS#8 DER encoding.
   *
   * @param access the token that marks raw key handling
   * @return a copy of the encoding
   */
  public byte[] toDer(SecretKeyAccess access) {
    return pkcs8.toByteArray(access);
  }

  /**
   * Returns the PKCS#8 PEM encoding.
   *
   * @param access the token that marks raw key handling
   * @return a {@code PRIVATE KEY} block
   */
  public String toPem(SecretKeyAccess access) {
    byte[] der = pkcs8.toByteArray(access);
    try {
      return Sm2.pem(PEM_TYPE, der);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /**
   * Returns the matching public key.
   *
   * @return the public key
   */
  public Sm2PublicKey publicKey() {
    return publicKey;
  }

  byte[] pkcs8() {
    return pkcs8.checked();
  }

  /** Zeroes the key material. */
  @Override
  public void destroy() {
    pkcs8.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return pkcs8.isDestroyed();
  }

  @Override
  public String toString() {
    return "Sm2PrivateKey[public " + publicKey.fingerprint() + "]";
  }
}
