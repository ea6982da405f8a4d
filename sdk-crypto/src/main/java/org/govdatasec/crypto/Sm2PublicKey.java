package org.govdatasec.crypto;

import java.util.Arrays;
import org.apache.commons.codec.binary.Hex;

/**
 * An SM2 public key on curve sm2p256v1 (GB/T 32918), held as its X.509 SubjectPublicKeyInfo encoding.
 *
 * <p>Immutable; equal when the encodings are equal. Imported keys are checked to be on the SM2 curve.
 */
public final class Sm2PublicKey {
  private static final String PEM_TYPE = "PUBLIC KEY";

  private final byte[] spki;

  Sm2PublicKey(byte[] spki) {
    this.spki = spki;
  }

  /**
   * Reads a DER-encoded SubjectPublicKeyInfo.
   *
   * @param der the encoding
   * @return the key
   * @throws CryptoException {@code GDS-CRYPTO-013} if it is not an SM2 public key
   */
  public static Sm2PublicKey fromDer(byte[] der) {
    if (der == null) {
      throw CryptoError.BAD_KEY_ENCODING.exception("null bytes were given as an SM2 public key.");
    }
    return new Sm2PublicKey(Sm2.spki(Sm2.parsePublic(der)));
  }

  /**
   * Reads a PEM {@code PUBLIC KEY} block (as written by {@code openssl pkey -pubout}).
   *
   * @param pem the PEM text
   * @return the key
   * @throws CryptoException {@code GDS-CRYPTO-013} if it is not an SM2 public key
   */
  public static Sm2PublicKey fromPem(String pem) {
    return fromDer(Sm2.unpem(PEM_TYPE, pem));
  }

  /**
   * Returns the DER encoding.
   *
   * @return a copy of the SubjectPublicKeyInfo
   */
  public byte[] toDer() {
    return spki.clone();
  }

  /**
   * Returns the PEM encoding.
   *
   * @return a {@code PUBLIC KEY} block
   */
  public String toPem() {
    return Sm2.pem(PEM_TYPE, spki);
  }

  /**
   * Returns a short fingerprint for identifying the key in logs and certificates: the first 16 bytes of
   * SM3 over the DER encoding, in hex.
   *
   * @return 32 hex characters
   */
  public String fingerprint() {
    return Hex.encodeHexString(Arrays.copyOf(Sm3.hash(spki), 16));
  }

  byte[] spki() {
    return spki;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sm2PublicKey k && Arrays.equals(spki, k.spki);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(spki);
  }

  @Override
  public String toString() {
    return "Sm2PublicKey[" + fingerprint() + "]";
  }
}
