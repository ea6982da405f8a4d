package org.govdatasec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The provider seam (ST-3): a JCA provider chosen by name computes the same SM4-GCM, SM3, HMAC-SM3 and
 * SM2 as the default Bouncy Castle backend, so values move between them; an unusable provider fails
 * closed; the active module is reported. Bouncy Castle's own JCE stands in for a certified module's.
 */
class ProviderTest {

  @BeforeAll
  static void register() {
    if (Security.getProvider("BC") == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  @Test
  @DisplayName("the default is Bouncy Castle's lightweight API, and it is reported")
  void defaultProvider() {
    assertSame(CryptoProvider.bouncyCastle(), CryptoProvider.defaultProvider());
    assertTrue(CryptoProvider.defaultProvider().describe().startsWith("BouncyCastle"), CryptoProvider.defaultProvider().describe());
  }

  @Test
  @DisplayName("a JCA provider by name interoperates with the default for SM4-GCM, SM3, HMAC-SM3 and SM2")
  void jcaProviderInteroperates() throws Exception {
    CryptoProvider jca = CryptoProvider.jca("BC");
    assertTrue(jca.describe().contains("(JCA)"), jca.describe());
    SecretBytes key = SecretBytes.random(16);
    byte[] ad = "citizen|id_number|NN-0000001".getBytes(StandardCharsets.UTF_8);
    byte[] pt = "450103198203150311".getBytes(StandardCharsets.US_ASCII);
    Sm4Gcm viaJca = Sm4Gcm.create(key, jca);
    Sm4Gcm viaBc = Sm4Gcm.create(key);
    assertArrayEquals(pt, viaBc.decrypt(viaJca.encrypt(pt, ad), ad));
    assertArrayEquals(pt, viaJca.decrypt(viaBc.encrypt(pt, ad), ad));
    byte[] tampered = viaBc.encrypt(pt, ad);
    tampered[20] ^= 1;
    assertThrows(java.security.GeneralSecurityException.class, () -> viaJca.decrypt(tampered, ad));

    assertArrayEquals(Sm3.newHasher().update(pt).digest(), Sm3.newHasher(jca).update(pt).digest());
    SecretBytes macKey = SecretBytes.random(32);
    assertArrayEquals(HmacSm3.create(macKey).computeMac(pt), HmacSm3.create(macKey, jca).computeMac(pt));

    Sm2PrivateKey sm2 = Sm2PrivateKey.generate();
    byte[] sig = Sm2Signer.create(sm2, Sm2Signer.DEFAULT_USER_ID, jca).sign(pt);
    assertTrue(Sm2Verifier.create(sm2.publicKey()).isValid(sig, pt));
    byte[] sig2 = Sm2Signer.create(sm2).sign(pt);
    assertTrue(Sm2Verifier.create(sm2.publicKey(), Sm2Signer.DEFAULT_USER_ID, jca).isValid(sig2, pt));
    // A non-default user id is honoured through the provider too.
    byte[] sig3 = Sm2Signer.create(sm2, "caseworker@nanning", jca).sign(pt);
    assertTrue(Sm2Verifier.create(sm2.publicKey(), "caseworker@nanning", CryptoProvider.bouncyCastle()).isValid(sig3, pt));
  }

  @Test
  @DisplayName("GDS-CRYPTO-015: an unregistered provider is refused, not silently replaced")
  void unknownProvider() {
    CryptoException e = assertThrows(CryptoException.class, () -> CryptoProvider.jca("NoSuchProvider"));
    assertEquals("GDS-CRYPTO-015", e.code());
    assertTrue(e.getMessage().contains("NoSuchProvider"));
    // SunJCE is registered but has no SM algorithms.
    assertEquals("GDS-CRYPTO-015", assertThrows(CryptoException.class, () -> CryptoProvider.jca("SunJCE")).code());
    assertEquals("GDS-CRYPTO-001", assertThrows(CryptoException.class, () -> CryptoProvider.jca(" ")).code());
  }
}
