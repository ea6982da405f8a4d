package org.govdatasec.core.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.govdatasec.core.annotation.Classified;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CLS-2 (就高从严): a subclass never classifies its data below a superclass's type-level floor. */
class TypeLevelInheritanceTest {

  @Classified(value = DataLevel.IMPORTANT, reason = "区县汇总")
  static class ImportantBase {
    long population;
  }

  static class Unannotated extends ImportantBase {
    String note;
  }

  @Classified(value = DataLevel.GENERAL, grade = 2)
  static class TriesToLower extends ImportantBase {
    String note;
  }

  @Classified(DataLevel.CORE)
  static class Raises extends ImportantBase {
    String note;
  }

  @Classified(value = DataLevel.CORE, grade = 1)
  static class InvalidOwn extends ImportantBase {
    String note;
  }

  @Test
  @DisplayName("CLS-2: an unannotated subclass keeps the superclass's type-level classification")
  void inherits() {
    assertEquals(Optional.of(Classification.IMPORTANT), Schemas.of(Unannotated.class).declared());
    assertEquals("区县汇总", Schemas.of(Unannotated.class).reason());
  }

  @Test
  @DisplayName("CLS-2: a subclass cannot lower the superclass's floor, only raise it")
  void takesTheHighest() {
    assertEquals(Optional.of(Classification.IMPORTANT), Schemas.of(TriesToLower.class).declared());
    assertEquals(Optional.of(Classification.CORE), Schemas.of(Raises.class).declared());
  }

  @Test
  @DisplayName("CLS-1: an invalid type-level annotation on the subclass itself is still refused")
  void invalidOwnAnnotationRefused() {
    ClassificationException e = assertThrows(ClassificationException.class, () -> Schemas.of(InvalidOwn.class));
    assertEquals("GDS-CLS-001", e.code());
  }
}
