package org.govdatasec.core.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.govdatasec.core.GovDataSecException;
import org.govdatasec.core.Requirement;
import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every {@code GDS-CLS} error (CLS-1) is triggered through the real path — annotated types read by
 * {@link Schemas#of}, the builders, or {@link Classification} — and explains itself: the exact code,
 * the requirement in brackets, the type and field, and a fix.
 */
class ClassificationErrorsTest {

  // ---------------------------------------------------------------------------------------------
  // Test types. Each is deliberately wrong in one way (or, for the last ones, in several).
  // ---------------------------------------------------------------------------------------------

  record GradedImportant(@Classified(value = DataLevel.IMPORTANT, grade = 2) String districtCode) {}

  record GradedCore(@Classified(value = DataLevel.CORE, grade = 4) String secret) {}

  record UngradedGeneral(@Classified(DataLevel.GENERAL) String guideNumber) {}

  record GradeFive(@Classified(value = DataLevel.GENERAL, grade = 5) String guideNumber) {}

  record TwoIdentifiers(@PersonalInfo({PiCategory.RESIDENT_ID, PiCategory.MOBILE}) String idNumber) {}

  record OrgAndPerson(@PersonalInfo({PiCategory.ORG_CREDIT_CODE, PiCategory.NAME}) String creditCode) {}

  record OrgAndAttribute(@PersonalInfo({PiCategory.ORG_CREDIT_CODE, PiCategory.PROPERTY}) String creditCode) {}

  record NoCategories(@PersonalInfo({}) String notes) {}

  record RepeatedCategory(@PersonalInfo({PiCategory.NAME, PiCategory.NAME}) String name) {}

  record HealthNotSensitive(
      @PersonalInfo(value = PiCategory.HEALTH, sensitivity = Sensitivity.NOT_SENSITIVE) String diagnosis) {}

  record ResidentIdNotSensitive(
      @DataSubjectId
      @PersonalInfo(value = PiCategory.RESIDENT_ID, sensitivity = Sensitivity.NOT_SENSITIVE) String idNumber) {}

  record TwoSubjects(@DataSubjectId String citizenNo, @PersonalInfo(PiCategory.NAME) String name,
      @DataSubjectId String idNumber) {}

  static class StaticInClass {
    @Classified(value = DataLevel.GENERAL, grade = 1)
    static String defaultRegion = "450100";

    String region;
  }

  record StaticInRecord(String region) {
    @PersonalInfo(PiCategory.NAME)
    static String defaultName = "张三";
  }

  static class StaticSubjectId {
    @DataSubjectId
    static String current;

    @PersonalInfo(PiCategory.NAME)
    String name;
  }

  record ListSubjectId(@DataSubjectId List<String> citizenNos) {}

  record ArraySubjectId(@DataSubjectId String[] citizenNos) {}

  record MapSubjectId(@DataSubjectId Map<String, String> citizenNos) {}

  interface SomeInterface {
    String name();
  }

  enum SomeEnum {
    A,
    B
  }

  enum EnumWithBody {
    SPECIAL {
      @Override
      String label() {
        return "special";
      }
    };

    abstract String label();
  }

  @Retention(RetentionPolicy.RUNTIME)
  @interface SomeAnnotation {}

  /** Several problems on several fields and on the type itself; all must be reported at once. */
  @Classified(DataLevel.GENERAL)
  record ManyProblems(
      @Classified(value = DataLevel.IMPORTANT, grade = 2) String districtCode,
      @PersonalInfo({PiCategory.RESIDENT_ID, PiCategory.MOBILE}) String contact,
      @PersonalInfo(value = PiCategory.HEALTH, sensitivity = Sensitivity.NOT_SENSITIVE) String diagnosis,
      @DataSubjectId List<String> citizenNos,
      @DataSubjectId String citizenNo,
      String remarks,
      @DataSubjectId String idNumber) {}

  /** One static field with three problems of its own. */
  static class OneFieldThreeProblems {
    @Classified(value = DataLevel.CORE, grade = 1)
    @PersonalInfo({PiCategory.NAME, PiCategory.NAME})
    static String template;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private static ClassificationException refused(Class<?> type) {
    return assertThrows(ClassificationException.class, () -> Schemas.of(type), type.getName() + " must be refused");
  }

  private static ClassificationException refused(Executable action) {
    return assertThrows(ClassificationException.class, action);
  }

  /**
   * Checks the message form {@code GDS-CLS-nnn [REQ, ...] Type.field: what. Fix: how}.
   *
   * @param location the expected {@code Type.field} (or {@code Type}), or {@code null} if none
   */
  private static void assertExplains(
      ClassificationException e, ClassificationError error, String location, Requirement... requirements) {
    assertEquals(error.code(), e.code(), e.getMessage());
    assertEquals(error, e.errorCode());
    assertEquals(List.of(requirements), e.requirements());
    String message = e.getMessage();
    assertTrue(message.startsWith(error.code() + " "), message);
    String ids = Arrays.stream(requirements).map(Requirement::id).collect(Collectors.joining(", "));
    assertTrue(message.startsWith(error.code() + " [" + ids + "] "), message);
    assertTrue(message.contains("[" + requirements[0].id()), message);
    assertTrue(message.contains("Fix: " + error.fix()), message);
    assertEquals(error.fix(), e.fix());
    if (location != null) {
      assertTrue(message.contains(location + ": "), "message names " + location + ": " + message);
      assertTrue(e.refused().contains(location), e.refused());
    }
    assertInstanceOf(GovDataSecException.class, e);
    assertFalse(e.problems().isEmpty());
    assertEquals(error, e.problems().get(0).error());
  }

  private static List<String> codes(ClassificationException e) {
    return e.problems().stream().map(p -> p.error().code()).collect(Collectors.toList());
  }

  // ---------------------------------------------------------------------------------------------
  // GDS-CLS-001
  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("GDS-CLS-001 [CLS-1]: @Classified(value = IMPORTANT, grade = 2) is refused")
  void gradeOnImportant() {
    ClassificationException e = refused(GradedImportant.class);
    assertExplains(e, ClassificationError.GRADE_OUTSIDE_GENERAL, "GradedImportant.districtCode", Requirement.CLS_1);
    assertEquals(1, e.problems().size());
    ClassificationProblem p = e.problems().get(0);
    assertEquals("districtCode", p.element());
    assertEquals(GradedImportant.class.getName(), p.typeName());
    assertTrue(p.message().contains("grade 2"), p.message());
    assertTrue(p.message().contains("IMPORTANT"), p.message());
  }

  @Test
  @DisplayName("GDS-CLS-001 [CLS-1]: a grade on core data is refused")
  void gradeOnCore() {
    assertExplains(refused(GradedCore.class), ClassificationError.GRADE_OUTSIDE_GENERAL, "GradedCore.secret",
        Requirement.CLS_1);
  }

  @Test
  @DisplayName("GDS-CLS-001 [CLS-1]: new Classification(IMPORTANT, 2) is refused")
  void gradeOnImportantConstructor() {
    ClassificationException e = refused(() -> new Classification(DataLevel.IMPORTANT, 2));
    assertExplains(e, ClassificationError.GRADE_OUTSIDE_GENERAL, null, Requirement.CLS_1);
    assertTrue(e.getMessage().contains("grade 2 was given for IMPORTANT data"), e.getMessage());
  }

  @Test
  @DisplayName("GDS-CLS-001 [CLS-1]: the field builder refuses a grade on core data")
  void gradeOnCoreBuilder() {
    ClassificationException e =
        refused(() -> FieldSchema.builder("secret").classified(DataLevel.CORE, 1, "").build());
    assertExplains(e, ClassificationError.GRADE_OUTSIDE_GENERAL, "secret", Requirement.CLS_1);
    assertEquals("secret", e.problems().get(0).element());
  }

  // ---------------------------------------------------------------------------------------------
  // GDS-CLS-002
  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("GDS-CLS-002 [CLS-1]: @Classified(GENERAL) without a grade is refused")
  void generalWithoutGrade() {
    ClassificationException e = refused(UngradedGeneral.class);
    assertExplains(e, ClassificationError.GRADE_OUT_OF_RANGE, "UngradedGeneral.guideNumber", Requirement.CLS_1);
    assertTrue(e.getMessage().contains("the grade is 0"), e.getMessage());
  }

  @Test
  @DisplayName("GDS-CLS-002 [CLS-1]: @Classified(GENERAL, grade = 5) is refused")
  void generalGradeFive() {
    ClassificationException e = refused(GradeFive.class);
    assertExplains(e, ClassificationError.GRADE_OUT_OF_RANGE, "GradeFive.guideNumber", Requirement.CLS_1);
    assertTrue(e.getMessage().contains("the grade is 5"), e.getMessage());
  }

  @Test
  @DisplayName("GDS-CLS-002 [CLS-1]: Classification.general refuses grades outside 1 to 4")
  void generalFactoryRange() {
    for (int grade : new int[] {Integer.MIN_VALUE, -1, 0, 5, 100}) {
      assertExplains(refused(() -> Classification.general(grade)), ClassificationError.GRADE_OUT_OF_RANGE, null,
          Requirement.CLS_1);
    }
    for (int grade = 1; grade <= 4; grade++) {
      assertEquals(grade, Classification.general(grade).grade());
    }
  }

  @Test
  @DisplayName("GDS-CLS-002 [CLS-1]: a type-level @Classified(GENERAL) without grade names the type")
  void typeLevelWithoutGrade() {
    ClassificationException e = refused(() -> TypeSchema.builder("com.example.Permit", TypeSchema.Kind.CLASS)
        .classified(DataLevel.GENERAL, 0, "").build());
    assertExplains(e, ClassificationError.GRADE_OUT_OF_RANGE, "Permit", Requirement.CLS_1);
    assertNull(e.problems().get(0).element());
    assertEquals("com.example.Permit", e.problems().get(0).typeName());
  }

  // ---------------------------------------------------------------------------------------------
  // GDS-CLS-003 .. 006: @PersonalInfo
  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("GDS-CLS-003 [CLS-1]: two identifier categories on one field are refused")
  void twoIdentifiers() {
    ClassificationException e = refused(TwoIdentifiers.class);
    assertExplains(e, ClassificationError.CONFLICTING_IDENTIFIERS, "TwoIdentifiers.idNumber", Requirement.CLS_1);
    assertEquals(List.of("GDS-CLS-003"), codes(e));
    assertTrue(e.getMessage().contains("RESIDENT_ID") && e.getMessage().contains("MOBILE"), e.getMessage());
  }

  @Test
  @DisplayName("GDS-CLS-004 [CLS-1]: ORG_CREDIT_CODE with NAME is refused as organisation-and-person, once")
  void organisationAndPerson() {
    ClassificationException e = refused(OrgAndPerson.class);
    assertExplains(e, ClassificationError.ORGANISATION_AND_PERSON, "OrgAndPerson.creditCode", Requirement.CLS_1);
    // One cause, one report: the organisation code is not a second personal identifier format.
    assertEquals(List.of("GDS-CLS-004"), codes(e));
    assertTrue(e.getMessage().contains("[NAME]"), e.getMessage());
  }

  @Test
  @DisplayName("GDS-CLS-004 [CLS-1]: ORG_CREDIT_CODE with a personal attribute is refused")
  void organisationAndAttribute() {
    ClassificationException e = refused(OrgAndAttribute.class);
    assertExplains(e, ClassificationError.ORGANISATION_AND_PERSON, "OrgAndAttribute.creditCode", Requirement.CLS_1);
    assertEquals(List.of("GDS-CLS-004"), codes(e));
  }

  @Test
  @DisplayName("GDS-CLS-005 [CLS-1]: @PersonalInfo({}) is refused")
  void emptyCategories() {
    ClassificationException e = refused(NoCategories.class);
    assertExplains(e, ClassificationError.BAD_CATEGORY_LIST, "NoCategories.notes", Requirement.CLS_1);
    assertTrue(e.getMessage().contains("no category"), e.getMessage());
  }

  @Test
  @DisplayName("GDS-CLS-005 [CLS-1]: @PersonalInfo({NAME, NAME}) is refused")
  void repeatedCategory() {
    ClassificationException e = refused(RepeatedCategory.class);
    assertExplains(e, ClassificationError.BAD_CATEGORY_LIST, "RepeatedCategory.name", Requirement.CLS_1);
    assertEquals(List.of("GDS-CLS-005"), codes(e));
    assertTrue(e.getMessage().contains("more than once"), e.getMessage());
  }

  @Test
  @DisplayName("GDS-CLS-006 [CLS-1, PI-5]: HEALTH declared NOT_SENSITIVE is refused")
  void statutorySensitiveDowngraded() {
    ClassificationException e = refused(HealthNotSensitive.class);
    assertExplains(e, ClassificationError.STATUTORY_SENSITIVE_DOWNGRADED, "HealthNotSensitive.diagnosis",
        Requirement.CLS_1, Requirement.PI_5);
    assertTrue(e.getMessage().contains("[CLS-1, PI-5]"), e.getMessage());
    assertTrue(e.getMessage().contains("HEALTH"), e.getMessage());
  }

  @Test
  @DisplayName("GDS-CLS-006 [CLS-1, PI-5]: no category sensitive by law may be declared NOT_SENSITIVE")
  void everyStatutoryCategoryRefusesDowngrade() {
    Set<PiCategory> statutory = EnumSet.of(PiCategory.BIOMETRIC, PiCategory.RELIGION, PiCategory.SPECIFIC_IDENTITY,
        PiCategory.HEALTH, PiCategory.FINANCIAL_ACCOUNT, PiCategory.PRECISE_LOCATION, PiCategory.MINORS);
    for (PiCategory c : PiCategory.values()) {
      FieldSchema.Builder b =
          FieldSchema.builder("f").personalInfo(List.of(c), Sensitivity.NOT_SENSITIVE);
      if (statutory.contains(c)) {
        ClassificationException e = refused(b::build);
        assertExplains(e, ClassificationError.STATUTORY_SENSITIVE_DOWNGRADED, "f", Requirement.CLS_1,
            Requirement.PI_5);
      } else {
        FieldSchema f = b.build();
        assertFalse(f.sensitive(), c + " declared NOT_SENSITIVE is not sensitive");
      }
    }
  }

  @Test
  @DisplayName("CLS-1, PI-5: RESIDENT_ID (sensitive by default, not by law) may be declared NOT_SENSITIVE")
  void residentIdMayBeDeclaredNotSensitive() {
    TypeSchema schema = Schemas.of(ResidentIdNotSensitive.class);
    FieldSchema f = schema.field("idNumber").orElseThrow();
    assertTrue(f.personalInformation());
    assertFalse(f.sensitive(), "declared NOT_SENSITIVE");
    assertEquals(Sensitivity.NOT_SENSITIVE, f.sensitivity());
    assertEquals(Set.of(PiCategory.RESIDENT_ID), f.categories());
    assertTrue(FieldSchema.builder("x").personalInfo(List.of(PiCategory.RESIDENT_ID), Sensitivity.DEFAULT).build()
        .sensitive(), "RESIDENT_ID is sensitive by default");
  }

  // ---------------------------------------------------------------------------------------------
  // GDS-CLS-007, 008, 010: the data subject and static fields
  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("GDS-CLS-007 [CLS-1, DS-2]: two @DataSubjectId fields are refused")
  void twoSubjectIds() {
    ClassificationException e = refused(TwoSubjects.class);
    assertExplains(e, ClassificationError.MULTIPLE_SUBJECT_IDS, "TwoSubjects.idNumber", Requirement.CLS_1,
        Requirement.DS_2);
    assertEquals(List.of("GDS-CLS-007"), codes(e));
    assertTrue(e.getMessage().contains("[citizenNo, idNumber]"), e.getMessage());
  }

  @Test
  @DisplayName("GDS-CLS-007 [CLS-1, DS-2]: the TypeSchema constructor refuses two subject identifiers too")
  void twoSubjectIdsConstructor() {
    FieldSchema a = FieldSchema.builder("a").subjectId(true).build();
    FieldSchema b = FieldSchema.builder("b").subjectId(true).build();
    ClassificationException e = refused(() -> new TypeSchema("com.example.Pair", TypeSchema.Kind.RECORD,
        Optional.empty(), "", List.of(a, b)));
    assertExplains(e, ClassificationError.MULTIPLE_SUBJECT_IDS, "Pair.b", Requirement.CLS_1, Requirement.DS_2);
  }

  @Test
  @DisplayName("CLS-1: the TypeSchema constructor refuses two fields of the same name")
  void duplicateFieldNames() {
    FieldSchema a = FieldSchema.builder("a").build();
    assertThrows(IllegalArgumentException.class,
        () -> new TypeSchema("com.example.Dup", TypeSchema.Kind.CLASS, Optional.empty(), "", List.of(a, a)));
  }

  @Test
  @DisplayName("GDS-CLS-008 [CLS-1]: @Classified on a static field of a class is refused")
  void staticFieldInClass() {
    ClassificationException e = refused(StaticInClass.class);
    assertExplains(e, ClassificationError.STATIC_FIELD, "StaticInClass.defaultRegion", Requirement.CLS_1);
    assertEquals(List.of("GDS-CLS-008"), codes(e));
  }

  @Test
  @DisplayName("GDS-CLS-008 [CLS-1]: @PersonalInfo on a static field of a record is refused")
  void staticFieldInRecord() {
    ClassificationException e = refused(StaticInRecord.class);
    assertExplains(e, ClassificationError.STATIC_FIELD, "StaticInRecord.defaultName", Requirement.CLS_1);
    assertEquals(List.of("GDS-CLS-008"), codes(e));
  }

  @Test
  @DisplayName("GDS-CLS-008 [CLS-1]: @DataSubjectId on a static field is refused")
  void staticSubjectId() {
    ClassificationException e = refused(StaticSubjectId.class);
    assertExplains(e, ClassificationError.STATIC_FIELD, "StaticSubjectId.current", Requirement.CLS_1);
  }

  @Test
  @DisplayName("GDS-CLS-010 [CLS-1, DS-2]: @DataSubjectId on a List<String> is refused")
  void listSubjectId() {
    ClassificationException e = refused(ListSubjectId.class);
    assertExplains(e, ClassificationError.MULTI_VALUED_SUBJECT_ID, "ListSubjectId.citizenNos", Requirement.CLS_1,
        Requirement.DS_2);
    assertEquals(List.of("GDS-CLS-010"), codes(e));
  }

  @Test
  @DisplayName("GDS-CLS-010 [CLS-1, DS-2]: @DataSubjectId on an array or a map is refused")
  void arrayAndMapSubjectId() {
    assertExplains(refused(ArraySubjectId.class), ClassificationError.MULTI_VALUED_SUBJECT_ID,
        "ArraySubjectId.citizenNos", Requirement.CLS_1, Requirement.DS_2);
    assertExplains(refused(MapSubjectId.class), ClassificationError.MULTI_VALUED_SUBJECT_ID,
        "MapSubjectId.citizenNos", Requirement.CLS_1, Requirement.DS_2);
  }

  // ---------------------------------------------------------------------------------------------
  // GDS-CLS-009: unreadable text
  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("GDS-CLS-009 [CLS-1]: parse(\"GENERAL-5\") and parse(\"secret\") are refused")
  void unreadableClassification() {
    for (String text : new String[] {"GENERAL-5", "secret", "GENERAL-0", "GENERAL", "GENERAL_3", "", "IMPORTANT-1"}) {
      ClassificationException e = refused(() -> Classification.parse(text));
      assertExplains(e, ClassificationError.UNREADABLE_CLASSIFICATION, null, Requirement.CLS_1);
      assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }
    assertExplains(refused(() -> Classification.parse(null)), ClassificationError.UNREADABLE_CLASSIFICATION, null,
        Requirement.CLS_1);
  }

  // ---------------------------------------------------------------------------------------------
  // GDS-CLS-011: not a data type
  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("GDS-CLS-011 [CLS-1]: Schemas.of refuses an interface, enum, annotation, primitive and array")
  void notADataType() {
    assertExplains(refused(SomeInterface.class), ClassificationError.NOT_A_DATA_TYPE, "SomeInterface",
        Requirement.CLS_1);
    assertExplains(refused(SomeEnum.class), ClassificationError.NOT_A_DATA_TYPE, "SomeEnum", Requirement.CLS_1);
    assertExplains(refused(SomeAnnotation.class), ClassificationError.NOT_A_DATA_TYPE, "SomeAnnotation",
        Requirement.CLS_1);
    assertExplains(refused(int.class), ClassificationError.NOT_A_DATA_TYPE, "int", Requirement.CLS_1);
    assertExplains(refused(String[].class), ClassificationError.NOT_A_DATA_TYPE, "String[]", Requirement.CLS_1);
    assertTrue(refused(String[].class).getMessage().startsWith("GDS-CLS-011 [CLS-1] String[]: "),
        refused(String[].class).getMessage());
  }

  @Test
  @DisplayName("GDS-CLS-011 [CLS-1]: the class of an enum constant with a body is an enum too")
  void enumConstantWithBody() {
    Class<?> constantClass = EnumWithBody.SPECIAL.getClass();
    assertFalse(constantClass.isEnum(), "precondition: Class.isEnum() is false for a constant body");
    ClassificationException e = refused(constantClass);
    assertExplains(e, ClassificationError.NOT_A_DATA_TYPE, null, Requirement.CLS_1);
    assertExplains(refused(EnumWithBody.class), ClassificationError.NOT_A_DATA_TYPE, "EnumWithBody",
        Requirement.CLS_1);
  }

  @Test
  @DisplayName("CLS-1: Schemas.of(null) is a NullPointerException, not a schema")
  void nullType() {
    assertThrows(NullPointerException.class, () -> Schemas.of(null));
  }

  // ---------------------------------------------------------------------------------------------
  // All problems at once
  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("CLS-1: a type with several problems reports all of them, in declaration order")
  void everyProblemReported() {
    ClassificationException e = refused(ManyProblems.class);
    assertEquals(List.of("GDS-CLS-002", "GDS-CLS-001", "GDS-CLS-003", "GDS-CLS-006", "GDS-CLS-010", "GDS-CLS-007"),
        codes(e));
    assertEquals(6, e.problems().size());
    assertExplains(e, ClassificationError.GRADE_OUT_OF_RANGE, "ManyProblems", Requirement.CLS_1);
    List<String> elements = e.problems().stream().map(ClassificationProblem::element).collect(Collectors.toList());
    assertEquals(Arrays.asList(null, "districtCode", "contact", "diagnosis", "citizenNos", "idNumber"), elements);
    String message = e.getMessage();
    assertTrue(message.contains("and 5 more:"), message);
    for (ClassificationProblem p : e.problems()) {
      assertTrue(message.contains(p.error().code()), p.error().code() + " listed in " + message);
      assertTrue(message.contains(p.location()), p.location() + " listed in " + message);
      assertTrue(message.contains(p.toString()), message);
      assertTrue(p.toString().contains("Fix: " + p.error().fix()), p.toString());
      assertEquals(ManyProblems.class.getName(), p.typeName());
    }
    for (String location : List.of("ManyProblems.districtCode", "ManyProblems.contact", "ManyProblems.diagnosis",
        "ManyProblems.citizenNos", "ManyProblems.idNumber")) {
      assertTrue(message.contains(location + ": "), location + " in " + message);
    }
    assertTrue(message.contains("[CLS-1, PI-5]") && message.contains("[CLS-1, DS-2]"), message);
    assertEquals(7, message.lines().count(), "first problem, the 'and 5 more' line, then one line each: " + message);
  }

  @Test
  @DisplayName("CLS-1: one field with three problems reports all three")
  void oneFieldThreeProblems() {
    ClassificationException e = refused(OneFieldThreeProblems.class);
    assertEquals(List.of("GDS-CLS-008", "GDS-CLS-001", "GDS-CLS-005"), codes(e));
    e.problems().forEach(p -> assertEquals("ClassificationErrorsTest$OneFieldThreeProblems.template", p.location()));
    assertTrue(e.getMessage().contains("and 2 more:"), e.getMessage());
  }

  @Test
  @DisplayName("CLS-1: the type builder collects the problems of every field before it throws")
  void typeBuilderCollectsAll() {
    ClassificationException e = refused(() -> TypeSchema.builder("com.example.Form", TypeSchema.Kind.CLASS)
        .classified(DataLevel.CORE, 3, "")
        .field(FieldSchema.builder("a").classified(DataLevel.GENERAL, 9, ""))
        .field(FieldSchema.builder("ok").classified(DataLevel.GENERAL, 2, ""))
        .field(FieldSchema.builder("b").personalInfo(List.of(PiCategory.MOBILE, PiCategory.EMAIL), Sensitivity.DEFAULT))
        .field(FieldSchema.builder("c").subjectId(true))
        .field(FieldSchema.builder("d").subjectId(true))
        .build());
    assertEquals(List.of("GDS-CLS-001", "GDS-CLS-002", "GDS-CLS-003", "GDS-CLS-007"), codes(e));
    assertEquals(List.of("Form", "Form.a", "Form.b", "Form.d"),
        e.problems().stream().map(ClassificationProblem::location).collect(Collectors.toList()));
    assertTrue(e.getMessage().startsWith("GDS-CLS-001 [CLS-1] Form: "), e.getMessage());
  }

  @Test
  @DisplayName("CLS-1: a ClassificationException needs at least one problem")
  void exceptionNeedsAProblem() {
    assertThrows(IllegalArgumentException.class, () -> new ClassificationException(List.of()));
  }

  @Test
  @DisplayName("CLS-1: the error codes are GDS-CLS-001 to GDS-CLS-011, each with a requirement and a fix")
  void errorCatalogue() {
    ClassificationError[] all = ClassificationError.values();
    assertEquals(11, all.length);
    for (int i = 0; i < all.length; i++) {
      assertEquals(String.format("GDS-CLS-%03d", i + 1), all[i].code());
      assertFalse(all[i].requirements().isEmpty());
      assertEquals(Requirement.CLS_1, all[i].requirements().get(0));
      assertFalse(all[i].fix().isBlank());
    }
  }
}
