package org.govdatasec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.govdatasec.processor.Sources.compile;
import static org.govdatasec.processor.Sources.govdatasec;
import static org.govdatasec.processor.Sources.line;
import static org.govdatasec.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule: a source that breaks it (error, rule id, line) and one that satisfies it (no diagnostic). */
class RulesTest {

  private static void assertClean(Compilation c) {
    assertThat(c).succeededWithoutWarnings();
    assertEquals(List.of(), govdatasec(c));
  }

  @Nested
  @DisplayName("govdatasec:UNPROTECTED_AT_REST (ST-2, ST-3, PI-5)")
  class UnprotectedAtRest {

    @Test
    @DisplayName("an @Entity storing a resident ID in plain text is refused at the field's annotation")
    void entityPlainText() {
      JavaFileObject src = source("CitizenEntity",
          "@Entity public class CitizenEntity {",
          "  @Id @DataSubjectId String citizenNo;",
          "  @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber;",
          "}");
      Compilation c = compile(src);
      assertThat(c).hadErrorCount(1);
      assertThat(c).hadErrorContaining("[govdatasec:UNPROTECTED_AT_REST] GDS-PROC-001 [ST-2, ST-3, PI-5]"
          + " CitizenEntity.idNumber: sensitive personal information [RESIDENT_ID] (GENERAL-4) is stored in plain text")
          .inFile(src).onLineContaining("String idNumber");
      assertThat(c).hadErrorContaining("Fix: Annotate the field @Convert(converter = EncryptedStringConverter.class)");
    }

    @Test
    @DisplayName("IMPORTANT data on a @StoredForm type needs encryption too (mandatory, high-risk)")
    void storedFormImportant() {
      JavaFileObject src = source("StatsRow",
          "@StoredForm public class StatsRow {",
          "  @Classified(DataLevel.IMPORTANT) long population;",
          "}");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("StatsRow.population: data classified IMPORTANT (IMPORTANT) is stored in plain"
          + " text; the default policy requires ENCRYPT_AT_REST 存储加密 for it (mandatory, NJ-19)")
          .inFile(src).onLine(line(2));
    }

    @Test
    @DisplayName("@Convert with the SDK's converter, EncryptedValue, @Transient and low-level fields pass")
    void protectedPasses() {
      assertClean(compile(source("CitizenEntity",
          "@Entity public class CitizenEntity {",
          "  @Id @DataSubjectId String citizenNo;",
          "  @PersonalInfo(PiCategory.RESIDENT_ID)",
          "  @Convert(converter = org.govdatasec.crypto.jpa.EncryptedStringConverter.class) String idNumber;",
          "  @PersonalInfo(PiCategory.BANK_CARD) org.govdatasec.crypto.field.EncryptedValue bankCard;",
          "  @Transient @PersonalInfo(PiCategory.HEALTH) String healthNotes;",
          "  @PersonalInfo(PiCategory.NAME) String name;",
          "  @Classified(value = DataLevel.GENERAL, grade = 2) String status;",
          "}")));
    }

    @Test
    @DisplayName("a converter from elsewhere does not count as protection; a record that is not stored is not checked")
    void otherConverter() {
      JavaFileObject src = source("E",
          "@Entity public class E {",
          "  @Id @DataSubjectId String citizenNo;",
          "  @PersonalInfo(PiCategory.BANK_CARD) @Convert(converter = Plain.class) String card;",
          "  static class Plain implements AttributeConverter<String, String> {",
          "    public String convertToDatabaseColumn(String v) { return v; }",
          "    public String convertToEntityAttribute(String v) { return v; }",
          "  }",
          "}");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("[govdatasec:UNPROTECTED_AT_REST]").inFile(src).onLine(line(3));
      assertThat(c).hadErrorCount(1);
    }
  }

  @Nested
  @DisplayName("govdatasec:SENSITIVE_TO_STRING (PI-5)")
  class SensitiveToString {

    @Test
    @DisplayName("a record holding sensitive PI with the generated toString is refused")
    void recordGenerated() {
      JavaFileObject src = source("Applicant",
          "public record Applicant(",
          "    @DataSubjectId String citizenNo,",
          "    @PersonalInfo(PiCategory.NAME) String name,",
          "    @PersonalInfo(PiCategory.BANK_CARD) String bankCard,",
          "    @PersonalInfo(PiCategory.HEALTH) String health) {}");
      Compilation c = compile(src);
      assertThat(c).hadErrorCount(1);
      assertThat(c).hadErrorContaining("[govdatasec:SENSITIVE_TO_STRING] GDS-PROC-002 [PI-5] Applicant.bankCard: the"
          + " record's generated toString() prints every component, including sensitive personal information in"
          + " bankCard, health").inFile(src).onLine(line(4));
    }

    @Test
    @DisplayName("a hand-written toString that reads a sensitive field (or its accessor) is refused")
    void handWrittenReads() {
      JavaFileObject src = source("Applicant",
          "public record Applicant(@DataSubjectId String citizenNo, @PersonalInfo(PiCategory.BANK_CARD) String bankCard) {",
          "  @Override public String toString() {",
          "    return \"Applicant \" + citizenNo + \" \" + bankCard();",
          "  }",
          "}");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("Applicant.bankCard: the hand-written toString() (line " + line(3)
          + ") reads sensitive personal information [BANK_CARD], so it prints it.").inFile(src).onLine(line(1));
      JavaFileObject cls = source("Holder",
          "public class Holder {",
          "  @DataSubjectId String citizenNo;",
          "  @PersonalInfo(PiCategory.HEALTH) String health;",
          "  @Override public String toString() { return \"Holder\" + this.health; }",
          "}");
      assertThat(compile(cls)).hadErrorContaining("[govdatasec:SENSITIVE_TO_STRING]").inFile(cls).onLine(line(3));
    }

    @Test
    @DisplayName("Redaction.toString(this), a toString that skips sensitive fields, and non-sensitive PI pass")
    void passes() {
      assertClean(compile(source("Applicant",
          "public record Applicant(@DataSubjectId String citizenNo, @PersonalInfo(PiCategory.BANK_CARD) String bankCard) {",
          "  @Override public String toString() { return Redaction.toString(this); }",
          "}"), source("Holder",
          "public class Holder {",
          "  @DataSubjectId String citizenNo;",
          "  @PersonalInfo(PiCategory.HEALTH) String health;",
          "  @Override public String toString() { return \"Holder \" + citizenNo; }",
          "}"), source("Contact",
          "public record Contact(@DataSubjectId String citizenNo, @PersonalInfo(PiCategory.MOBILE) String mobile) {}")));
    }
  }

  @Nested
  @DisplayName("govdatasec:MISSING_SUBJECT_ID (PI-2, DS-2)")
  class MissingSubjectId {

    @Test
    @DisplayName("a type with personal information and no @DataSubjectId is refused at the type")
    void missing() {
      JavaFileObject src = source("Visit",
          "public class Visit {",
          "  @PersonalInfo(PiCategory.NAME) String visitor;",
          "  @Classified(value = DataLevel.GENERAL, grade = 1) String office;",
          "}");
      Compilation c = compile(src);
      assertThat(c).hadErrorCount(1);
      assertThat(c).hadErrorContaining("[govdatasec:MISSING_SUBJECT_ID] GDS-PROC-003 [PI-2, DS-2] Visit: holds personal"
          + " information (visitor) but no field is marked @DataSubjectId").inFile(src).onLine(line(1));
    }

    @Test
    @DisplayName("a subject id in the superclass counts; a type without personal information needs none")
    void passes() {
      assertClean(compile(source("Base",
          "public class Base { @DataSubjectId protected String citizenNo; }"), source("Visit",
          "public class Visit extends Base {",
          "  @PersonalInfo(PiCategory.NAME) String visitor;",
          "}"), source("Office",
          "public record Office(@Classified(value = DataLevel.GENERAL, grade = 1) String name) {}")));
    }
  }

  @Nested
  @DisplayName("govdatasec:INVALID_CLASSIFICATION (the GDS-CLS rules of sdk-core, CLS-1)")
  class InvalidClassification {

    @Test
    @DisplayName("every GDS-CLS problem of a type is reported at its annotation, with the GDS-CLS code")
    void everyProblem() {
      JavaFileObject src = source("Broken",
          "public class Broken {",
          "  @Classified(value = DataLevel.IMPORTANT, grade = 2) String districtCode;",
          "  @PersonalInfo({PiCategory.RESIDENT_ID, PiCategory.MOBILE}) String contact;",
          "  @PersonalInfo(value = PiCategory.HEALTH, sensitivity = Sensitivity.NOT_SENSITIVE) String health;",
          "  @DataSubjectId java.util.List<String> ids;",
          "  @Classified(value = DataLevel.GENERAL, grade = 1) static String CONSTANT = \"x\";",
          "  @Classified(value = DataLevel.GENERAL, grade = 7) String notes;",
          "}");
      Compilation c = compile(src);
      assertThat(c).hadErrorCount(6);
      String p = "[govdatasec:INVALID_CLASSIFICATION] GDS-PROC-004 ";
      assertThat(c).hadErrorContaining(p + "GDS-CLS-001 [CLS-1] Broken.districtCode: grade 2 was given for IMPORTANT")
          .inFile(src).onLine(line(2));
      assertThat(c).hadErrorContaining(p + "GDS-CLS-003 [CLS-1] Broken.contact").inFile(src).onLine(line(3));
      assertThat(c).hadErrorContaining(p + "GDS-CLS-006 [CLS-1, PI-5] Broken.health").inFile(src).onLine(line(4));
      assertThat(c).hadErrorContaining(p + "GDS-CLS-010 [CLS-1, DS-2] Broken.ids").inFile(src).onLine(line(5));
      assertThat(c).hadErrorContaining(p + "GDS-CLS-008 [CLS-1] Broken.CONSTANT").inFile(src).onLine(line(6));
      assertThat(c).hadErrorContaining(p + "GDS-CLS-002 [CLS-1] Broken.notes").inFile(src).onLine(line(7));
    }

    @Test
    @DisplayName("two subject ids (GDS-CLS-007) and a bad type-level grade are reported")
    void typeLevel() {
      JavaFileObject src = source("Two",
          "@Classified(value = DataLevel.CORE, grade = 3)",
          "public record Two(@DataSubjectId String a, @DataSubjectId String b) {}");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("GDS-CLS-001 [CLS-1] Two: grade 3 was given for CORE").inFile(src).onLine(line(1));
      assertThat(c).hadErrorContaining("GDS-CLS-007 [CLS-1, DS-2] Two.b").inFile(src).onLine(line(2));
    }

    @Test
    @DisplayName("valid annotations of every kind pass")
    void passes() {
      assertClean(compile(source("Fine",
          "@Classified(value = DataLevel.GENERAL, grade = 2)",
          "public record Fine(",
          "  @DataSubjectId String citizenNo,",
          "  @PersonalInfo(value = {PiCategory.NAME, PiCategory.ETHNICITY}) String name,",
          "  @PersonalInfo(value = PiCategory.BIRTH_DATE, sensitivity = Sensitivity.SENSITIVE) String birth,",
          "  @Classified(DataLevel.IMPORTANT) long total) {",
          "  @Override public String toString() { return Redaction.toString(this); }",
          "}")));
    }
  }

  @Nested
  @DisplayName("govdatasec:UNCLASSIFIED_FIELD (CLS-1)")
  class Unclassified {

    @Test
    @DisplayName("an unclassified field next to classified ones is a warning on that field")
    void warns() {
      JavaFileObject src = source("Note",
          "public record Note(@Classified(value = DataLevel.GENERAL, grade = 2) String code, String remarks, int n) {}");
      Compilation c = compile(src);
      assertThat(c).succeeded();
      assertThat(c).hadWarningCount(2);
      assertThat(c).hadWarningContaining("[govdatasec:UNCLASSIFIED_FIELD] GDS-PROC-005 [CLS-1] Note.remarks: the field"
          + " is unclassified while other fields of the type are classified").inFile(src).onLine(line(1));
      assertThat(c).hadWarningContaining("(unclassified here: remarks, n)");
    }

    @Test
    @DisplayName("a type with only a type-level classification, or all fields classified, has no warning")
    void passes() {
      assertClean(compile(source("Stats",
          "@Classified(DataLevel.IMPORTANT) public record Stats(long a, long b) {}"), source("All",
          "public record All(@Classified(value = DataLevel.GENERAL, grade = 1) String a, Stats nested) {}")));
    }
  }

  @Test
  @DisplayName("one source breaking several rules reports each once, and nothing else")
  void exactlyTheFindings() {
    Compilation c = compile(source("Everything",
        "@Entity public class Everything {",
        "  @Id @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber;",
        "  String remarks;",
        "  @Override public String toString() { return idNumber; }",
        "}"));
    List<String> found = govdatasec(c);
    assertEquals(4, found.size(), found::toString);
    assertTrue(found.get(0).startsWith("ERROR " + line(2) + ": [govdatasec:UNPROTECTED_AT_REST]"), found::toString);
    assertTrue(found.get(1).startsWith("ERROR " + line(2) + ": [govdatasec:SENSITIVE_TO_STRING]"), found::toString);
    assertTrue(found.get(2).startsWith("ERROR " + line(1) + ": [govdatasec:MISSING_SUBJECT_ID]"), found::toString);
    assertTrue(found.get(3).startsWith("WARNING " + line(3) + ": [govdatasec:UNCLASSIFIED_FIELD]"), found::toString);
  }
}
