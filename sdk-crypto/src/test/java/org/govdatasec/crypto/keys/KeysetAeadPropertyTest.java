package org.govdatasec.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.internal.keys.Framing;

/**
 * Properties of {@link KeysetAead} over generated input (ST-2, DS-2): round trips, tampering, associated
 * data, rotation and destruction.
 */
class KeysetAeadPropertyTest {

  private static final Keyset KEYSET = Keyset.generate("prop-test").withNewPrimary();
  private static final KeysetAead AEAD = KEYSET.aead();

  @Property(tries = 200, seed = "20261124")
  void roundTrip(@ForAll @Size(max = 300) byte[] plaintext, @ForAll @Size(max = 64) byte[] ad) {
    byte[] ct = AEAD.encrypt(plaintext, ad);
    assertEquals(Framing.VERSION, ct[0]);
    assertEquals(KEYSET.primaryKeyId(), KeysetAead.keyIdOf(ct));
    assertEquals(Framing.HEADER_BYTES + Sm4Gcm.OVERHEAD + plaintext.length, ct.length);
    assertArrayEquals(plaintext, AEAD.decrypt(ct, ad));
    assertFalse(AEAD.needsReencryption(ct));
  }

  @Property(tries = 300, seed = "20261125")
  void anyFlippedBitIsRejected(@ForAll @Size(max = 100) byte[] plaintext, @ForAll @Size(max = 16) byte[] ad,
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll @IntRange(min = 0, max = 7) int bit) {
    byte[] ct = AEAD.encrypt(plaintext, ad);
    int i = position % ct.length;
    ct[i] ^= (byte) (1 << bit);
    CryptoException e = assertThrows(CryptoException.class, () -> AEAD.decrypt(ct, ad));
    CryptoError expected = i == 0 ? CryptoError.UNKNOWN_VERSION
        : i < Framing.HEADER_BYTES ? CryptoError.UNKNOWN_KEY_ID : CryptoError.DECRYPTION_FAILED;
    // a flipped key-id bit may land on the keyset's other key: then the tag fails instead
    if (i > 0 && i < Framing.HEADER_BYTES && KEYSET.key(KeysetAead.keyIdOf(ct)).isPresent()) {
      expected = CryptoError.DECRYPTION_FAILED;
    }
    assertEquals(expected, e.error());
  }

  @Property(tries = 200, seed = "20261126")
  void anyTruncationIsRejected(@ForAll @Size(max = 100) byte[] plaintext,
      @ForAll @IntRange(min = 1, max = 10_000) int cut) {
    byte[] ct = AEAD.encrypt(plaintext, null);
    int keep = ct.length - 1 - (cut % ct.length);
    byte[] truncated = Arrays.copyOf(ct, keep);
    CryptoException e = assertThrows(CryptoException.class, () -> AEAD.decrypt(truncated, null));
    CryptoError expected = keep < Framing.MIN_BYTES ? CryptoError.MALFORMED_CIPHERTEXT : CryptoError.DECRYPTION_FAILED;
    assertEquals(expected, e.error());
  }

  @Property(tries = 200, seed = "20261127")
  void wrongAssociatedDataIsRejected(@ForAll @Size(max = 50) byte[] plaintext, @ForAll @Size(max = 32) byte[] ad,
      @ForAll @Size(max = 32) byte[] other) {
    byte[] ct = AEAD.encrypt(plaintext, ad);
    if (Arrays.equals(ad, other)) {
      assertArrayEquals(plaintext, AEAD.decrypt(ct, other));
    } else {
      assertEquals(CryptoError.DECRYPTION_FAILED,
          assertThrows(CryptoException.class, () -> AEAD.decrypt(ct, other)).error());
    }
  }

  @Property(tries = 40, seed = "20261128")
  void afterAnyRotationsOldDataDecryptsAndNewDataUsesTheNewPrimary(@ForAll @IntRange(min = 1, max = 6) int rotations,
      @ForAll @Size(max = 40) byte[] plaintext) {
    Keyset ks = Keyset.generate("rotation");
    List<byte[]> old = new ArrayList<>();
    for (int r = 0; r < rotations; r++) {
      old.add(ks.aead().encrypt(plaintext, "row-1".getBytes()));
      ks = ks.withNewPrimary();
    }
    KeysetAead now = ks.aead();
    assertEquals(rotations + 1, ks.keys().size());
    for (byte[] c : old) {
      assertTrue(now.needsReencryption(c));
      assertArrayEquals(plaintext, now.decrypt(c, "row-1".getBytes()));
      byte[] re = now.reencrypt(c, "row-1".getBytes());
      assertEquals(ks.primaryKeyId(), KeysetAead.keyIdOf(re));
      assertFalse(now.needsReencryption(re));
      assertTrue(re == now.reencrypt(re, "row-1".getBytes()), "re-encrypting twice is a no-op");
      assertArrayEquals(plaintext, now.decrypt(re, "row-1".getBytes()));
    }
    byte[] fresh = now.encrypt(plaintext, null);
    assertEquals(ks.primaryKeyId(), KeysetAead.keyIdOf(fresh));
  }

  @Property(tries = 40, seed = "20261129")
  void destroyedKeyNeverDecryptsAndSaysDestroyed(@ForAll @Size(max = 40) byte[] plaintext,
      @ForAll @Size(max = 8) byte[] ad) {
    Keyset ks = Keyset.generate("shred");
    KeysetAead before = ks.aead();
    byte[] ct = before.encrypt(plaintext, ad);
    int oldId = ks.primaryKeyId();
    Keyset after = ks.withNewPrimary().destroy(oldId);
    assertEquals(KeyStatus.DESTROYED, after.key(oldId).orElseThrow().status());
    for (KeysetAead a : List.of(after.aead(), before)) { // also the earlier value: its material is zeroed
      CryptoException e = assertThrows(CryptoException.class, () -> a.decrypt(ct, ad));
      assertEquals(CryptoError.KEY_DESTROYED, e.error());
      assertEquals("GDS-CRYPTO-008", e.code());
    }
    // a tampered value under a destroyed key is still "destroyed": there is nothing left to check it with
    byte[] tampered = ct.clone();
    tampered[tampered.length - 1] ^= 1;
    assertEquals(CryptoError.KEY_DESTROYED,
        assertThrows(CryptoException.class, () -> after.aead().decrypt(tampered, ad)).error());
  }

  @Property(tries = 50, seed = "20261130")
  void keyIdsAreUniqueAndNonZero(@ForAll @IntRange(min = 1, max = 30) int rotations) {
    Keyset ks = Keyset.generate("ids");
    for (int i = 0; i < rotations; i++) {
      ks = ks.withNewPrimary();
    }
    Set<Integer> ids = new java.util.HashSet<>();
    ks.keys().forEach(k -> assertTrue(ids.add(k.keyId()) && k.keyId() != 0));
    assertEquals(1, ks.keys().stream().filter(KeyInfo::primary).count());
  }
}
