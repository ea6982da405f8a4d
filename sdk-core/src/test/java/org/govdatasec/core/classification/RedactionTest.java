package org.govdatasec.core.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PI-5: Redaction.toString never prints a personal-information value, and prints everything else. */
class RedactionTest {

  record Person(
      @DataSubjectId String citizenNo,
      @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber,
      @PersonalInfo({PiCategory.HEALTH, PiCategory.MINORS}) String childHealth,
      @PersonalInfo(PiCategory.NAME) String name,
      @Classified(value = DataLevel.GENERAL, grade = 2) int visits) {
    @Override
    public String toString() {
      return Redaction.toString(this);
    }
  }

  record Family(@DataSubjectId String headNo, List<Person> members) {
    @Override
    public String toString() {
      return Redaction.toString(this);
    }
  }

  static class Base {
    @PersonalInfo(PiCategory.MOBILE)
    String code = "13800138000";
  }

  static class Derived extends Base {
    @DataSubjectId
    String code = "S-1";
    private final String note = "plain";
  }

  @Test
  @DisplayName("PI-5: personal-information fields print as <CATEGORY redacted>, others print their value")
  void record() {
    Person p = new Person("C-0001", "450103199001011234", "哮喘", "韦小宝", 3);
    assertEquals("Person[citizenNo=C-0001, idNumber=<RESIDENT_ID redacted>, childHealth=<HEALTH+MINORS redacted>,"
        + " name=<NAME redacted>, visits=3]", p.toString());
    assertFalse(p.toString().contains("450103"));
  }

  @Test
  @DisplayName("PI-5: null stays null, and nested records that redact stay redacted")
  void nestedAndNull() {
    Person p = new Person("C-2", null, null, "韦小宝", 0);
    Family f = new Family("C-2", List.of(p));
    assertEquals("Family[headNo=C-2, members=[Person[citizenNo=C-2, idNumber=null, childHealth=null,"
        + " name=<NAME redacted>, visits=0]]]", f.toString());
    assertEquals("null", Redaction.toString(null));
  }

  @Test
  @DisplayName("PI-5: classes print superclass fields first; a hidden field is named after its class")
  void plainClass() {
    assertEquals("Derived[Base.code=<MOBILE redacted>, code=S-1, note=plain]", Redaction.toString(new Derived()));
  }

  @Test
  @DisplayName("CLS-1: an object of an invalid type is refused like Schemas.of")
  void invalid() {
    record Broken(@Classified(value = DataLevel.CORE, grade = 2) String x) {}
    assertThrows(ClassificationException.class, () -> Redaction.toString(new Broken("x")));
  }
}
