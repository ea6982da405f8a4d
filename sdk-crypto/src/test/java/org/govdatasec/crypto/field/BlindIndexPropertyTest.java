package org.govdatasec.crypto.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * ST-2: blind indexes are deterministic, equal after normalisation means equal index, indexes with
 * different names are unrelated, and the bit length is respected.
 */
class BlindIndexPropertyTest {

  private static BlindIndex index(String column, int bits, IndexNormalizer... n) {
    return BlindIndex.builder().rootKey(BlindIndexTest.ROOT).table("citizen").column(column).bits(bits)
        .normalizers(n).build();
  }

  private static final BlindIndex ID = index("id_number", 24, IndexNormalizer.ID_NUMBER);
  private static final BlindIndex MOBILE = index("mobile", 24, IndexNormalizer.MOBILE);

  @Provide
  Arbitrary<String> idNumbers() {
    return Arbitraries.strings().numeric().ofLength(17)
        .flatMap(s -> Arbitraries.of("0", "1", "5", "9", "X").map(c -> s + c));
  }

  /** The same ID number as a person might type it: spaces, hyphens, full-width digits, lower-case x. */
  private static String retype(String id, List<Integer> choices) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      int k = choices.get(i % choices.size());
      if (c == 'X' && k % 2 == 0) {
        c = 'x';
      }
      if (k % 3 == 0) {
        sb.append((char) (c == 'x' ? '\uFF58' : c == 'X' ? '\uFF38' : c - '0' + '\uFF10'));
      } else {
        sb.append(c);
      }
      if (k == 4) {
        sb.append(' ');
      } else if (k == 5) {
        sb.append('-');
      } else if (k == 7) {
        sb.append('\u3000');
      }
    }
    return choices.get(0) == 1 ? "  " + sb + " " : sb.toString();
  }

  @Property(tries = 1000, seed = "20241121")
  void equalAfterNormalisationMeansEqualIndex(@ForAll("idNumbers") String id,
      @ForAll @Size(min = 1, max = 18) List<@IntRange(min = 0, max = 8) Integer> choices) {
    String typed = retype(id, choices);
    assertEquals(IndexNormalizer.ID_NUMBER.apply(typed), IndexNormalizer.ID_NUMBER.apply(id));
    assertEquals(ID.index(id), ID.index(typed));
    assertEquals(ID.indexLong(id), ID.indexLong(typed));
  }

  @Property(tries = 500, seed = "20241122")
  void mobileFormsAgree(@ForAll @IntRange(min = 0, max = 99_999_999) int n) {
    String m = "138" + String.format("%08d", n);
    String typed = "+86 " + m.substring(0, 3) + "-" + m.substring(3, 7) + " " + m.substring(7);
    assertEquals(MOBILE.index(m), MOBILE.index(typed));
  }

  @Property(tries = 1000, seed = "20241123")
  void deterministicAndWithinItsBitLength(@ForAll("text") String value, @ForAll @IntRange(min = 8, max = 256) int bits) {
    BlindIndex a = index("c", bits);
    BlindIndex b = index("c", bits);
    String v = a.index(value);
    assertEquals(v, b.index(value), "a fresh instance with the same key gives the same value");
    assertEquals((bits + 3) / 4, v.length());
    assertTrue(v.matches("[0-9a-f]+"), v);
    assertTrue(new java.math.BigInteger(v, 16).bitLength() <= bits, v + " fits " + bits + " bits");
    if (bits <= 63) {
      long l = a.indexLong(value);
      assertTrue(l >= 0 && (bits == 63 || l < (1L << bits)), l + " below 2^" + bits);
      assertEquals(Long.parseLong(v, 16), l);
    }
  }

  @Provide
  Arbitrary<String> text() {
    return Values.text();
  }

  @Property(tries = 50, seed = "20241124")
  void differentIndexNamesAreUnrelated(@ForAll("idNumbers") String seed) {
    // Over many values, two indexes of different names agree about as often as chance (2^-16 per value),
    // and neither is a function of the other's value.
    BlindIndex one = index("id_number", 16, IndexNormalizer.ID_NUMBER);
    BlindIndex other = BlindIndex.builder().rootKey(BlindIndexTest.ROOT).table("household").column("id_number")
        .bits(16).normalizers(IndexNormalizer.ID_NUMBER).build();
    BlindIndex third = index("head_id_number", 16, IndexNormalizer.ID_NUMBER);
    int agree = 0;
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      String v = seed.substring(0, 12) + String.format("%05d", i) + "X";
      agree += one.index(v).equals(other.index(v)) ? 1 : 0;
      agree += one.index(v).equals(third.index(v)) ? 1 : 0;
      distinct.add(one.index(v));
    }
    assertTrue(agree <= 3, agree + " agreements in 1000 comparisons of 16-bit values");
    assertTrue(distinct.size() > 490, "values spread over the index space: " + distinct.size());
  }
}
