package org.govdatasec.crypto.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.codec.binary.Hex;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.SecretKeyAccess;
import org.govdatasec.crypto.Sm4Gcm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** ST-2, PI-5: field encryption's formats, null handling and every refusal, with its code. */
class FieldCipherTest {

  private static final byte[] KEY = hex("0123456789abcdeffedcba9876543210");
  private static final FieldCipher CIPHER =
      FieldCipher.builder().aead(Sm4Gcm.create(SecretBytes.copyFrom(KEY, SecretKeyAccess.insecure()))).build();
  private static final FieldRef WHERE = FieldRef.row("citizen", "id_number", "NN-0000001");
  private static final String ID = "450103198203150311";

  static byte[] hex(String s) {
    try {
      return Hex.decodeHex(s);
    } catch (org.apache.commons.codec.DecoderException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static CryptoError code(Executable e) {
    return assertThrows(CryptoException.class, e).error();
  }

  @Test
  @DisplayName("Associated data: tag, then length-prefixed table, column, row key and subject id (docs/formats.md)")
  void associatedDataKnownAnswer() {
    String expected = Hex.encodeHexString("govdatasec/field/v1".getBytes(StandardCharsets.US_ASCII))
        + "00000007" + Hex.encodeHexString("citizen".getBytes(StandardCharsets.US_ASCII))
        + "00000009" + Hex.encodeHexString("id_number".getBytes(StandardCharsets.US_ASCII))
        + "00000002" + "3432"
        + "00000006" + "e9bb84e5bf97"; // 黄志 in UTF-8
    assertEquals(expected, Hex.encodeHexString(new FieldRef("citizen", "id_number", "42", "黄志").associatedData()));
    assertEquals(Hex.encodeHexString("govdatasec/field/v1".getBytes(StandardCharsets.US_ASCII))
        + "0000000174" + "0000000163" + "00000000" + "00000000",
        Hex.encodeHexString(FieldRef.column("t", "c").associatedData()));
  }

  @Test
  @DisplayName("An independent SM4-GCM (raw Bouncy Castle) with the documented AD produces what reveal reads")
  void independentImplementationInterop() throws Exception {
    byte[] nonce = hex("00112233445566778899aabb");
    GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
    gcm.init(true, new AEADParameters(new KeyParameter(KEY), 128, nonce, WHERE.associatedData()));
    byte[] pt = ID.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[gcm.getOutputSize(pt.length)];
    gcm.doFinal(out, gcm.processBytes(pt, 0, pt.length, out, 0));
    byte[] stored = new byte[12 + out.length];
    System.arraycopy(nonce, 0, stored, 0, 12);
    System.arraycopy(out, 0, stored, 12, out.length);
    String text = "gds1." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
    assertEquals(ID, CIPHER.revealText(WHERE, text));
    assertEquals(67, text.length(), "an ID number takes 67 characters under Sm4Gcm");
  }

  @Test
  @DisplayName("null stays null (never the text \"null\"); the empty string round-trips")
  void nullAndEmpty() {
    assertNull(CIPHER.protect(WHERE, null));
    assertNull(CIPHER.protectBytes(WHERE, null));
    assertNull(CIPHER.protectToText(WHERE, null));
    assertNull(CIPHER.reveal(WHERE, null));
    assertNull(CIPHER.revealText(WHERE, null));
    assertNull(CIPHER.revealBytes(WHERE, null));
    EncryptedValue empty = CIPHER.protect(WHERE, "");
    assertEquals(Sm4Gcm.OVERHEAD, empty.length());
    assertEquals("", CIPHER.reveal(WHERE, empty));
  }

  @Test
  @DisplayName("toString never shows the whole ciphertext, the row key or the subject id")
  void toStringsHideSecrets() {
    EncryptedValue v = CIPHER.protect(WHERE, ID);
    assertTrue(v.toString().startsWith("EncryptedValue[gds1."), v.toString());
    assertFalse(v.toString().contains(v.toText().substring(5, 20)), v.toString());
    FieldRef ref = new FieldRef("citizen", "id_number", "NN-0000001", "450103198203150311");
    assertEquals("FieldRef[citizen.id_number, row bound, subject bound]", ref.toString());
    assertEquals("FieldCipher[TABLE_KEY]", CIPHER.toString());
  }

  @Test
  @DisplayName("GDS-CRYPTO-004/005: the text form refuses anything but canonical gds1.<base64url>")
  void parseRefusals() {
    String good = CIPHER.protectToText(WHERE, ID);
    String body = good.substring(5);
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse(null)));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse("")));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse(ID)));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse("GDS1." + body)));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse("gds." + body)));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse("gds1.")));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse("gds1.AAAA")));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse(good + "=")));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse(good + "==")));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse(" " + good)));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse(good + "\n")));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT,
        code(() -> EncryptedValue.parse("gds1." + body.substring(0, 10) + " " + body.substring(10))));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT,
        code(() -> EncryptedValue.parse("gds1." + body.replace('-', '+').replace('_', '/') + "+")));
    assertEquals(CryptoError.UNKNOWN_VERSION, code(() -> EncryptedValue.parse("gds2." + body)));
    assertEquals(CryptoError.UNKNOWN_VERSION, code(() -> EncryptedValue.parse("gds10." + body)));
    assertEquals(CryptoError.UNKNOWN_VERSION, code(() -> EncryptedValue.parse("gds0.x")));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> new EncryptedValue(new byte[27])));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> new EncryptedValue(null)));
    assertTrue(EncryptedValue.looksEncrypted("gds7.x"));
    assertFalse(EncryptedValue.looksEncrypted("gds.x"));
    assertFalse(EncryptedValue.looksEncrypted(null));
  }

  @Test
  @DisplayName("A non-canonical last character (unused bits set) is refused, so one value has one text form")
  void canonicalBase64Only() {
    EncryptedValue v = CIPHER.protect(WHERE, "1"); // 29 bytes: the last character carries 4 unused bits
    String text = v.toText();
    char last = text.charAt(text.length() - 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
    String other = text.substring(0, text.length() - 1) + sibling;
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> EncryptedValue.parse(other)));
    assertEquals(v, EncryptedValue.parse(text));
  }

  @Test
  @DisplayName("GDS-CRYPTO-001: bad arguments to the builder, places and values")
  void badArguments() {
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> FieldCipher.builder().build()));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> FieldCipher.builder().aead(null)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> FieldCipher.builder().subjectKeys(null)));
    assertEquals(CryptoError.INVALID_ARGUMENT,
        code(() -> FieldCipher.builder().aead(Sm4Gcm.create(SecretBytes.random(16))).subjectKeys(new InMemorySubjectKeys())));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> CIPHER.protect(null, ID)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> CIPHER.reveal(null, CIPHER.protect(WHERE, ID))));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> FieldRef.column("", "c")));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> FieldRef.column("t", null)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> FieldRef.row("t", "c", "")));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> FieldRef.row("t", "c", null)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> FieldRef.subject("t", "c", null)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> new FieldRef("t", "c", null, "")));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> FieldRef.row("t", "c", "\uD800")));
    CryptoException e = assertThrows(CryptoException.class, () -> CIPHER.protect(WHERE, "黄志强\uDC00秘密"));
    assertEquals(CryptoError.INVALID_ARGUMENT, e.error());
    assertFalse(e.getMessage().contains("黄志强"), "no plaintext in the message");
  }

  @Test
  @DisplayName("Per-subject mode: the subject id selects the key; without one GDS-CRYPTO-017")
  void perSubjectMode() {
    InMemorySubjectKeys keys = new InMemorySubjectKeys();
    FieldCipher cipher = FieldCipher.builder().subjectKeys(keys).build();
    assertEquals(FieldCipher.Mode.SUBJECT_KEYS, cipher.mode());
    FieldRef a = FieldRef.subject("citizen", "id_number", "NN-0000001");
    FieldRef b = FieldRef.subject("citizen", "id_number", "NN-0000002");
    EncryptedValue v = cipher.protect(a, ID);
    assertEquals(ID, cipher.reveal(a, v));
    assertEquals(java.util.Set.of("NN-0000001"), keys.subjects());
    assertEquals(CryptoError.UNKNOWN_KEY_ID, code(() -> cipher.reveal(b, v)), "subject b never had a key");
    cipher.protect(b, "x");
    assertEquals(CryptoError.DECRYPTION_FAILED, code(() -> cipher.reveal(b, v)));
    assertEquals(CryptoError.FIELD_PROTECTION, code(() -> cipher.protect(WHERE, ID)));
    assertEquals(CryptoError.FIELD_PROTECTION, code(() -> cipher.reveal(WHERE, v)));
  }

  @Test
  @DisplayName("DS-2: after the subject's key is destroyed, reveal and protect fail with GDS-CRYPTO-008, not 003")
  void destroyedSubjectKey() {
    InMemorySubjectKeys keys = new InMemorySubjectKeys();
    FieldCipher cipher = FieldCipher.builder().subjectKeys(keys).build();
    FieldRef a = FieldRef.subject("citizen", "id_number", "NN-0000001");
    FieldRef other = FieldRef.subject("citizen", "id_number", "NN-0000002");
    String stored = cipher.protectToText(a, ID);
    String kept = cipher.protectToText(other, "450102198507220466");
    keys.destroy("NN-0000001");
    CryptoException e = assertThrows(CryptoException.class, () -> cipher.revealText(a, stored));
    assertEquals(CryptoError.KEY_DESTROYED, e.error());
    assertEquals("GDS-CRYPTO-008", e.code());
    assertEquals(CryptoError.KEY_DESTROYED, code(() -> cipher.protect(a, ID)));
    assertEquals("450102198507220466", cipher.revealText(other, kept), "other subjects are untouched");
  }

  @Test
  @DisplayName("The empty table AEAD output and a wrong key are GDS-CRYPTO-003 without plaintext in the message")
  void wrongKey() {
    FieldCipher other = FieldCipher.builder().aead(Sm4Gcm.create(SecretBytes.random(16))).build();
    String stored = CIPHER.protectToText(WHERE, ID);
    CryptoException e = assertThrows(CryptoException.class, () -> other.revealText(WHERE, stored));
    assertEquals(CryptoError.DECRYPTION_FAILED, e.error());
    assertTrue(e.getMessage().startsWith("GDS-CRYPTO-003 [ST-2] the value of citizen.id_number did not decrypt"),
        e.getMessage());
    assertFalse(e.getMessage().contains(ID));
    assertFalse(e.getMessage().contains("NN-0000001"), "the row key may be personal: not in the message");
    byte[] ct = CIPHER.protect(WHERE, ID).ciphertext();
    assertEquals(CryptoError.DECRYPTION_FAILED,
        code(() -> CIPHER.reveal(WHERE, new EncryptedValue(Arrays.copyOf(ct, ct.length - 1)))));
  }

  @Test
  @DisplayName("Thread-safe: four threads protect and reveal through one cipher, every value round-trips")
  void concurrentUse() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          int ok = 0;
          for (int i = 0; i < 500; i++) {
            FieldRef where = FieldRef.row("citizen", "id_number", thread + "-" + i);
            String value = "45010319820315" + String.format("%04d", i);
            ok += value.equals(CIPHER.revealText(where, CIPHER.protectToText(where, value))) ? 1 : 0;
          }
          return ok;
        }));
      }
      for (java.util.concurrent.Future<Integer> f : results) {
        assertEquals(500, f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
