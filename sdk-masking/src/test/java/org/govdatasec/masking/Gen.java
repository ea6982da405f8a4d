package org.govdatasec.masking;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid values of each format, for the properties. */
final class Gen {
  private Gen() {}

  static Arbitrary<String> residentIds() {
    return Combinators.combine(Arbitraries.of(toStrings(Tables.REGIONS)),
        Arbitraries.integers().between(0, 365 * 90), Arbitraries.integers().between(0, 999))
        .as((region, day, seq) -> {
          String body = region + Masker.formatLike("00000000", LocalDate.of(1930, 1, 1).plusDays(day))
              + String.format("%03d", seq);
          return body + Validators.residentIdCheckChar(body);
        });
  }

  static Arbitrary<String> mobiles() {
    return Combinators.combine(Arbitraries.of(Tables.MOBILE_PREFIXES), Arbitraries.strings().numeric().ofLength(8))
        .as((p, d) -> p + d);
  }

  static Arbitrary<String> bankCards() {
    return Arbitraries.integers().between(13, 19).flatMap(len -> Arbitraries.strings().numeric().ofLength(len - 1)
        .filter(s -> s.charAt(0) != '0').map(b -> b + Validators.luhnCheckDigit(b)));
  }

  static Arbitrary<String> creditCodes() {
    return Arbitraries.strings().withChars(Validators.CREDIT_CHARS.toCharArray()).ofLength(10)
        .map(s -> {
          String body = "91" + "450103" + s.substring(0, 9);
          return body + Validators.creditCodeCheckChar(body);
        });
  }

  static Arbitrary<String> names() {
    Arbitrary<String> surname = Arbitraries.oneOf(Arbitraries.of(Tables.SURNAMES), Arbitraries.of(Tables.COMPOUND_SURNAMES));
    Arbitrary<String> given = Arbitraries.strings().withChars(Tables.GIVEN.toCharArray()).ofMinLength(1).ofMaxLength(2);
    return Combinators.combine(surname, given).as((s, g) -> s + g);
  }

  private static String[] toStrings(int[] codes) {
    String[] s = new String[codes.length];
    for (int i = 0; i < codes.length; i++) {
      s[i] = Integer.toString(codes[i]);
    }
    return s;
  }
}
