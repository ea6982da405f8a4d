package org.govdatasec.core.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The classification model (CLS-1) and its severity order, over which 就高从严 takes the maximum (CLS-2). */
class ClassificationTest {

  private static final Classification G1 = Classification.general(1);
  private static final Classification G2 = Classification.general(2);
  private static final Classification G3 = Classification.general(3);
  private static final Classification G4 = Classification.general(4);

  @Test
  @DisplayName("CLS-2: GENERAL-1 < GENERAL-2 < GENERAL-3 < GENERAL-4 < IMPORTANT < CORE")
  void severityOrder() {
    List<Classification> expected = List.of(G1, G2, G3, G4, Classification.IMPORTANT, Classification.CORE);
    assertEquals(expected, Classification.all());
    for (int i = 0; i + 1 < expected.size(); i++) {
      Classification lower = expected.get(i);
      Classification higher = expected.get(i + 1);
      assertTrue(lower.compareTo(higher) < 0, lower + " < " + higher);
      assertTrue(higher.compareTo(lower) > 0, higher + " > " + lower);
      assertTrue(higher.isAtLeast(lower), higher + " isAtLeast " + lower);
      assertFalse(lower.isAtLeast(higher), lower + " is not at least " + higher);
    }
    List<Classification> shuffled = new ArrayList<>(List.of(Classification.CORE, G3, Classification.IMPORTANT, G1, G4, G2));
    shuffled.sort(null);
    assertEquals(expected, shuffled);
  }

  @Test
  @DisplayName("CLS-1: all() is the six classifications, immutable")
  void allIsImmutable() {
    List<Classification> all = Classification.all();
    assertEquals(6, all.size());
    assertThrows(UnsupportedOperationException.class, () -> all.add(G1));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GENERAL-1", "GENERAL-2", "GENERAL-3", "GENERAL-4", "IMPORTANT", "CORE"})
  @DisplayName("CLS-1: parse and toString round-trip for all six text forms")
  void parseToStringRoundTrip(String text) {
    Classification c = Classification.parse(text);
    assertEquals(text, c.toString());
    assertEquals(c, Classification.parse(c.toString()));
    assertTrue(Classification.all().contains(c));
  }

  @Test
  @DisplayName("CLS-1: every member of all() round-trips through its text form")
  void allRoundTrip() {
    for (Classification c : Classification.all()) {
      assertEquals(c, Classification.parse(c.toString()));
    }
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "general-3, GENERAL-3",
    "General-1, GENERAL-1",
    "gEnErAl-4, GENERAL-4",
    "important, IMPORTANT",
    "Important, IMPORTANT",
    "core, CORE",
    "'  Core  ', CORE"
  })
  @DisplayName("CLS-1: parse is case-insensitive and ignores surrounding blanks")
  void parseIsCaseInsensitive(String text, String expected) {
    assertEquals(expected, Classification.parse(text).toString());
  }

  @Test
  @DisplayName("CLS-1: parse is case-insensitive in every locale (Turkish dotless i)")
  void parseIgnoresDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals(Classification.IMPORTANT, Classification.parse("important"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  @DisplayName("CLS-1: the level and grade of each classification")
  void levelAndGrade() {
    assertEquals(DataLevel.GENERAL, G3.level());
    assertEquals(3, G3.grade());
    assertEquals(DataLevel.IMPORTANT, Classification.IMPORTANT.level());
    assertEquals(0, Classification.IMPORTANT.grade());
    assertEquals(DataLevel.CORE, Classification.CORE.level());
    assertEquals(0, Classification.CORE.grade());
    assertEquals(new Classification(DataLevel.GENERAL, 2), G2);
    assertEquals(Classification.CORE, new Classification(DataLevel.CORE, 0));
  }

  @Test
  @DisplayName("CLS-3: only important and core data are high-risk by level")
  void highRisk() {
    assertFalse(G1.isHighRisk());
    assertFalse(G4.isHighRisk());
    assertTrue(Classification.IMPORTANT.isHighRisk());
    assertTrue(Classification.CORE.isHighRisk());
    assertFalse(DataLevel.GENERAL.isHighRisk());
    assertTrue(DataLevel.IMPORTANT.isHighRisk());
    assertTrue(DataLevel.CORE.isHighRisk());
  }

  @Test
  @DisplayName("CLS-2: max takes the more severe classification (就高从严)")
  void max() {
    assertEquals(G3, Classification.max(G1, G3));
    assertEquals(G3, Classification.max(G3, G1));
    assertEquals(Classification.IMPORTANT, Classification.max(G4, Classification.IMPORTANT));
    assertEquals(Classification.CORE, Classification.max(Classification.CORE, Classification.IMPORTANT));
    assertEquals(Classification.CORE, Classification.max(G1, Classification.CORE));
    Classification a = new Classification(DataLevel.GENERAL, 2);
    Classification b = new Classification(DataLevel.GENERAL, 2);
    assertSame(a, Classification.max(a, b), "max returns its first argument when both are equal");
  }

  @Test
  @DisplayName("CLS-1: Chinese labels used in reports")
  void chineseLabels() {
    assertEquals("一般数据（1级）", G1.chineseLabel());
    assertEquals("一般数据（3级）", G3.chineseLabel());
    assertEquals("一般数据（4级）", G4.chineseLabel());
    assertEquals("重要数据", Classification.IMPORTANT.chineseLabel());
    assertEquals("核心数据", Classification.CORE.chineseLabel());
    assertEquals("一般数据", DataLevel.GENERAL.chineseName());
  }

  @Test
  @DisplayName("CLS-1: DataLevel is ordered GENERAL < IMPORTANT < CORE")
  void dataLevelOrder() {
    assertEquals(List.of(DataLevel.GENERAL, DataLevel.IMPORTANT, DataLevel.CORE), List.of(DataLevel.values()));
    assertTrue(DataLevel.GENERAL.compareTo(DataLevel.IMPORTANT) < 0);
    assertTrue(DataLevel.IMPORTANT.compareTo(DataLevel.CORE) < 0);
  }

  @Test
  @DisplayName("CLS-1: the grade bounds are 1 and 4")
  void gradeBounds() {
    assertEquals(1, Classification.MIN_GRADE);
    assertEquals(4, Classification.MAX_GRADE);
  }
}
