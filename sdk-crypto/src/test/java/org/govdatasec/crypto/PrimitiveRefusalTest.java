package org.govdatasec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.apache.commons.codec.binary.Hex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input to the primitives (ST-3): each refusal carries its {@code GDS-CRYPTO} code, names what was
 * refused, and never carries key material or plaintext; destroyed keys fail closed.
 */
class PrimitiveRefusalTest {

  private static CryptoException refused(String code, Executable e) {
    CryptoException ex = assertThrows(CryptoException.class, e);
    assertEquals(code, ex.code(), ex.getMessage());
    assertTrue(ex.getMessage().startsWith(code + " ["), ex.getMessage());
    assertTrue(ex.getMessage().contains("Fix: "), ex.getMessage());
    return ex;
  }

  @Test
  @DisplayName("GDS-CRYPTO-002: wrong key sizes for SM4-GCM, SM4-SIV, HMAC-SM3 and FF1")
  void wrongKeySizes() {
    assertTrue(refused("GDS-CRYPTO-002", () -> Sm4Gcm.create(SecretBytes.random(15))).getMessage().contains("15-byte"));
    refused("GDS-CRYPTO-002", () -> Sm4Gcm.create(SecretBytes.random(32)));
    refused("GDS-CRYPTO-002", () -> Sm4Siv.create(SecretBytes.random(16)));
    refused("GDS-CRYPTO-002", () -> HmacSm3.create(SecretBytes.random(8)));
    refused("GDS-CRYPTO-002", () -> HmacSm3.create(SecretBytes.random(65)));
    refused("GDS-CRYPTO-002", () -> Sm4Ff1.base36(SecretBytes.random(24)));
  }

  @Test
  @DisplayName("GDS-CRYPTO-001: null and empty keys, null plaintexts, missing access token")
  void nulls() {
    refused("GDS-CRYPTO-001", () -> Sm4Gcm.create(null));
    refused("GDS-CRYPTO-001", () -> SecretBytes.copyFrom(new byte[0], SecretKeyAccess.insecure()));
    refused("GDS-CRYPTO-001", () -> SecretBytes.copyFrom(new byte[16], null));
    refused("GDS-CRYPTO-001", () -> SecretBytes.random(16).toByteArray(null));
    refused("GDS-CRYPTO-001", () -> SecretBytes.random(0));
    Sm4Gcm gcm = Sm4Gcm.create(SecretBytes.random(16));
    refused("GDS-CRYPTO-001", () -> gcm.encrypt(null, null));
    refused("GDS-CRYPTO-001", () -> Sm4Siv.create(SecretBytes.random(32)).encryptDeterministically(null, null));
    refused("GDS-CRYPTO-001", () -> HmacSm3.create(SecretBytes.random(32)).computeMac(null));
    refused("GDS-CRYPTO-001", () -> Sm3.hash(null));
    refused("GDS-CRYPTO-001", () -> HkdfSm3.derive(SecretBytes.random(32), null, null, 0));
    refused("GDS-CRYPTO-001", () -> HkdfSm3.derive(SecretBytes.random(32), null, null, HkdfSm3.MAX_OUTPUT_BYTES + 1));
  }

  @Test
  @DisplayName("garbage, empty and truncated ciphertexts fail as GeneralSecurityException, never as partial plaintext")
  void garbageCiphertexts() {
    Sm4Gcm gcm = Sm4Gcm.create(SecretBytes.random(16));
    assertThrows(GeneralSecurityException.class, () -> gcm.decrypt(null, null));
    assertThrows(GeneralSecurityException.class, () -> gcm.decrypt(new byte[0], null));
    assertThrows(GeneralSecurityException.class, () -> gcm.decrypt(new byte[27], null));
    assertThrows(GeneralSecurityException.class, () -> gcm.decrypt(new byte[200], null));
    Sm4Siv siv = Sm4Siv.create(SecretBytes.random(32));
    assertThrows(GeneralSecurityException.class, () -> siv.decryptDeterministically(new byte[15], null));
    assertThrows(GeneralSecurityException.class, () -> siv.decryptDeterministically(new byte[40], null));
  }

  @Test
  @DisplayName("secrets never print: toString of keys and ciphers carries no key material")
  void noSecretsInToString() throws Exception {
    byte[] raw = Hex.decodeHex("00112233445566778899aabbccddeeff");
    SecretBytes key = SecretBytes.copyFrom(raw, SecretKeyAccess.insecure());
    assertEquals("SecretBytes[16 bytes]", key.toString());
    assertFalse(Sm4Gcm.create(key).toString().contains("0011"));
    Sm2PrivateKey sm2 = Sm2PrivateKey.generate();
    String pem = sm2.toPem(SecretKeyAccess.insecure());
    String body = pem.split("\n")[1];
    assertFalse(sm2.toString().contains(body.substring(0, 20)));
    assertTrue(sm2.toString().startsWith("Sm2PrivateKey[public "));
  }

  @Test
  @DisplayName("GDS-CRYPTO-008: a destroyed key is zeroed and every later use fails closed with 'destroyed'")
  void destroyedKeys() {
    SecretBytes key = SecretBytes.random(16);
    SecretBytes copy = SecretBytes.copyFrom(key.toByteArray(SecretKeyAccess.insecure()), SecretKeyAccess.insecure());
    assertTrue(key.equalsSecretBytes(copy));
    key.destroy();
    assertTrue(key.isDestroyed());
    assertEquals("SecretBytes[destroyed]", key.toString());
    refused("GDS-CRYPTO-008", () -> key.toByteArray(SecretKeyAccess.insecure()));
    refused("GDS-CRYPTO-008", () -> Sm4Gcm.create(key));
    refused("GDS-CRYPTO-008", () -> key.equalsSecretBytes(copy));
    Sm2PrivateKey sm2 = Sm2PrivateKey.generate();
    sm2.destroy();
    refused("GDS-CRYPTO-008", () -> Sm2Signer.create(sm2).sign(new byte[1]));
  }

  @Test
  @DisplayName("GDS-CRYPTO-013: SM2 keys that are not SM2, not PEM, or not keys at all are refused")
  void badSm2Keys() throws Exception {
    refused("GDS-CRYPTO-013", () -> Sm2PublicKey.fromDer(new byte[] {1, 2, 3}));
    refused("GDS-CRYPTO-013", () -> Sm2PublicKey.fromPem("not a pem"));
    refused("GDS-CRYPTO-013", () -> Sm2PublicKey.fromPem(null));
    refused("GDS-CRYPTO-013", () -> Sm2PrivateKey.fromDer(new byte[10], SecretKeyAccess.insecure()));
    Sm2PrivateKey k = Sm2PrivateKey.generate();
    // A private key PEM is not a public key PEM.
    refused("GDS-CRYPTO-013", () -> Sm2PublicKey.fromPem(k.toPem(SecretKeyAccess.insecure())));
    // A NIST P-256 key is refused: only curve sm2p256v1 is SM2.
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
    g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    java.security.KeyPair p256 = g.generateKeyPair();
    assertTrue(refused("GDS-CRYPTO-013", () -> Sm2PublicKey.fromDer(p256.getPublic().getEncoded()))
        .getMessage().contains("sm2p256v1"));
    refused("GDS-CRYPTO-013", () -> Sm2PrivateKey.fromDer(p256.getPrivate().getEncoded(), SecretKeyAccess.insecure()));
  }

  @Test
  @DisplayName("SM2: sign/verify round trip; a changed message, signature, user id or key does not verify; PEM round trip")
  void sm2RoundTripAndTamper() throws Exception {
    Sm2PrivateKey k = Sm2PrivateKey.generate();
    byte[] msg = "销毁证明 #42".getBytes(StandardCharsets.UTF_8);
    byte[] sig = Sm2Signer.create(k).sign(msg);
    Sm2Verifier v = Sm2Verifier.create(k.publicKey());
    assertTrue(v.isValid(sig, msg));
    v.verify(sig, msg);
    byte[] other = msg.clone();
    other[0] ^= 1;
    assertFalse(v.isValid(sig, other));
    byte[] badSig = sig.clone();
    badSig[badSig.length - 1] ^= 1;
    assertFalse(v.isValid(badSig, msg));
    assertThrows(GeneralSecurityException.class, () -> v.verify(badSig, msg));
    assertFalse(v.isValid(new byte[0], msg));
    assertFalse(v.isValid(null, msg));
    assertFalse(Sm2Verifier.create(Sm2PrivateKey.generate().publicKey()).isValid(sig, msg));
    assertFalse(Sm2Verifier.create(k.publicKey(), "ALICE123@YAHOO.COM", CryptoProvider.bouncyCastle()).isValid(sig, msg));

    Sm2PrivateKey again = Sm2PrivateKey.fromPem(k.toPem(SecretKeyAccess.insecure()), SecretKeyAccess.insecure());
    assertEquals(k.publicKey(), again.publicKey());
    assertTrue(v.isValid(Sm2Signer.create(again).sign(msg), msg));
    assertEquals(k.publicKey(), Sm2PublicKey.fromPem(k.publicKey().toPem()));
    assertArrayEquals(k.publicKey().toDer(), Sm2PublicKey.fromDer(k.publicKey().toDer()).toDer());
    assertEquals(32, k.publicKey().fingerprint().length());
  }

  @Test
  @DisplayName("HKDF-SM3: deterministic, separated by info and salt, any length up to 255 blocks")
  void hkdf() {
    SecretBytes ikm = SecretBytes.random(32);
    byte[] a = HkdfSm3.derive(ikm, null, "a".getBytes(StandardCharsets.UTF_8), 48).toByteArray(SecretKeyAccess.insecure());
    byte[] a2 = HkdfSm3.derive(ikm, new byte[32], "a".getBytes(StandardCharsets.UTF_8), 48).toByteArray(SecretKeyAccess.insecure());
    byte[] b = HkdfSm3.derive(ikm, null, "b".getBytes(StandardCharsets.UTF_8), 48).toByteArray(SecretKeyAccess.insecure());
    byte[] salted = HkdfSm3.derive(ikm, new byte[] {1}, "a".getBytes(StandardCharsets.UTF_8), 48)
        .toByteArray(SecretKeyAccess.insecure());
    assertArrayEquals(a, a2, "an absent salt is 32 zero bytes (RFC 5869 2.2)");
    assertFalse(java.util.Arrays.equals(a, b));
    assertFalse(java.util.Arrays.equals(a, salted));
    byte[] shortOut = HkdfSm3.derive(ikm, null, "a".getBytes(StandardCharsets.UTF_8), 20).toByteArray(SecretKeyAccess.insecure());
    assertArrayEquals(java.util.Arrays.copyOf(a, 20), shortOut, "a shorter output is a prefix of a longer one");
    assertEquals(HkdfSm3.MAX_OUTPUT_BYTES, HkdfSm3.derive(ikm, null, null, HkdfSm3.MAX_OUTPUT_BYTES).size());
  }
}
