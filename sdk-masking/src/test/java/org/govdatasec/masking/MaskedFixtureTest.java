package org.govdatasec.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.govdatasec.masking.junit.MaskedFixture;
import org.govdatasec.masking.junit.MaskedFixtureExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** USE-5: the JUnit 5 extension gives tests masked rows, as parameters and fields. */
class MaskedFixtureTest {

  @MaskedFixture(source = "fixtures/citizens.csv", spec = "fixtures/mask-spec.yaml")
  List<Map<String, String>> fieldRows;

  @Test
  @DisplayName("A parameter receives masked, format-valid rows; the same as the field (same key)")
  void parameter(@MaskedFixture(source = "fixtures/citizens.csv", spec = "fixtures/mask-spec.yaml")
      List<Map<String, String>> rows) {
    assertEquals(4, rows.size());
    Map<String, String> first = rows.get(0);
    assertNotEquals("450103198203150311", first.get("id_number"));
    assertTrue(Validators.isResidentId(first.get("id_number")));
    assertEquals("1982", first.get("id_number").substring(6, 10), "keep-birth-year");
    assertEquals("1982", first.get("birth_date"));
    assertEquals("男", first.get("gender"));
    assertEquals(rows, fieldRows);
  }

  @Test
  @DisplayName("GDS-MASK-020: a missing resource or a wrong type is refused")
  void misuse() {
    MaskedFixture missing = Holder.class.getDeclaredFields()[0].getAnnotation(MaskedFixture.class);
    MaskingException e = assertThrows(MaskingException.class, () -> MaskedFixtureExtension.load(missing, Holder.class));
    assertEquals(MaskError.BAD_FIXTURE, e.error());
  }

  static final class Holder {
    @MaskedFixture(source = "fixtures/nope.csv", spec = "fixtures/mask-spec.yaml")
    List<Map<String, String>> rows;
  }
}
