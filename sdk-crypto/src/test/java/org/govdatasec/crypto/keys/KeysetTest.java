package org.govdatasec.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.SecretKeyAccess;
import org.govdatasec.crypto.Sm4Gcm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Keyset lifecycle and every bad-input path of {@link Keyset} and {@link KeysetAead} (ST-2, DS-2). */
class KeysetTest {

  private static final byte[] KEY = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");

  static CryptoError code(Executable e) {
    return assertThrows(CryptoException.class, e).error();
  }

  static SecretBytes key() {
    return SecretBytes.copyFrom(KEY, SecretKeyAccess.insecure());
  }

  @Test
  @DisplayName("ST-2: the layout is 0x01 | keyId BE | Sm4Gcm output, and the header is bound as associated data")
  void layoutAndHeaderBinding() throws Exception {
    Keyset ks = Keyset.builder("layout").addKey(0x01020304, KeyStatus.ENABLED, key()).primary(0x01020304).build();
    byte[] ct = ks.aead().encrypt("黄志强".getBytes(StandardCharsets.UTF_8), "citizen/name/NN-0000001".getBytes());
    assertArrayEquals(new byte[] {1, 1, 2, 3, 4}, java.util.Arrays.copyOf(ct, 5));
    // an independent decryption: Sm4Gcm over the body with AD = header || caller AD
    Sm4Gcm gcm = Sm4Gcm.create(key());
    byte[] ad = "\u0001\u0001\u0002\u0003\u0004citizen/name/NN-0000001".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("黄志强", new String(gcm.decrypt(java.util.Arrays.copyOfRange(ct, 5, ct.length), ad),
        StandardCharsets.UTF_8));
    // without the header in the AD the tag fails: the key id cannot be swapped
    assertThrows(java.security.GeneralSecurityException.class,
        () -> gcm.decrypt(java.util.Arrays.copyOfRange(ct, 5, ct.length), "citizen/name/NN-0000001".getBytes()));
  }

  @Test
  @DisplayName("A key id swapped to another key of the keyset fails the tag (GDS-CRYPTO-003)")
  void swappedKeyIdFails() {
    Keyset ks = Keyset.builder("swap").addKey(1, KeyStatus.ENABLED, key()).addKey(2, KeyStatus.ENABLED, key())
        .primary(1).build();
    byte[] ct = ks.aead().encrypt(new byte[] {42}, null);
    ct[4] = 2; // same material under id 2: only the header binding catches it
    assertEquals(CryptoError.DECRYPTION_FAILED, code(() -> ks.aead().decrypt(ct, null)));
  }

  @Test
  @DisplayName("Bad ciphertexts: null 001, empty 004, garbage 005, short 004, unknown id 006, disabled 007")
  void badCiphertexts() {
    Keyset ks = Keyset.generate("bad").withNewPrimary();
    KeysetAead aead = ks.aead();
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> aead.decrypt(null, null)));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> aead.decrypt(new byte[0], null)));
    assertEquals(CryptoError.UNKNOWN_VERSION, code(() -> aead.decrypt("garbage-garbage-garbage-garbage-garbage".getBytes(), null)));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> aead.decrypt(new byte[] {1, 0, 0, 0, 1, 2, 3}, null)));
    byte[] unknown = Keyset.generate("other").aead().encrypt(new byte[3], null);
    CryptoException e = assertThrows(CryptoException.class, () -> aead.decrypt(unknown, null));
    assertEquals(CryptoError.UNKNOWN_KEY_ID, e.error());
    assertTrue(e.getMessage().contains(Integer.toUnsignedString(KeysetAead.keyIdOf(unknown))), e.getMessage());
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> aead.encrypt(null, null)));

    int old = ks.keys().get(0).keyId();
    Keyset disabled = ks.disable(old);
    byte[] ct = ks.withPrimary(old).aead().encrypt(new byte[] {1}, null);
    assertEquals(CryptoError.KEY_DISABLED, code(() -> disabled.aead().decrypt(ct, null)));
    assertArrayEquals(new byte[] {1}, disabled.enable(old).aead().decrypt(ct, null));
  }

  @Test
  @DisplayName("Keyset rules: one enabled primary, unique ids, 16-byte keys, destroyed stays destroyed")
  void keysetRules() {
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> Keyset.generate(null)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> Keyset.generate("has space")));
    assertEquals(CryptoError.BAD_KEYSET, code(() -> Keyset.builder("x").build()));
    assertEquals(CryptoError.BAD_KEYSET, code(() -> Keyset.builder("x").addKey(7, KeyStatus.ENABLED, key())
        .addKey(7, KeyStatus.ENABLED, key())));
    assertEquals(CryptoError.BAD_KEY_SIZE, code(() -> Keyset.builder("x")
        .addKey(7, KeyStatus.ENABLED, SecretBytes.copyFrom(new byte[15], SecretKeyAccess.insecure()))));
    assertEquals(CryptoError.BAD_KEY_SIZE, code(() -> Keyset.builder("x")
        .addKey(7, KeyStatus.ENABLED, SecretBytes.random(32))));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> Keyset.builder("x").addKey(7, KeyStatus.ENABLED, null)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> Keyset.builder("x").addKey(7, KeyStatus.DESTROYED, key())));
    assertEquals(CryptoError.BAD_KEYSET, code(() -> Keyset.builder("x").addKey(7, KeyStatus.DISABLED, key()).primary(7)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> Keyset.builder("x").keysetId("not-hex")));

    Keyset ks = Keyset.generate("rules");
    int primary = ks.primaryKeyId();
    assertEquals(CryptoError.BAD_KEYSET, code(() -> ks.disable(primary)));
    assertEquals(CryptoError.BAD_KEYSET, code(() -> ks.destroy(primary)));
    assertEquals(CryptoError.UNKNOWN_KEY_ID, code(() -> ks.destroy(primary + 1)));
    Keyset rotated = ks.withNewPrimary();
    Keyset destroyed = rotated.destroy(primary);
    assertEquals(CryptoError.KEY_DESTROYED, code(() -> destroyed.destroy(primary)));
    assertEquals(CryptoError.KEY_DESTROYED, code(() -> destroyed.enable(primary)));
    assertEquals(CryptoError.KEY_DESTROYED, code(() -> rotated.enable(primary)), "the shared material is gone");
    assertEquals(CryptoError.BAD_KEYSET, code(() -> destroyed.withPrimary(primary)));
    assertEquals(ks.id(), destroyed.id());
    assertEquals(2, destroyed.keys().size());
  }

  @Test
  @DisplayName("toString and messages never show key material or plaintext")
  void noSecretsInText() {
    SecretBytes k = key();
    Keyset ks = Keyset.builder("texts").addKey(99, KeyStatus.ENABLED, k).primary(99).build();
    String plaintext = "450103198203150311";
    byte[] ct = ks.aead().encrypt(plaintext.getBytes(), null);
    ct[ct.length - 1] ^= 1;
    CryptoException e = assertThrows(CryptoException.class, () -> ks.aead().decrypt(ct, null));
    for (String text : new String[] {ks.toString(), ks.aead().toString(), e.getMessage(), ks.keys().toString()}) {
      assertFalse(text.contains(HexFormat.of().formatHex(KEY)), text);
      assertFalse(text.contains(Base64.getEncoder().encodeToString(KEY)), text);
      assertFalse(text.contains(plaintext), text);
    }
    assertTrue(ks.toString().contains("key 99 ENABLED (primary)"), ks.toString());
  }
}
