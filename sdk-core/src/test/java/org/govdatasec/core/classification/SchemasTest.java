package org.govdatasec.core.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Schemas#of} reads annotated records and classes into a {@link TypeSchema} (CLS-1, CLS-4). */
class SchemasTest {

  // ---------------------------------------------------------------------------------------------
  // Test types
  // ---------------------------------------------------------------------------------------------

  @Classified(value = DataLevel.GENERAL, grade = 2, reason = "市民基本信息")
  record Citizen(
      @DataSubjectId String citizenNo,
      @PersonalInfo(PiCategory.NAME) String name,
      @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber,
      @PersonalInfo(value = PiCategory.RESIDENT_ID, sensitivity = Sensitivity.NOT_SENSITIVE) String maskedId,
      @PersonalInfo(PiCategory.MOBILE) String mobile,
      @PersonalInfo(value = PiCategory.MOBILE, sensitivity = Sensitivity.SENSITIVE) String protectedMobile,
      @PersonalInfo({PiCategory.HEALTH, PiCategory.MINORS}) String childVaccination,
      @PersonalInfo(PiCategory.ORG_CREDIT_CODE) String employerCode,
      @Classified(value = DataLevel.IMPORTANT, reason = "网格化管理底数") String districtCode,
      @PersonalInfo(PiCategory.ADDRESS) List<String> previousAddresses,
      @PersonalInfo(PiCategory.MOBILE) String[] phones,
      @PersonalInfo(PiCategory.OTHER) Map<String, String> extra,
      String remarks) {
    /** Unannotated static fields are not data and are ignored. */
    static final String SCHEME = "citizen-v1";

    static int counter;
  }

  /** A record with nothing classified. */
  record Plain(String a, int b) {}

  /** Holds classified data in every container shape the reader unwraps. */
  record Holder(
      Citizen single,
      List<Citizen> list,
      Citizen[] array,
      Map<String, Citizen> byId,
      Optional<Citizen> maybe,
      Collection<? extends Citizen> wildcard,
      List<List<Citizen>> nested,
      List<String> strings,
      Plain plain,
      List<Plain> plains,
      Optional<String> text) {}

  static class Base {
    @Classified(value = DataLevel.GENERAL, grade = 1)
    String code;

    @PersonalInfo(PiCategory.NAME)
    String baseName;

    static String unannotatedStatic = "ignored";
  }

  static class Derived extends Base {
    @Classified(value = DataLevel.IMPORTANT)
    String code;

    @DataSubjectId
    String citizenNo;

    long version;
  }

  static class Mid extends Base {
    @Classified(value = DataLevel.GENERAL, grade = 3)
    String code;
  }

  /** {@code code} is not declared here: Mid's is the visible one, Base's the hidden one. */
  static class Leaf extends Mid {
    String other;
  }

  @Classified(value = DataLevel.CORE, reason = "关键基础设施")
  static class TypeLevelOnly {
    String payload;
  }

  static class Empty {}

  static class Shapes {
    List<String>[] genericArray;
    int[][] matrix;
    Iterable<String> iterable;
    Set<String> set;
    Optional<List<String>> optionalList;
    String single;
    int primitive;
  }

  static class GenericBox<T extends Citizen> {
    T content;
  }

  /** An unannotated wrapper around classified data: classified because of what it holds. */
  record Envelope(List<Citizen> citizens, String batchNo) {}

  /** Holds an Envelope: the citizens inside must not be lost (CLS-2). */
  record Batch(Envelope envelope, String sender) {}

  /** Unannotated and self-referential, with nothing classified anywhere. */
  record Node(String label, List<Node> children) {}

  /** Self-referential, with something classified two steps away. */
  record Tree(List<Tree> children, Optional<Envelope> payload) {}

  class Inner {
    @PersonalInfo(PiCategory.NAME)
    String name;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private static List<String> names(TypeSchema schema) {
    return schema.fields().stream().map(FieldSchema::name).collect(Collectors.toList());
  }

  private static FieldSchema field(TypeSchema schema, String name) {
    return schema.field(name).orElseThrow(() -> new AssertionError("no field " + name + " in " + names(schema)));
  }

  // ---------------------------------------------------------------------------------------------
  // Records
  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("CLS-1: a record's fields are its components, in order; static fields are ignored")
  void recordComponentsInOrder() {
    TypeSchema s = Schemas.of(Citizen.class);
    assertEquals(List.of("citizenNo", "name", "idNumber", "maskedId", "mobile", "protectedMobile",
        "childVaccination", "employerCode", "districtCode", "previousAddresses", "phones", "extra", "remarks"),
        names(s));
    assertEquals(TypeSchema.Kind.RECORD, s.kind());
    assertEquals(Citizen.class.getName(), s.typeName());
    assertEquals("Citizen", s.simpleName());
    assertTrue(s.field("SCHEME").isEmpty());
    assertTrue(s.field("counter").isEmpty());
  }

  @Test
  @DisplayName("CLS-1: the type-level @Classified is read into declared() with its reason")
  void typeLevelClassification() {
    TypeSchema s = Schemas.of(Citizen.class);
    assertEquals(Optional.of(Classification.general(2)), s.declared());
    assertEquals("市民基本信息", s.reason());
    assertTrue(s.isClassified());

    TypeSchema t = Schemas.of(TypeLevelOnly.class);
    assertEquals(Optional.of(Classification.CORE), t.declared());
    assertEquals("关键基础设施", t.reason());
    assertTrue(t.isClassified(), "classified by the type alone");
    assertEquals(List.of("payload"), names(t.unclassifiedFields()));

    assertEquals(Optional.empty(), Schemas.of(Plain.class).declared());
    assertEquals("", Schemas.of(Plain.class).reason());
  }

  private static List<String> names(List<FieldSchema> fields) {
    return fields.stream().map(FieldSchema::name).collect(Collectors.toList());
  }

  @Test
  @DisplayName("CLS-1: field-level @Classified and reason, and the unclassified fields")
  void fieldClassificationAndUnclassified() {
    TypeSchema s = Schemas.of(Citizen.class);
    FieldSchema district = field(s, "districtCode");
    assertEquals(Optional.of(Classification.IMPORTANT), district.declared());
    assertEquals("网格化管理底数", district.reason());
    assertTrue(district.classified());
    assertEquals(Optional.empty(), field(s, "name").declared());
    assertEquals(List.of("remarks"), names(s.unclassifiedFields()));
    assertFalse(field(s, "remarks").classified());
    assertTrue(field(s, "citizenNo").classified(), "the subject id counts as classification information");
    assertEquals("java.lang.String", field(s, "remarks").javaType());
    assertEquals("java.util.List<java.lang.String>", field(s, "previousAddresses").javaType());

    TypeSchema plain = Schemas.of(Plain.class);
    assertFalse(plain.isClassified());
    assertEquals(List.of("a", "b"), names(plain.unclassifiedFields()));
    assertFalse(plain.holdsPersonalInformation());
    assertTrue(plain.subjectIdField().isEmpty());
  }

  @Test
  @DisplayName("CLS-1, DS-2: subjectIdField() is the @DataSubjectId field")
  void subjectIdField() {
    TypeSchema s = Schemas.of(Citizen.class);
    assertEquals("citizenNo", s.subjectIdField().orElseThrow().name());
    assertTrue(field(s, "citizenNo").subjectId());
    assertEquals(1, s.fields().stream().filter(FieldSchema::subjectId).count());
  }

  @Test
  @DisplayName("CLS-1: field(name) finds a field or is empty")
  void fieldByName() {
    TypeSchema s = Schemas.of(Citizen.class);
    assertEquals("mobile", s.field("mobile").orElseThrow().name());
    assertTrue(s.field("nope").isEmpty());
    assertTrue(s.field("Mobile").isEmpty(), "names are case-sensitive");
  }

  @Test
  @DisplayName("CLS-1, PI-5: sensitive() follows the category defaults and the declared overrides")
  void sensitivity() {
    TypeSchema s = Schemas.of(Citizen.class);
    assertFalse(field(s, "name").sensitive(), "NAME is not sensitive by default");
    assertTrue(field(s, "idNumber").sensitive(), "RESIDENT_ID is sensitive by default");
    assertFalse(field(s, "maskedId").sensitive(), "RESIDENT_ID declared NOT_SENSITIVE");
    assertFalse(field(s, "mobile").sensitive(), "MOBILE is not sensitive by default");
    assertTrue(field(s, "protectedMobile").sensitive(), "MOBILE declared SENSITIVE");
    assertTrue(field(s, "childVaccination").sensitive(), "HEALTH and MINORS");
    assertFalse(field(s, "employerCode").sensitive(), "an organisation code is never sensitive PI");
    assertFalse(field(s, "districtCode").sensitive(), "not personal information at all");
    assertFalse(field(s, "remarks").sensitive());
    assertEquals(Set.of(PiCategory.HEALTH, PiCategory.MINORS), field(s, "childVaccination").categories());
    assertEquals(Sensitivity.DEFAULT, field(s, "idNumber").sensitivity());
    assertEquals(Sensitivity.SENSITIVE, field(s, "protectedMobile").sensitivity());
  }

  @Test
  @DisplayName("CLS-1: ORG_CREDIT_CODE alone is not personal information; NAME is")
  void personalInformation() {
    TypeSchema s = Schemas.of(Citizen.class);
    FieldSchema org = field(s, "employerCode");
    assertFalse(org.personalInformation());
    assertTrue(org.classified(), "but it is classification information");
    assertEquals(Set.of(PiCategory.ORG_CREDIT_CODE), org.categories());
    assertTrue(field(s, "name").personalInformation());
    assertFalse(field(s, "districtCode").personalInformation());
    assertTrue(s.holdsPersonalInformation());

    TypeSchema orgOnly = TypeSchema.builder("com.example.Company", TypeSchema.Kind.RECORD)
        .field(FieldSchema.builder("creditCode").personalInfo(List.of(PiCategory.ORG_CREDIT_CODE), Sensitivity.DEFAULT))
        .build();
    assertFalse(orgOnly.holdsPersonalInformation());
    assertTrue(orgOnly.isClassified());
  }

  @Test
  @DisplayName("CLS-1: lists, arrays and maps are multi-valued; single values are not")
  void multiValued() {
    TypeSchema s = Schemas.of(Citizen.class);
    assertTrue(field(s, "previousAddresses").multiValued(), "List");
    assertTrue(field(s, "phones").multiValued(), "array");
    assertTrue(field(s, "extra").multiValued(), "Map");
    assertFalse(field(s, "mobile").multiValued());
    assertFalse(field(s, "citizenNo").multiValued());

    TypeSchema shapes = Schemas.of(Shapes.class);
    assertTrue(field(shapes, "genericArray").multiValued(), "List<String>[] (a generic array type)");
    assertTrue(field(shapes, "matrix").multiValued(), "int[][]");
    assertTrue(field(shapes, "iterable").multiValued(), "Iterable");
    assertTrue(field(shapes, "set").multiValued(), "Set");
    assertFalse(field(shapes, "optionalList").multiValued(), "an Optional holds at most one value");
    assertFalse(field(shapes, "single").multiValued());
    assertFalse(field(shapes, "primitive").multiValued());
    assertTrue(shapes.fields().stream().noneMatch(f -> f.nestedType().isPresent()));
  }

  // ---------------------------------------------------------------------------------------------
  // Nested classified types (CLS-2: a record holding classified data inherits its level)
  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("CLS-2: nestedType is found through fields, List, arrays, Map values and Optional")
  void nestedTypes() {
    TypeSchema s = Schemas.of(Holder.class);
    String citizen = Citizen.class.getName();
    for (String name : List.of("single", "list", "array", "byId", "maybe", "wildcard", "nested")) {
      assertEquals(Optional.of(citizen), field(s, name).nestedType(), name);
      assertTrue(field(s, name).classified(), name + " is classified by what it holds");
    }
    for (String name : List.of("strings", "plain", "plains", "text")) {
      assertEquals(Optional.empty(), field(s, name).nestedType(), name);
    }
    assertEquals(List.of("strings", "plain", "plains", "text"), names(s.unclassifiedFields()));
    assertTrue(s.isClassified());
    assertFalse(s.holdsPersonalInformation(), "nested types are not counted as the type's own PI");
    assertTrue(Schemas.find(citizen, SchemasTest.class).isPresent());
    assertSame(Schemas.of(Citizen.class), Schemas.find(citizen, SchemasTest.class).orElseThrow());
  }

  @Test
  @DisplayName("CLS-2: a type variable bounded by a classified type is a nested classified type")
  void typeVariableBound() {
    TypeSchema s = Schemas.of(GenericBox.class);
    assertEquals(Optional.of(Citizen.class.getName()), field(s, "content").nestedType());
  }

  @Test
  @DisplayName("CLS-2: an unannotated wrapper around classified data is itself a nested classified type")
  void transitiveNesting() {
    TypeSchema envelope = Schemas.of(Envelope.class);
    assertEquals(Optional.of(Citizen.class.getName()), field(envelope, "citizens").nestedType());
    assertTrue(envelope.isClassified());

    TypeSchema batch = Schemas.of(Batch.class);
    assertEquals(Optional.of(Envelope.class.getName()), field(batch, "envelope").nestedType(),
        "Batch.envelope holds citizens two steps down; dropping it would under-classify Batch");
    assertEquals(List.of("sender"), names(batch.unclassifiedFields()));
  }

  @Test
  @DisplayName("CLS-2: recursive unannotated types terminate and are not classified; recursive wrappers are")
  void recursiveTypes() {
    TypeSchema node = Schemas.of(Node.class);
    assertEquals(Optional.empty(), field(node, "children").nestedType());
    assertFalse(node.isClassified());

    TypeSchema tree = Schemas.of(Tree.class);
    assertEquals(Optional.of(Tree.class.getName()), field(tree, "children").nestedType());
    assertEquals(Optional.of(Envelope.class.getName()), field(tree, "payload").nestedType());
  }

  // ---------------------------------------------------------------------------------------------
  // Classes
  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("CLS-1: a class lists superclass fields first; a hidden field is named after its class")
  void classHierarchy() {
    TypeSchema s = Schemas.of(Derived.class);
    assertEquals(TypeSchema.Kind.CLASS, s.kind());
    assertEquals(List.of("Base.code", "baseName", "code", "citizenNo", "version"), names(s));
    assertEquals(Optional.of(Classification.general(1)), field(s, "Base.code").declared());
    assertEquals(Optional.of(Classification.IMPORTANT), field(s, "code").declared());
    assertTrue(field(s, "baseName").personalInformation());
    assertEquals("citizenNo", s.subjectIdField().orElseThrow().name());
    assertEquals(List.of("version"), names(s.unclassifiedFields()));
    assertTrue(s.field("unannotatedStatic").isEmpty());
  }

  @Test
  @DisplayName("CLS-1: the superclass itself keeps plain names")
  void superclassAlone() {
    TypeSchema s = Schemas.of(Base.class);
    assertEquals(List.of("code", "baseName"), names(s));
    assertEquals(Optional.empty(), s.declared());
  }

  @Test
  @DisplayName("CLS-1: the visible field keeps its name even when declared in a superclass")
  void visibleFieldFromSuperclass() {
    TypeSchema s = Schemas.of(Leaf.class);
    assertEquals(List.of("Base.code", "baseName", "code", "other"), names(s));
    assertEquals(Optional.of(Classification.general(3)), field(s, "code").declared(), "Mid.code is Leaf's code");
    assertEquals(Optional.of(Classification.general(1)), field(s, "Base.code").declared());
  }

  @Test
  @DisplayName("CLS-1: an inner class's synthetic outer reference is not a field")
  void innerClass() {
    TypeSchema s = Schemas.of(Inner.class);
    assertEquals(List.of("name"), names(s));
  }

  @Test
  @DisplayName("CLS-1: a class without fields has an empty, unclassified schema")
  void emptyClass() {
    TypeSchema s = Schemas.of(Empty.class);
    assertTrue(s.fields().isEmpty());
    assertFalse(s.isClassified());
    assertEquals(TypeSchema.Kind.CLASS, s.kind());
  }

  // ---------------------------------------------------------------------------------------------
  // Cache and immutability
  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("CLS-4: Schemas.of reads a type once and returns the cached schema")
  void cached() {
    TypeSchema first = Schemas.of(Citizen.class);
    assertSame(first, Schemas.of(Citizen.class));
    assertSame(Schemas.of(Derived.class), Schemas.of(Derived.class));
    assertEquals(Optional.empty(), Schemas.find("org.govdatasec.no.SuchType", SchemasTest.class));
  }

  @Test
  @DisplayName("CLS-1: schemas are immutable")
  void immutable() {
    TypeSchema s = Schemas.of(Citizen.class);
    FieldSchema extra = FieldSchema.builder("x").build();
    assertThrows(UnsupportedOperationException.class, () -> s.fields().add(extra));
    assertThrows(UnsupportedOperationException.class, () -> s.unclassifiedFields().clear());
    assertThrows(UnsupportedOperationException.class,
        () -> field(s, "childVaccination").categories().add(PiCategory.NAME));
    Set<PiCategory> mutable = EnumSet.of(PiCategory.NAME);
    FieldSchema f = new FieldSchema("n", "java.lang.String", Optional.empty(), null, mutable, Sensitivity.DEFAULT,
        false, false, Optional.empty());
    mutable.add(PiCategory.MOBILE);
    assertEquals(Set.of(PiCategory.NAME), f.categories(), "defensive copy");
    assertEquals("", f.reason());
  }
}
