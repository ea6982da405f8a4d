package org.govdatasec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Properties of the authenticated ciphers (ST-2): round trip, every flipped bit or truncation rejected,
 * wrong associated data rejected, no nonce repeated, determinism exactly where documented.
 */
class AeadPropertyTest {
  private static final Sm4Gcm GCM = Sm4Gcm.create(SecretBytes.random(16));
  private static final Sm4Siv SIV = Sm4Siv.create(SecretBytes.random(32));

  @Provide
  Arbitrary<byte[]> data() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);
  }

  @Property(tries = 300, seed = "20261124")
  @Label("SM4-GCM: decrypt(encrypt(p, ad), ad) == p, and the ciphertext is |p| + 28 bytes")
  void gcmRoundTrip(@ForAll("data") byte[] p, @ForAll("data") byte[] ad) throws GeneralSecurityException {
    byte[] c = GCM.encrypt(p, ad);
    assertEquals(p.length + Sm4Gcm.OVERHEAD, c.length);
    assertArrayEquals(p, GCM.decrypt(c, ad));
  }

  @Property(tries = 300, seed = "20261125")
  @Label("SM4-GCM: any single flipped bit anywhere in the ciphertext is rejected")
  void gcmBitFlip(@ForAll("data") byte[] p, @ForAll @IntRange(min = 0, max = 100_000) int where)
      throws GeneralSecurityException {
    byte[] c = GCM.encrypt(p, new byte[0]);
    int bit = where % (c.length * 8);
    c[bit / 8] ^= (byte) (1 << (bit % 8));
    assertThrows(GeneralSecurityException.class, () -> GCM.decrypt(c, new byte[0]));
  }

  @Property(tries = 200, seed = "20261126")
  @Label("SM4-GCM: any truncation is rejected")
  void gcmTruncation(@ForAll("data") byte[] p, @ForAll @IntRange(min = 1, max = 400) int cut) {
    byte[] c = GCM.encrypt(p, null);
    byte[] t = Arrays.copyOf(c, Math.max(0, c.length - Math.min(cut, c.length)));
    assertThrows(GeneralSecurityException.class, () -> GCM.decrypt(t, null));
  }

  @Property(tries = 200, seed = "20261127")
  @Label("SM4-GCM: other associated data is rejected")
  void gcmWrongAd(@ForAll("data") byte[] p, @ForAll @Size(min = 1, max = 40) byte[] ad) {
    byte[] c = GCM.encrypt(p, ad);
    byte[] other = ad.clone();
    other[0] ^= 1;
    assertThrows(GeneralSecurityException.class, () -> GCM.decrypt(c, other));
    assertThrows(GeneralSecurityException.class, () -> GCM.decrypt(c, new byte[0]));
  }

  @Property(tries = 100, seed = "20261128")
  @Label("SM4-GCM: a value encrypted under one key never decrypts under another")
  void gcmOtherKey(@ForAll("data") byte[] p) {
    byte[] c = GCM.encrypt(p, null);
    Sm4Gcm other = Sm4Gcm.create(SecretBytes.random(16));
    assertThrows(GeneralSecurityException.class, () -> other.decrypt(c, null));
  }

  @Test
  @DisplayName("SM4-GCM: no nonce repeats over 1,000,000 encryptions (and equal plaintexts never give equal ciphertexts)")
  void noNonceRepeats() {
    Set<NonceKey> seen = new HashSet<>(2_000_000);
    byte[] p = "450103198203150311".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i < 1_000_000; i++) {
      ByteBuffer c = ByteBuffer.wrap(GCM.encrypt(p, null));
      NonceKey k = new NonceKey(c.getLong(0), c.getInt(8));
      if (!seen.add(k)) {
        throw new AssertionError("nonce repeated after " + i + " encryptions");
      }
    }
    assertEquals(1_000_000, seen.size());
  }

  private record NonceKey(long high, int low) {}

  @Property(tries = 300, seed = "20261129")
  @Label("SM4-SIV: round trip, and deterministic: equal inputs give equal ciphertexts")
  void sivRoundTripAndDeterminism(@ForAll("data") byte[] p, @ForAll("data") byte[] ad) throws GeneralSecurityException {
    byte[] c = SIV.encryptDeterministically(p, ad);
    assertArrayEquals(c, SIV.encryptDeterministically(p.clone(), ad.clone()));
    assertArrayEquals(p, SIV.decryptDeterministically(c, ad));
  }

  @Property(tries = 300, seed = "20261130")
  @Label("SM4-SIV: any flipped bit or other associated data is rejected")
  void sivTamper(@ForAll("data") byte[] p, @ForAll @IntRange(min = 0, max = 100_000) int where) {
    byte[] c = SIV.encryptDeterministically(p, new byte[] {1});
    int bit = where % (c.length * 8);
    byte[] flipped = c.clone();
    flipped[bit / 8] ^= (byte) (1 << (bit % 8));
    assertThrows(GeneralSecurityException.class, () -> SIV.decryptDeterministically(flipped, new byte[] {1}));
    assertThrows(GeneralSecurityException.class, () -> SIV.decryptDeterministically(c, new byte[] {2}));
  }

  @Property(tries = 200, seed = "20261131")
  @Label("SM4-SIV: different plaintexts give different ciphertexts")
  void sivInjective(@ForAll("data") byte[] a, @ForAll("data") byte[] b) {
    if (!Arrays.equals(a, b)) {
      assertFalse(Arrays.equals(SIV.encryptDeterministically(a, null), SIV.encryptDeterministically(b, null)));
    }
  }
}
