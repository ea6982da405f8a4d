package org.govdatasec.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * FF1-SM4 (SP 800-38G with SM4): checked against an independent, literal implementation of SP 800-38G
 * Algorithm 7 written here (BigInteger arithmetic, CBC-MAC as PRF), over generated inputs; plus the
 * format-preserving and reversible properties and its refusals (PI-5).
 */
class Ff1Sm4Test {
  private static final byte[] KEY = KnownAnswerTest.hex("0123456789abcdeffedcba9876543210");
  private static final Sm4Ff1 DECIMAL = Sm4Ff1.decimal(SecretBytes.copyFrom(KEY, SecretKeyAccess.insecure()));
  private static final Sm4Ff1 BASE36 = Sm4Ff1.base36(SecretBytes.copyFrom(KEY, SecretKeyAccess.insecure()));

  @Provide
  Arbitrary<String> digits() {
    return Arbitraries.strings().withChars("0123456789").ofMinLength(6).ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> base36() {
    return Arbitraries.strings().withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofMinLength(4).ofMaxLength(30);
  }

  @Provide
  Arbitrary<byte[]> tweaks() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(20);
  }

  @Property(tries = 200, seed = "38")
  @Label("radix 10: equals the independent SP 800-38G Algorithm 7 over SM4")
  void decimalMatchesReference(@ForAll("digits") String x, @ForAll("tweaks") byte[] tweak) {
    assertEquals(ReferenceFf1.encrypt(KEY, tweak, 10, x), DECIMAL.encrypt(x, tweak));
  }

  @Property(tries = 200, seed = "39")
  @Label("radix 36: equals the independent SP 800-38G Algorithm 7 over SM4")
  void base36MatchesReference(@ForAll("base36") String x, @ForAll("tweaks") byte[] tweak) {
    assertEquals(ReferenceFf1.encrypt(KEY, tweak, 36, x), BASE36.encrypt(x, tweak));
  }

  @Property(tries = 300, seed = "40")
  @Label("format preserving and reversible: same length, same alphabet, decrypt(encrypt(x)) == x")
  void roundTrip(@ForAll("digits") String x, @ForAll("tweaks") byte[] tweak) {
    String t = DECIMAL.encrypt(x, tweak);
    assertEquals(x.length(), t.length());
    assertTrue(t.chars().allMatch(Character::isDigit));
    assertEquals(x, DECIMAL.decrypt(t, tweak));
  }

  @Test
  @DisplayName("the tweak binds the token to its column: another tweak gives another token")
  void tweakMatters() {
    String id = "11010519491231002";
    byte[] a = "citizen.id_number".getBytes(StandardCharsets.UTF_8);
    byte[] b = "application.applicant_id".getBytes(StandardCharsets.UTF_8);
    assertNotEquals(DECIMAL.encrypt(id, a), DECIMAL.encrypt(id, b));
  }

  @Test
  @DisplayName("GDS-CRYPTO-012: characters outside the alphabet, lower case in base 36, and too short values are refused")
  void refusals() {
    CryptoException e = assertThrows(CryptoException.class, () -> DECIMAL.encrypt("13800138a00", new byte[0]));
    assertEquals("GDS-CRYPTO-012", e.code());
    assertTrue(e.getMessage().contains("position 9"), e.getMessage());
    assertTrue(!e.getMessage().contains("13800138"), "the value itself never appears in the message");
    assertEquals("GDS-CRYPTO-012", assertThrows(CryptoException.class, () -> BASE36.encrypt("abcd", new byte[0])).code());
    assertEquals("GDS-CRYPTO-012", assertThrows(CryptoException.class, () -> DECIMAL.encrypt("12345", new byte[0])).code());
    assertEquals("GDS-CRYPTO-012", assertThrows(CryptoException.class, () -> DECIMAL.encrypt(null, new byte[0])).code());
    assertEquals("GDS-CRYPTO-001", assertThrows(CryptoException.class, () -> DECIMAL.encrypt("123456", null)).code());
    assertEquals("GDS-CRYPTO-002", assertThrows(CryptoException.class, () -> Sm4Ff1.decimal(SecretBytes.random(32))).code());
  }

  /** SP 800-38G Algorithm 7 (FF1.Encrypt), transcribed from the standard with BigInteger arithmetic. */
  static final class ReferenceFf1 {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static String encrypt(byte[] key, byte[] tweak, int radix, String x) {
      int n = x.length();
      int u = n / 2;
      int v = n - u;
      int[] a = digits(x.substring(0, u));
      int[] b = digits(x.substring(u));
      BigInteger r = BigInteger.valueOf(radix);
      int bytesB = (int) Math.ceil(Math.ceil(v * (Math.log(radix) / Math.log(2))) / 8);
      int d = 4 * ((bytesB + 3) / 4) + 4;
      byte[] p = new byte[16];
      p[0] = 1;
      p[1] = 2;
      p[2] = 1;
      p[3] = (byte) (radix >> 16);
      p[4] = (byte) (radix >> 8);
      p[5] = (byte) radix;
      p[6] = 10;
      p[7] = (byte) (u % 256);
      putInt(p, 8, n);
      putInt(p, 12, tweak.length);
      SM4Engine sm4 = new SM4Engine();
      sm4.init(true, new KeyParameter(key));
      for (int i = 0; i < 10; i++) {
        int qLen = tweak.length + Math.floorMod(-tweak.length - bytesB - 1, 16) + 1 + bytesB;
        byte[] q = new byte[qLen];
        System.arraycopy(tweak, 0, q, 0, tweak.length);
        q[qLen - bytesB - 1] = (byte) i;
        byte[] numB = num(b, r).toByteArray();
        for (int j = 0; j < bytesB; j++) {
          int src = numB.length - 1 - j;
          q[qLen - 1 - j] = src >= 0 ? numB[src] : 0;
        }
        byte[] pq = new byte[16 + qLen];
        System.arraycopy(p, 0, pq, 0, 16);
        System.arraycopy(q, 0, pq, 16, qLen);
        byte[] y = new byte[16];
        for (int off = 0; off < pq.length; off += 16) {
          for (int j = 0; j < 16; j++) {
            y[j] ^= pq[off + j];
          }
          sm4.processBlock(y, 0, y, 0);
        }
        byte[] s = new byte[((d + 15) / 16) * 16];
        System.arraycopy(y, 0, s, 0, 16);
        for (int j = 1; j < s.length / 16; j++) {
          byte[] blk = new byte[16];
          for (int k = 0; k < 16; k++) {
            blk[k] = y[k];
          }
          blk[12] ^= (byte) (j >> 24);
          blk[13] ^= (byte) (j >> 16);
          blk[14] ^= (byte) (j >> 8);
          blk[15] ^= (byte) j;
          sm4.processBlock(blk, 0, s, 16 * j);
        }
        BigInteger yNum = new BigInteger(1, java.util.Arrays.copyOf(s, d));
        int m = i % 2 == 0 ? u : v;
        BigInteger c = num(a, r).add(yNum).mod(r.pow(m));
        a = b;
        b = str(c, r, m);
      }
      return text(a) + text(b);
    }

    private static void putInt(byte[] b, int off, int v) {
      b[off] = (byte) (v >> 24);
      b[off + 1] = (byte) (v >> 16);
      b[off + 2] = (byte) (v >> 8);
      b[off + 3] = (byte) v;
    }

    private static int[] digits(String s) {
      return s.chars().map(ALPHABET::indexOf).toArray();
    }

    private static BigInteger num(int[] x, BigInteger radix) {
      BigInteger v = BigInteger.ZERO;
      for (int d : x) {
        v = v.multiply(radix).add(BigInteger.valueOf(d));
      }
      return v;
    }

    private static int[] str(BigInteger c, BigInteger radix, int m) {
      int[] out = new int[m];
      for (int i = m - 1; i >= 0; i--) {
        BigInteger[] qr = c.divideAndRemainder(radix);
        out[i] = qr[1].intValue();
        c = qr[0];
      }
      return out;
    }

    private static String text(int[] x) {
      StringBuilder sb = new StringBuilder();
      for (int d : x) {
        sb.append(ALPHABET.charAt(d));
      }
      return sb.toString();
    }
  }
}
