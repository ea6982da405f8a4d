package org.govdatasec.crypto.field;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators shared by the field-protection properties. */
final class Values {
  private Values() {}

  /**
   * Text over ASCII, common CJK, rare CJK of Extension B (supplementary code points), full-width forms and
   * the rest of the BMP (surrogates excluded), empty included.
   */
  static Arbitrary<String> text() {
    Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x4E00, 0x9FFF)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x20000, 0x2A6DF)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xFF01, 0xFF5E)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0xD7FF)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)));
    return codePoint.list().ofMinSize(0).ofMaxSize(40).map(Values::join);
  }

  static String join(List<Integer> codePoints) {
    StringBuilder sb = new StringBuilder();
    codePoints.forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** Names for tables, columns and keys: short, non-empty, some CJK. */
  static Arbitrary<String> name() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').withChars('_', '.').ofMinLength(1).ofMaxLength(12),
        Arbitraries.strings().withCharRange('\u4E00', '\u4E80').ofMinLength(1).ofMaxLength(4));
  }
}
