package org.govdatasec.core.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.Tuple;

/**
 * Generated {@link FieldSchema.Builder} inputs either build a field whose {@code sensitive()} and
 * {@code personalInformation()} follow the category rules (CLS-1, PI-5), or are refused with exactly the
 * {@code GDS-CLS} codes of the rules they break.
 *
 * <p>The expectation is computed here, independently of the code under test: the category facts are
 * written out below from the PIPL art. 28 / GB/T 35273 table in {@code docs/classification.md}, not read
 * from {@link PiCategory}.
 */
class FieldSchemaBuilderPropertyTest {

  /** Categories naming a value's format (a field holds at most one personal identifier). */
  private static final Set<PiCategory> IDENTIFIERS = EnumSet.of(PiCategory.NAME, PiCategory.RESIDENT_ID,
      PiCategory.MOBILE, PiCategory.LANDLINE, PiCategory.EMAIL, PiCategory.ADDRESS, PiCategory.BANK_CARD,
      PiCategory.ORG_CREDIT_CODE, PiCategory.PASSPORT, PiCategory.PERMIT, PiCategory.SOCIAL_SECURITY,
      PiCategory.VEHICLE_PLATE, PiCategory.IP_ADDRESS, PiCategory.BIRTH_DATE);

  /** Sensitive unless declared otherwise. */
  private static final Set<PiCategory> SENSITIVE_BY_DEFAULT = EnumSet.of(PiCategory.RESIDENT_ID,
      PiCategory.BANK_CARD, PiCategory.PASSPORT, PiCategory.PERMIT, PiCategory.SOCIAL_SECURITY,
      PiCategory.MARITAL_STATUS, PiCategory.PROPERTY, PiCategory.COMMUNICATION, PiCategory.CRIMINAL_RECORD,
      PiCategory.BIOMETRIC, PiCategory.RELIGION, PiCategory.SPECIFIC_IDENTITY, PiCategory.HEALTH,
      PiCategory.FINANCIAL_ACCOUNT, PiCategory.PRECISE_LOCATION, PiCategory.MINORS);

  /** Named by PIPL art. 28 itself: never NOT_SENSITIVE. */
  private static final Set<PiCategory> SENSITIVE_BY_LAW = EnumSet.of(PiCategory.BIOMETRIC, PiCategory.RELIGION,
      PiCategory.SPECIFIC_IDENTITY, PiCategory.HEALTH, PiCategory.FINANCIAL_ACCOUNT, PiCategory.PRECISE_LOCATION,
      PiCategory.MINORS);

  /** The one category that is about an organisation, not a person. */
  private static final PiCategory ORGANISATION = PiCategory.ORG_CREDIT_CODE;

  /** One generated set of annotation values. */
  record Input(
      Optional<DataLevel> level,
      int grade,
      Optional<List<PiCategory>> categories,
      Sensitivity sensitivity,
      boolean subjectId,
      boolean multiValued,
      boolean staticField) {

    FieldSchema.Builder builder(String name) {
      FieldSchema.Builder b = FieldSchema.builder(name).javaType("java.lang.String");
      level.ifPresent(l -> b.classified(l, grade, "why"));
      categories.ifPresent(c -> b.personalInfo(c, sensitivity));
      return b.subjectId(subjectId).multiValued(multiValued).staticField(staticField);
    }
  }

  /** The values of {@code @Classified}, if any. */
  record Declared(Optional<DataLevel> level, int grade) {}

  @Provide
  Arbitrary<Input> inputs() {
    // Mostly well-formed levels and grades, some arbitrary ones, some fields without @Classified.
    Arbitrary<Declared> wellFormed = Arbitraries.of(
        new Declared(Optional.of(DataLevel.GENERAL), 1), new Declared(Optional.of(DataLevel.GENERAL), 2),
        new Declared(Optional.of(DataLevel.GENERAL), 3), new Declared(Optional.of(DataLevel.GENERAL), 4),
        new Declared(Optional.of(DataLevel.IMPORTANT), 0), new Declared(Optional.of(DataLevel.CORE), 0));
    Arbitrary<Declared> arbitrary = Combinators.combine(Arbitraries.of(DataLevel.class), Arbitraries.integers().between(-3, 9))
        .as((l, g) -> new Declared(Optional.of(l), g));
    Arbitrary<Declared> declared = Arbitraries.frequencyOf(List.of(
        Tuple.of(2, Arbitraries.just(new Declared(Optional.empty(), 0))),
        Tuple.of(5, wellFormed),
        Tuple.of(2, arbitrary)));

    // Mostly lists a careful developer would write (at most one identifier, distinct attributes), and
    // some lists of any categories at all, with repeats, conflicts and empty lists.
    List<PiCategory> attributes = EnumSet.complementOf(EnumSet.copyOf(IDENTIFIERS)).stream().collect(Collectors.toList());
    Arbitrary<List<PiCategory>> careful = Combinators.combine(
            Arbitraries.of(List.copyOf(IDENTIFIERS)).optional(0.7),
            Arbitraries.of(attributes).list().uniqueElements().ofMaxSize(3))
        .as((id, attrs) -> {
          List<PiCategory> l = new ArrayList<>();
          id.ifPresent(l::add);
          l.addAll(attrs);
          return l;
        });
    Arbitrary<List<PiCategory>> any = Arbitraries.of(PiCategory.class).list().ofMaxSize(4);
    Arbitrary<Optional<List<PiCategory>>> categories =
        Arbitraries.frequencyOf(List.of(Tuple.of(3, careful), Tuple.of(2, any))).optional(0.8);

    Arbitrary<Boolean> multiValued = Arbitraries.frequency(List.of(Tuple.of(3, false), Tuple.of(1, true)));
    Arbitrary<Boolean> staticField = Arbitraries.frequency(List.of(Tuple.of(6, false), Tuple.of(1, true)));
    return Combinators.combine(declared, categories, Arbitraries.of(Sensitivity.class), Arbitraries.of(true, false),
            multiValued, staticField)
        .as((d, c, sensitivity, subjectId, multi, isStatic) ->
            new Input(d.level(), d.grade(), c, sensitivity, subjectId, multi, isStatic));
  }

  /** The codes of the rules the input breaks, worked out from the rules as documented. */
  private static Set<String> expectedCodes(Input in) {
    Set<String> codes = new TreeSet<>();
    boolean piDeclared = in.categories().isPresent();
    List<PiCategory> list = in.categories().orElse(List.of());
    Set<PiCategory> distinct = new HashSet<>(list);
    if (in.staticField() && (in.level().isPresent() || piDeclared || in.subjectId())) {
      codes.add("GDS-CLS-008");
    }
    if (in.level().isPresent()) {
      if (in.level().get() != DataLevel.GENERAL && in.grade() != 0) {
        codes.add("GDS-CLS-001");
      }
      if (in.level().get() == DataLevel.GENERAL && (in.grade() < 1 || in.grade() > 4)) {
        codes.add("GDS-CLS-002");
      }
    }
    if (piDeclared && (list.isEmpty() || distinct.size() != list.size())) {
      codes.add("GDS-CLS-005");
    }
    long personalIdentifiers = distinct.stream().filter(c -> IDENTIFIERS.contains(c) && c != ORGANISATION).count();
    if (personalIdentifiers > 1) {
      codes.add("GDS-CLS-003");
    }
    if (distinct.contains(ORGANISATION) && distinct.size() > 1) {
      codes.add("GDS-CLS-004");
    }
    if (piDeclared && in.sensitivity() == Sensitivity.NOT_SENSITIVE
        && distinct.stream().anyMatch(SENSITIVE_BY_LAW::contains)) {
      codes.add("GDS-CLS-006");
    }
    if (in.subjectId() && in.multiValued()) {
      codes.add("GDS-CLS-010");
    }
    return codes;
  }

  @Property(seed = "20261123", tries = 2000)
  @Label("CLS-1, PI-5: build() succeeds with the right facts, or fails with exactly the broken rules")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void buildFollowsTheRules(@ForAll("inputs") Input in) {
    Statistics.label("outcome").collect(expectedCodes(in).isEmpty() ? "valid" : "refused");
    // The generator must exercise both outcomes often, or the property proves little.
    Statistics.label("outcome").coverage(c -> {
      c.check("valid").percentage(p -> p > 30);
      c.check("refused").percentage(p -> p > 30);
    });
    check(in);
  }

  /** Builds the input's field and checks the outcome against the independently computed rules. */
  private static void check(Input in) {
    Set<String> expected = expectedCodes(in);
    FieldSchema field;
    try {
      field = in.builder("field").build();
    } catch (ClassificationException e) {
      List<String> actual = e.problems().stream().map(p -> p.error().code()).collect(Collectors.toList());
      assertEquals(expected, new TreeSet<>(actual), "codes for " + in + ": " + e.getMessage());
      assertEquals(expected.size(), actual.size(), "each broken rule reported once: " + actual);
      assertEquals(actual.get(0), e.code());
      for (ClassificationProblem p : e.problems()) {
        assertEquals("field", p.element());
        assertTrue(e.getMessage().contains(p.error().code()), e.getMessage());
      }
      assertTrue(e.getMessage().startsWith(actual.get(0) + " [CLS-1"), e.getMessage());
      assertTrue(e.getMessage().contains("field: "), e.getMessage());
      assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
      return;
    }
    if (!expected.isEmpty()) {
      fail("expected " + expected + " for " + in + ", but built " + field);
    }
    Set<PiCategory> categories = new HashSet<>(in.categories().orElse(List.of()));
    boolean personal = categories.stream().anyMatch(c -> c != ORGANISATION);
    boolean sensitive = personal && switch (in.categories().isPresent() ? in.sensitivity() : Sensitivity.DEFAULT) {
      case SENSITIVE -> true;
      case NOT_SENSITIVE -> false;
      case DEFAULT -> categories.stream().anyMatch(SENSITIVE_BY_DEFAULT::contains);
    };
    assertEquals(personal, field.personalInformation(), "personalInformation for " + in);
    assertEquals(sensitive, field.sensitive(), "sensitive for " + in);
    assertEquals(categories, field.categories());
    assertEquals(in.level().map(l -> new Classification(l, in.grade())), field.declared());
    assertEquals(in.subjectId(), field.subjectId());
    assertEquals(in.multiValued(), field.multiValued());
    assertEquals(in.level().isPresent() || !categories.isEmpty() || in.subjectId(), field.classified());
    assertEquals("field", field.name());
    assertEquals(in.level().isPresent() ? "why" : "", field.reason());
    assertFalse(in.staticField() && field.classified(), "a static field never carries classification");
  }

  @Property(seed = "20261124", tries = 300)
  @Label("CLS-1: a valid field inside a type builds into the type's schema unchanged")
  void validFieldsBuildIntoTypes(@ForAll("inputs") Input a, @ForAll("inputs") Input b) {
    List<Input> inputs = List.of(a, b);
    boolean valid = inputs.stream().allMatch(i -> expectedCodes(i).isEmpty()) && !(a.subjectId() && b.subjectId());
    TypeSchema.Builder builder = TypeSchema.builder("com.example.Generated", TypeSchema.Kind.RECORD)
        .field(a.builder("first"))
        .field(b.builder("second"));
    try {
      TypeSchema schema = builder.build();
      assertTrue(valid, "built " + schema + " from " + inputs);
      assertEquals(List.of("first", "second"),
          schema.fields().stream().map(FieldSchema::name).collect(Collectors.toList()));
    } catch (ClassificationException e) {
      assertFalse(valid, "refused " + inputs + ": " + e.getMessage());
      Set<String> expected = new TreeSet<>(expectedCodes(a));
      expected.addAll(expectedCodes(b));
      boolean bothSubjects = a.subjectId() && b.subjectId()
          && expectedCodes(a).isEmpty() && expectedCodes(b).isEmpty();
      if (bothSubjects) {
        expected.add("GDS-CLS-007");
      }
      Set<String> actual = e.problems().stream().map(p -> p.error().code()).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(expected, actual, e.getMessage());
      e.problems().forEach(p -> assertEquals("com.example.Generated", p.typeName()));
    }
  }

  @Property(seed = "20261125")
  @Label("CLS-1, PI-5: every category alone, with every sensitivity, is personal and sensitive as documented")
  void singleCategory(@ForAll PiCategory category, @ForAll Sensitivity sensitivity) {
    Input in = new Input(Optional.empty(), 0, Optional.of(List.of(category)), sensitivity, false, false, false);
    check(in);
    boolean refused = sensitivity == Sensitivity.NOT_SENSITIVE && SENSITIVE_BY_LAW.contains(category);
    try {
      FieldSchema f = in.builder("field").build();
      assertFalse(refused, category + " declared " + sensitivity + " must be refused");
      assertEquals(category != ORGANISATION, f.personalInformation(), category.name());
      boolean expected = category != ORGANISATION && (sensitivity == Sensitivity.SENSITIVE
          || sensitivity == Sensitivity.DEFAULT && SENSITIVE_BY_DEFAULT.contains(category));
      assertEquals(expected, f.sensitive(), category + " " + sensitivity);
    } catch (ClassificationException e) {
      assertTrue(refused, e.getMessage());
      assertEquals("GDS-CLS-006", e.code());
    }
  }
}
