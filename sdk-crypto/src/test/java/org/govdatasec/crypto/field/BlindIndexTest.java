package org.govdatasec.crypto.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.binary.Hex;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.SecretKeyAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** ST-2: blind index format, length guidance and refusals (GDS-CRYPTO-018). */
class BlindIndexTest {

  static final SecretBytes ROOT = SecretBytes.copyFrom(
      FieldCipherTest.hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), SecretKeyAccess.insecure());

  static CryptoError code(Executable e) {
    return assertThrows(CryptoException.class, e).error();
  }

  static byte[] hmacSm3(byte[] key, byte[] data) {
    HMac m = new HMac(new SM3Digest());
    m.init(new KeyParameter(key));
    m.update(data, 0, data.length);
    byte[] out = new byte[32];
    m.doFinal(out, 0);
    return out;
  }

  @Test
  @DisplayName("Independent recomputation: HKDF-SM3 key with the documented info, then truncated HMAC-SM3")
  void matchesAnIndependentComputation() {
    byte[] info = FieldCipherTest.hex(Hex.encodeHexString("govdatasec/blind-index/v1".getBytes(StandardCharsets.US_ASCII))
        + "00000007" + Hex.encodeHexString("citizen".getBytes(StandardCharsets.US_ASCII))
        + "00000009" + Hex.encodeHexString("id_number".getBytes(StandardCharsets.US_ASCII)));
    byte[] ikm = ROOT.toByteArray(SecretKeyAccess.insecure());
    byte[] prk = hmacSm3(new byte[32], ikm);                       // RFC 5869 extract, no salt
    byte[] t1input = new byte[info.length + 1];
    System.arraycopy(info, 0, t1input, 0, info.length);
    t1input[info.length] = 1;
    byte[] k = hmacSm3(prk, t1input);                               // expand, one block = 32 bytes
    byte[] tag = hmacSm3(k, "45010319820315031X".getBytes(StandardCharsets.US_ASCII));
    String full = Hex.encodeHexString(tag);

    BlindIndex b32 = BlindIndex.builder().rootKey(ROOT).table("citizen").column("id_number").bits(32)
        .normalizers(IndexNormalizer.ID_NUMBER).build();
    assertEquals(full.substring(0, 8), b32.index("45010319820315031x"));
    assertEquals(Long.parseLong(full.substring(0, 8), 16), b32.indexLong("45010319820315031X"));
    BlindIndex b19 = BlindIndex.builder().rootKey(ROOT).table("citizen").column("id_number").bits(19)
        .normalizers(IndexNormalizer.ID_NUMBER).build();
    long top19 = Long.parseLong(full.substring(0, 8), 16) >>> 13;
    assertEquals(String.format("%05x", top19), b19.index("45010319820315031X"));
    assertEquals(top19, b19.indexLong("45010319820315031X"));
    BlindIndex b256 = BlindIndex.builder().rootKey(ROOT).table("citizen").column("id_number").bits(256)
        .normalizers(IndexNormalizer.ID_NUMBER).build();
    assertEquals(full, b256.index("45010319820315031X"));
    BlindIndex b100 = BlindIndex.builder().rootKey(ROOT).table("citizen").column("id_number").bits(100)
        .normalizers(IndexNormalizer.ID_NUMBER).build();
    assertEquals(new java.math.BigInteger(full.substring(0, 26), 16).shiftRight(4).toString(16),
        b100.index("45010319820315031X").replaceFirst("^0+(?=.)", ""));
    assertEquals(25, b100.index("45010319820315031X").length());
  }

  @Test
  @DisplayName("suggestBits: floor(log2(min(rows, distinct) / 2)); GDS-CRYPTO-018 below 512 distinct values")
  void suggestBits() {
    assertEquals(19, BlindIndex.suggestBits(1_200_000));
    assertEquals(14, BlindIndex.suggestBits(50_000));
    assertEquals(8, BlindIndex.suggestBits(512));
    assertEquals(8, BlindIndex.suggestBits(1_023));
    assertEquals(9, BlindIndex.suggestBits(1_024));
    assertEquals(8, BlindIndex.suggestBits(10_000_000, 600));
    assertEquals(61, BlindIndex.suggestBits(Long.MAX_VALUE));
    assertEquals(CryptoError.BAD_BLIND_INDEX, code(() -> BlindIndex.suggestBits(511)));
    assertEquals(CryptoError.BAD_BLIND_INDEX, code(() -> BlindIndex.suggestBits(1_200_000, 56)), "ethnic groups");
    assertEquals(CryptoError.BAD_BLIND_INDEX, code(() -> BlindIndex.suggestBits(0)));
    for (long rows : new long[] {512, 5_000, 1_200_000, 1L << 40}) {
      double m = BlindIndex.expectedMatches(rows, BlindIndex.suggestBits(rows));
      assertTrue(m >= 2 && m < 4, rows + " rows: " + m + " matches per lookup");
    }
  }

  @Test
  @DisplayName("GDS-CRYPTO-018: lengths outside 8..256, none at all, or singling out the declared rows")
  void badLengths() {
    assertEquals(CryptoError.BAD_BLIND_INDEX, code(() -> BlindIndex.builder().bits(7)));
    assertEquals(CryptoError.BAD_BLIND_INDEX, code(() -> BlindIndex.builder().bits(257)));
    assertEquals(CryptoError.BAD_BLIND_INDEX, code(() -> BlindIndex.builder().bits(0)));
    assertEquals(CryptoError.BAD_BLIND_INDEX,
        code(() -> BlindIndex.builder().rootKey(ROOT).table("t").column("c").build()));
    assertEquals(CryptoError.BAD_BLIND_INDEX,
        code(() -> BlindIndex.builder().rootKey(ROOT).table("t").column("c").bits(32).expectedRows(100_000).build()));
    assertEquals(CryptoError.BAD_BLIND_INDEX,
        code(() -> BlindIndex.builder().rootKey(ROOT).table("t").column("c").expectedRows(300).build()));
    BlindIndex suggested = BlindIndex.builder().rootKey(ROOT).table("t").column("c").expectedRows(1_200_000).build();
    assertEquals(19, suggested.bits());
    assertEquals(16, BlindIndex.builder().rootKey(ROOT).table("t").column("c").bits(16).expectedRows(1_200_000)
        .build().bits());
    assertEquals(CryptoError.BAD_BLIND_INDEX, code(() -> BlindIndex.builder().rootKey(ROOT).table("t").column("c")
        .bits(64).build().indexLong("x")));
  }

  @Test
  @DisplayName("GDS-CRYPTO-001/002: missing root key, table or column, a short key, a null normaliser")
  void badArguments() {
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> BlindIndex.builder().table("t").column("c").bits(16).build()));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> BlindIndex.builder().rootKey(ROOT).column("c").bits(16).build()));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> BlindIndex.builder().rootKey(ROOT).table("t").column("").bits(16).build()));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> BlindIndex.builder().rootKey(null)));
    assertEquals(CryptoError.BAD_KEY_SIZE, code(() -> BlindIndex.builder().rootKey(SecretBytes.random(15))));
    assertEquals(CryptoError.INVALID_ARGUMENT,
        code(() -> BlindIndex.builder().normalizers(IndexNormalizer.TRIM, null)));
    BlindIndex idx = BlindIndex.builder().rootKey(ROOT).table("t").column("c").bits(16).build();
    assertNull(idx.index(null));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> idx.indexLong(null)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> idx.index("a\uD800")));
    assertEquals("BlindIndex[t.c, 16 bits, [NFKC, TRIM]]", idx.toString());
  }

  @Test
  @DisplayName("Normalisers: full-width digits, spaces, hyphens, lower-case x, +86")
  void normalizers() {
    assertEquals("11010519491231002X", IndexNormalizer.ID_NUMBER.apply(" １１０１０５ 19491231-002ｘ "));
    assertEquals("11010519491231002X", IndexNormalizer.ID_NUMBER.apply("110105\u300019491231002x"));
    assertEquals("13800138001", IndexNormalizer.MOBILE.apply("+86 138-0013-8001"));
    assertEquals("13800138001", IndexNormalizer.MOBILE.apply("0086 (138) 0013 8001"));
    assertEquals("13800138001", IndexNormalizer.MOBILE.apply("１３８ ００１３ ８００１"));
    assertEquals("abc", IndexNormalizer.TRIM.apply("\u3000abc \t"));
    assertEquals("ABC", IndexNormalizer.UPPER_CASE.apply("abc"));
    assertEquals("abc", IndexNormalizer.LOWER_CASE.apply("ABC"));
    assertEquals("123", IndexNormalizer.NFKC.apply("１２３"));
    assertEquals("ab", IndexNormalizer.REMOVE_SEPARATORS.apply("a \u2013b"));
    BlindIndex id = BlindIndex.builder().rootKey(ROOT).table("citizen").column("id_number").bits(19)
        .normalizers(IndexNormalizer.ID_NUMBER).build();
    assertEquals(id.index("11010519491231002X"), id.index("１１０１０５ １９４９１２３１ ００２ｘ"));
    assertNotEquals(id.index("11010519491231002X"), id.index("11010519491231003X"));
  }
}
