package org.govdatasec.crypto.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Gcm;

/**
 * ST-2, PI-5: field values round-trip for any text, are bound to their place (GDS-CRYPTO-003 elsewhere),
 * and any change to the stored text form is rejected (GDS-CRYPTO-003/004/005).
 */
class FieldCipherPropertyTest {

  private static final FieldCipher TABLE = FieldCipher.builder().aead(Sm4Gcm.create(SecretBytes.random(16))).build();
  private static final InMemorySubjectKeys SUBJECT_KEYS = new InMemorySubjectKeys();
  private static final FieldCipher PER_SUBJECT = FieldCipher.builder().subjectKeys(SUBJECT_KEYS).build();

  @Provide
  Arbitrary<String> text() {
    return Values.text();
  }

  @Provide
  Arbitrary<FieldRef> place() {
    return Combinators.combine(Values.name(), Values.name(), Values.name().injectNull(0.3), Values.name())
        .as(FieldRef::new);
  }

  @Property(tries = 1000, seed = "20241101")
  void textRoundTripsInBothModes(@ForAll("place") FieldRef where, @ForAll("text") String value) {
    EncryptedValue table = TABLE.protect(where, value);
    assertEquals(value, TABLE.reveal(where, table));
    assertEquals(value, TABLE.revealText(where, table.toText()));
    assertEquals(table, EncryptedValue.parse(table.toText()));
    assertEquals(value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + Sm4Gcm.OVERHEAD, table.length());
    EncryptedValue subject = PER_SUBJECT.protect(where, value);
    assertEquals(value, PER_SUBJECT.reveal(where, subject));
    assertFalse(table.toString().contains(table.toText()), "toString shows a prefix only");
  }

  @Property(tries = 300, seed = "20241102")
  void bytesRoundTrip(@ForAll("place") FieldRef where, @ForAll byte[] value) {
    assertArrayEquals(value, TABLE.revealBytes(where, TABLE.protectBytes(where, value)));
  }

  @Property(tries = 300, seed = "20241103")
  void encryptionIsRandomised(@ForAll("place") FieldRef where, @ForAll("text") String value) {
    assertNotEquals(TABLE.protect(where, value), TABLE.protect(where, value), "a fresh nonce every time");
  }

  /** Which part of the place a moved value lands in. */
  enum Part { TABLE, COLUMN, ROW, SUBJECT }

  @Property(tries = 1000, seed = "20241104")
  void valueMovedToAnotherPlaceFailsWith003(@ForAll("place") FieldRef where, @ForAll("text") String value,
      @ForAll Part part, @ForAll("place") FieldRef other) {
    FieldRef moved = switch (part) {
      case TABLE -> new FieldRef(other.table(), where.column(), where.rowKey(), where.subjectId());
      case COLUMN -> new FieldRef(where.table(), other.column(), where.rowKey(), where.subjectId());
      case ROW -> new FieldRef(where.table(), where.column(), other.rowKey(), where.subjectId());
      case SUBJECT -> new FieldRef(where.table(), where.column(), where.rowKey(), other.subjectId());
    };
    net.jqwik.api.Assume.that(!moved.equals(where));
    String stored = TABLE.protectToText(where, value);
    CryptoException e = assertThrows(CryptoException.class, () -> TABLE.revealText(moved, stored));
    assertEquals(CryptoError.DECRYPTION_FAILED, e.error());
    assertNoPlaintext(e, value);
    if (part == Part.SUBJECT || part == Part.ROW) {
      // Per-subject mode: another subject is another key as well as another place.
      if (moved.subjectId() != null) {
        SUBJECT_KEYS.aeadFor(moved.subjectId());
      }
      String perSubject = PER_SUBJECT.protectToText(where, value);
      CryptoException e2 = assertThrows(CryptoException.class, () -> PER_SUBJECT.revealText(moved, perSubject));
      assertEquals(CryptoError.DECRYPTION_FAILED, e2.error());
    }
  }

  @Property(tries = 2000, seed = "20241105")
  void anyFlippedBitOfTheTextFormIsRejected(@ForAll("place") FieldRef where, @ForAll("text") String value,
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll @IntRange(min = 0, max = 6) int bit) {
    String stored = TABLE.protectToText(where, value);
    int i = position % stored.length();
    char[] chars = stored.toCharArray();
    chars[i] = (char) (chars[i] ^ (1 << bit));
    String tampered = new String(chars);
    CryptoException e = assertThrows(CryptoException.class, () -> TABLE.revealText(where, tampered));
    assertTrue(Set.of(CryptoError.DECRYPTION_FAILED, CryptoError.MALFORMED_CIPHERTEXT, CryptoError.UNKNOWN_VERSION)
        .contains(e.error()), e.getMessage());
    assertNoPlaintext(e, value);
  }

  @Property(tries = 1000, seed = "20241106")
  void anyTruncationOfTheTextFormIsRejected(@ForAll("place") FieldRef where, @ForAll("text") String value,
      @ForAll @IntRange(min = 0, max = 10_000) int cut) {
    String stored = TABLE.protectToText(where, value);
    String truncated = stored.substring(0, cut % stored.length());
    CryptoException e = assertThrows(CryptoException.class, () -> TABLE.revealText(where, truncated));
    assertTrue(Set.of(CryptoError.DECRYPTION_FAILED, CryptoError.MALFORMED_CIPHERTEXT).contains(e.error()),
        e.getMessage());
  }

  @Property(tries = 1000, seed = "20241107")
  void anyFlippedBitOfTheBinaryFormFailsWith003(@ForAll("place") FieldRef where, @ForAll("text") String value,
      @ForAll @IntRange(min = 0, max = 100_000) int bitIndex) {
    byte[] ct = TABLE.protect(where, value).ciphertext();
    int bit = bitIndex % (ct.length * 8);
    ct[bit / 8] ^= (byte) (1 << (bit % 8));
    CryptoException e = assertThrows(CryptoException.class, () -> TABLE.reveal(where, new EncryptedValue(ct)));
    assertEquals(CryptoError.DECRYPTION_FAILED, e.error());
  }

  static void assertNoPlaintext(Exception e, String value) {
    if (value.strip().length() >= 3) {
      assertFalse(e.getMessage().contains(value), "the message must not carry the plaintext");
    }
  }
}
