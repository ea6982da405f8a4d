package org.govdatasec.core.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the severity order (CLS-2, 就高从严): {@code compareTo} is a total order that agrees with the
 * position in {@link Classification#all()}, and {@code max} is a proper maximum over it.
 */
class ClassificationOrderPropertyTest {

  /**
   * Fresh instances (never the constants of {@code all()}), so that identity cannot stand in for
   * equality.
   */
  @Provide
  Arbitrary<Classification> classifications() {
    return Arbitraries.of(Classification.all()).map(c -> new Classification(c.level(), c.grade()));
  }

  private static int index(Classification c) {
    int i = Classification.all().indexOf(c);
    assertTrue(i >= 0, c + " is one of all()");
    return i;
  }

  @Property(seed = "20261123")
  @Label("CLS-2: compareTo agrees in sign with the index in all()")
  void compareToMatchesIndex(
      @ForAll("classifications") Classification a, @ForAll("classifications") Classification b) {
    assertEquals(Integer.signum(Integer.compare(index(a), index(b))), Integer.signum(a.compareTo(b)), a + " vs " + b);
  }

  @Property(seed = "20261124")
  @Label("CLS-2: compareTo is antisymmetric and consistent with equals")
  void antisymmetricAndConsistentWithEquals(
      @ForAll("classifications") Classification a, @ForAll("classifications") Classification b) {
    assertEquals(-Integer.signum(b.compareTo(a)), Integer.signum(a.compareTo(b)));
    assertEquals(a.equals(b), a.compareTo(b) == 0);
    assertEquals(a.equals(b), a.toString().equals(b.toString()));
    if (a.equals(b)) {
      assertEquals(a.hashCode(), b.hashCode());
    }
    assertEquals(0, a.compareTo(a));
  }

  @Property(seed = "20261125")
  @Label("CLS-2: compareTo is transitive and total")
  void transitiveAndTotal(
      @ForAll("classifications") Classification a,
      @ForAll("classifications") Classification b,
      @ForAll("classifications") Classification c) {
    assertTrue(a.compareTo(b) <= 0 || b.compareTo(a) <= 0, "total");
    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
      assertTrue(a.compareTo(c) <= 0, a + " <= " + b + " <= " + c);
    }
    assertEquals(a.compareTo(b) >= 0, a.isAtLeast(b));
  }

  @Property(seed = "20261126")
  @Label("CLS-2: max is commutative, returns one of its arguments and is at least both")
  void maxIsCommutativeAndSelective(
      @ForAll("classifications") Classification a, @ForAll("classifications") Classification b) {
    Classification m = Classification.max(a, b);
    assertTrue(m == a || m == b, "max returns one of its arguments (by identity)");
    assertEquals(m, Classification.max(b, a));
    assertTrue(m.isAtLeast(a) && m.isAtLeast(b));
    assertEquals(Math.max(index(a), index(b)), index(m));
  }

  @Property(seed = "20261127")
  @Label("CLS-2: max is associative and idempotent")
  void maxIsAssociative(
      @ForAll("classifications") Classification a,
      @ForAll("classifications") Classification b,
      @ForAll("classifications") Classification c) {
    assertEquals(Classification.max(Classification.max(a, b), c), Classification.max(a, Classification.max(b, c)));
    assertEquals(a, Classification.max(a, a));
    Classification m = Classification.max(Classification.max(a, b), c);
    assertTrue(List.of(a, b, c).stream().anyMatch(x -> x == m), "max of three is one of the three");
  }

  @Property(seed = "20261128")
  @Label("CLS-1: parse(toString()) is the identity, whatever the letter case")
  void parseRoundTrip(@ForAll("classifications") Classification c, @ForAll boolean lower) {
    String text = lower ? c.toString().toLowerCase(java.util.Locale.ROOT) : c.toString();
    assertEquals(c, Classification.parse(text));
  }
}
