package org.govdatasec.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
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
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.Sensitivity;
import org.govdatasec.core.classification.TypeSchema;
import org.govdatasec.core.policy.testing.Records;

/**
 * CLS-2 (就高从严) and CLS-5 as properties over generated schemas: the effective level is the maximum of every
 * contribution (declared levels, personal-information floors, nested types, combinations), computed here
 * independently of the engine, and adding a field never lowers it.
 */
class EffectiveLevelPropertyTest {

  /** The severity order, written out here rather than taken from the code under test. */
  private static final List<Classification> ORDER = List.of(Classification.general(1), Classification.general(2),
      Classification.general(3), Classification.general(4), Classification.IMPORTANT, Classification.CORE);

  /** The default combination rules as docs/policy.md documents them: name, categories; both GENERAL-4, sensitive. */
  private static final List<Combo> DEFAULT_COMBOS = List.of(
      new Combo("identity-and-address", EnumSet.of(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.ADDRESS)),
      new Combo("real-name-verification", EnumSet.of(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.MOBILE)));

  private static final String NESTED = "test.generated.Nested";

  private record Combo(String name, Set<PiCategory> allOf) {}

  /** A generated field: its declared classification (if any), categories and sensitivity. */
  record FieldSpec(Optional<Classification> declared, List<PiCategory> categories, Sensitivity sensitivity) {

    boolean personal() {
      return categories.stream().anyMatch(c -> c != PiCategory.ORG_CREDIT_CODE);
    }

    boolean sensitive() {
      if (!personal()) {
        return false;
      }
      switch (sensitivity) {
        case SENSITIVE:
          return true;
        case NOT_SENSITIVE:
          return false;
        default:
          return categories.stream().anyMatch(PiCategory::sensitiveByDefault);
      }
    }
  }

  /** A generated type: an optional type-level classification and its fields. */
  record TypeSpec(Optional<Classification> declared, List<FieldSpec> fields) {}

  /** Floors in a valid order. */
  record Floors(Classification personal, Classification sensitive) {}

  /** What the test expects of a type. */
  private record Expected(
      Optional<Classification> effective, Set<PiCategory> categories, boolean sensitive, Set<String> combinations) {}

  // ---------------------------------------------------------------------------------------------------
  // Generators
  // ---------------------------------------------------------------------------------------------------

  private static final List<PiCategory> PERSONAL_IDENTIFIERS = Arrays.stream(PiCategory.values())
      .filter(c -> c.kind() == PiCategory.Kind.IDENTIFIER && c.personal()).collect(Collectors.toList());
  private static final List<PiCategory> ATTRIBUTES = Arrays.stream(PiCategory.values())
      .filter(c -> c.kind() == PiCategory.Kind.ATTRIBUTE).collect(Collectors.toList());

  private static Arbitrary<Optional<Classification>> declaredLevels() {
    return Arbitraries.integers().between(-3, ORDER.size() - 1)
        .map(i -> i < 0 ? Optional.<Classification>empty() : Optional.of(ORDER.get(i)));
  }

  /**
   * Categories that pass validation: at most one personal identifier (biased towards the categories of the
   * default combinations, so that they fire often), any attributes, or the organisation code alone.
   */
  private static Arbitrary<List<PiCategory>> categoryLists() {
    Arbitrary<Optional<PiCategory>> identifier = Arbitraries.oneOf(List.of(
        Arbitraries.of(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.ADDRESS, PiCategory.MOBILE).map(Optional::of),
        Arbitraries.of(PERSONAL_IDENTIFIERS).map(Optional::of),
        Arbitraries.just(Optional.<PiCategory>empty())));
    Arbitrary<List<PiCategory>> personal = Combinators.combine(identifier,
        Arbitraries.subsetOf(ATTRIBUTES).ofMaxSize(2)).as((id, attributes) -> {
          List<PiCategory> out = new ArrayList<>();
          id.ifPresent(out::add);
          out.addAll(new TreeSet<>(attributes));
          return out;
        });
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(List.<PiCategory>of())),
        Tuple.of(1, Arbitraries.just(List.of(PiCategory.ORG_CREDIT_CODE))),
        Tuple.of(6, personal));
  }

  @Provide
  Arbitrary<FieldSpec> fieldSpecs() {
    return Combinators.combine(declaredLevels(), categoryLists(), Arbitraries.of(Sensitivity.class))
        .as((declared, categories, sensitivity) -> {
          boolean statutory = categories.stream().anyMatch(PiCategory::sensitiveByLaw);
          Sensitivity s = sensitivity == Sensitivity.NOT_SENSITIVE && statutory ? Sensitivity.DEFAULT : sensitivity;
          return new FieldSpec(declared, categories, s);
        });
  }

  /**
   * One field per category of a default combination, or of all but one of them (a near miss), each with a
   * random declared sensitivity: seeded into a third of the types, so that combinations fire often.
   */
  private static Arbitrary<List<FieldSpec>> combinationSeeds() {
    Arbitrary<List<FieldSpec>> seed = Combinators.combine(Arbitraries.of(DEFAULT_COMBOS), Arbitraries.of(true, false),
        Arbitraries.of(Sensitivity.class).list().ofSize(3)).as((combo, complete, sensitivities) -> {
          List<PiCategory> categories = new ArrayList<>(combo.allOf());
          if (!complete) {
            categories.remove(sensitivities.get(0).ordinal() % categories.size());
          }
          List<FieldSpec> out = new ArrayList<>();
          for (int i = 0; i < categories.size(); i++) {
            out.add(new FieldSpec(Optional.empty(), List.of(categories.get(i)), sensitivities.get(i)));
          }
          return out;
        });
    return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(List.<FieldSpec>of())), Tuple.of(1, seed));
  }

  @Provide
  Arbitrary<TypeSpec> typeSpecs() {
    Arbitrary<List<FieldSpec>> fields = Combinators.combine(fieldSpecs().list().ofMaxSize(7), combinationSeeds())
        .as((random, seed) -> {
          List<FieldSpec> all = new ArrayList<>(random);
          all.addAll(seed);
          return all;
        }).flatMap(Arbitraries::shuffle);
    return Combinators.combine(declaredLevels(), fields).as(TypeSpec::new);
  }

  @Provide
  Arbitrary<Floors> floors() {
    Arbitrary<Integer> index = Arbitraries.integers().between(0, ORDER.size() - 1);
    return Arbitraries.oneOf(List.of(
        Arbitraries.just(new Floors(Classification.general(3), Classification.general(4))),
        Combinators.combine(index, index).as((a, b) -> new Floors(ORDER.get(Math.min(a, b)), ORDER.get(Math.max(a, b))))));
  }

  // ---------------------------------------------------------------------------------------------------
  // The model: what the level should be, computed without the engine
  // ---------------------------------------------------------------------------------------------------

  private static Classification max(Classification a, Classification b) {
    return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
  }

  private static Optional<Classification> max(Optional<Classification> a, Classification b) {
    return Optional.of(a.map(x -> max(x, b)).orElse(b));
  }

  /** The expected answer for a type; {@code nested} is what the type's "holder" field holds, if any. */
  private static Expected expected(TypeSpec type, Optional<TypeSpec> nested, Floors floors) {
    Optional<Classification> level = type.declared();
    Set<PiCategory> categories = EnumSet.noneOf(PiCategory.class);
    boolean sensitive = false;
    for (FieldSpec f : type.fields()) {
      if (f.declared().isPresent()) {
        level = max(level, f.declared().get());
      }
      categories.addAll(f.categories());
      if (f.personal()) {
        level = max(level, f.sensitive() ? floors.sensitive() : floors.personal());
        sensitive |= f.sensitive();
      }
    }
    if (nested.isPresent()) {
      Expected n = expected(nested.get(), Optional.empty(), floors);
      if (n.effective().isPresent()) {
        level = max(level, n.effective().get());
      }
      categories.addAll(n.categories());
      sensitive |= n.sensitive();
    }
    Set<String> fired = new TreeSet<>();
    for (Combo c : DEFAULT_COMBOS) {
      if (categories.containsAll(c.allOf())) {
        fired.add(c.name());
        sensitive = true;
        level = max(level, max(Classification.general(4), floors.sensitive()));
      }
    }
    return new Expected(level, categories, sensitive, fired);
  }

  // ---------------------------------------------------------------------------------------------------
  // Building schemas and assessing them
  // ---------------------------------------------------------------------------------------------------

  private static FieldSchema.Builder field(String name, FieldSpec spec) {
    FieldSchema.Builder b = FieldSchema.builder(name).javaType("java.lang.String");
    spec.declared().ifPresent(c -> b.classified(c.level(), c.grade(), "generated"));
    if (!spec.categories().isEmpty()) {
      b.personalInfo(spec.categories(), spec.sensitivity());
    }
    return b;
  }

  private static TypeSchema schema(String typeName, TypeSpec type, boolean holdsNested) {
    TypeSchema.Builder b = TypeSchema.builder(typeName, TypeSchema.Kind.RECORD);
    type.declared().ifPresent(c -> b.classified(c.level(), c.grade(), "generated type"));
    for (int i = 0; i < type.fields().size(); i++) {
      b.field(field("f" + i, type.fields().get(i)));
    }
    if (holdsNested) {
      b.field(FieldSchema.builder("holder").javaType("java.util.List<" + NESTED + ">").multiValued(true)
          .nestedType(NESTED));
    }
    return b.build();
  }

  private static PolicyEngine engine(Floors floors) {
    ControlPolicy policy = ControlPolicy.defaults().toBuilder()
        .personalInformationFloor(floors.personal()).sensitivePersonalInformationFloor(floors.sensitive()).build();
    return Records.engine(policy, 0);
  }

  private static Assessment assess(PolicyEngine engine, TypeSpec type, Optional<TypeSpec> nested) {
    TypeSchema nestedSchema = nested.map(n -> schema(NESTED, n, false)).orElse(null);
    return engine.assess(schema("test.generated.Outer", type, nested.isPresent()),
        name -> NESTED.equals(name) ? Optional.ofNullable(nestedSchema) : Optional.empty());
  }

  private static void check(Expected expected, Assessment a) {
    assertEquals(expected.effective(), a.effective(), a::explain);
    assertEquals(expected.categories(), a.categories());
    boolean personal = expected.categories().stream().anyMatch(c -> c != PiCategory.ORG_CREDIT_CODE);
    assertEquals(personal, a.personalInformation());
    assertEquals(expected.sensitive(), a.sensitivePersonalInformation(), a::explain);
    assertEquals(expected.categories().contains(PiCategory.MINORS), a.minors());
    assertEquals(expected.combinations(),
        a.combinations().stream().map(CombinationRule::name).collect(Collectors.toCollection(TreeSet::new)));
    for (Contribution c : a.contributions()) {
      assertTrue(ORDER.indexOf(c.classification()) <= ORDER.indexOf(a.effective().orElseThrow()), c.toString());
    }
    assertEquals(a.effective().isPresent(), !a.decisive().isEmpty());
    a.decisive().forEach(c -> assertEquals(a.effective().orElseThrow(), c.classification()));
    assertEquals(a.effective().isPresent() && a.effective().get().level() != DataLevel.GENERAL, a.highRisk(),
        "with no subjects, only important and core data are high-risk");
    assertEquals(a.classified(), !a.controls().isEmpty());
  }

  // ---------------------------------------------------------------------------------------------------
  // Properties
  // ---------------------------------------------------------------------------------------------------

  @Property(seed = "20261123")
  @Label("CLS-2: the effective level is the maximum of every contribution, for any fields and floors")
  void effectiveIsMaximum(@ForAll("typeSpecs") TypeSpec type, @ForAll("floors") Floors floors) {
    Expected expected = expected(type, Optional.empty(), floors);
    check(expected, assess(engine(floors), type, Optional.empty()));
    Statistics.label("level").collect(expected.effective().map(Object::toString).orElse("unclassified"));
    Statistics.label("combinations").collect(expected.combinations().isEmpty() ? "none" : "fired");
    Statistics.label("combinations").coverage(c -> c.check("fired").percentage(p -> p >= 10));
    Statistics.label("level").coverage(c -> {
      c.check("unclassified").percentage(p -> p >= 1);
      c.check("CORE").percentage(p -> p >= 10);
      c.check("GENERAL-3").percentage(p -> p >= 3);
    });
  }

  @Property(seed = "20261124")
  @Label("CLS-2: nested types contribute their level and categories; combinations fire across the nesting")
  void nestedContributes(
      @ForAll("typeSpecs") TypeSpec outer, @ForAll("typeSpecs") TypeSpec nested, @ForAll("floors") Floors floors) {
    Expected expected = expected(outer, Optional.of(nested), floors);
    check(expected, assess(engine(floors), outer, Optional.of(nested)));
    Expected alone = expected(outer, Optional.empty(), floors);
    boolean across = !alone.combinations().containsAll(expected.combinations());
    Statistics.label("combination across the nesting").collect(across);
    Statistics.label("combination across the nesting").coverage(c -> c.check(true).percentage(p -> p >= 5));
  }

  @Property(seed = "20261125")
  @Label("CLS-2: adding any field anywhere never lowers the effective level")
  void addingAFieldNeverLowers(
      @ForAll("typeSpecs") TypeSpec type, @ForAll("fieldSpecs") FieldSpec extra, @ForAll @IntRange(max = 7) int at,
      @ForAll("floors") Floors floors) {
    PolicyEngine engine = engine(floors);
    List<FieldSpec> more = new ArrayList<>(type.fields());
    more.add(Math.min(at, more.size()), extra);
    Assessment before = assess(engine, type, Optional.empty());
    Assessment after = assess(engine, new TypeSpec(type.declared(), more), Optional.empty());
    if (before.effective().isPresent()) {
      assertTrue(ORDER.indexOf(after.effective().orElseThrow()) >= ORDER.indexOf(before.effective().get()),
          before.effective() + " -> " + after.effective());
      Set<Control> beforeControls =
          before.controls().stream().map(RequiredControl::control).collect(Collectors.toSet());
      Set<Control> afterControls = after.controls().stream().map(RequiredControl::control).collect(Collectors.toSet());
      assertTrue(afterControls.containsAll(beforeControls), "CLS-5: controls only grow: " + beforeControls + " -> "
          + afterControls);
    }
    assertTrue(after.categories().containsAll(before.categories()));
    assertTrue(after.combinations().containsAll(before.combinations()));
  }
}
