package org.govdatasec.core.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.Schemas;
import org.govdatasec.core.classification.TypeSchema;

/**
 * Answers "what level is this type, and what must I do with it?" for a system under a policy.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.builder()
 *     .policy(ControlPolicy.defaults())
 *     .system(SystemProfile.builder().name("市民信息登记系统").owner("市数据局").subjects(1_200_000).build())
 *     .build();
 * Assessment a = engine.assess(Citizen.class);
 * a.effective();                                   // GENERAL-4
 * a.requires(Control.ENCRYPT_AT_REST);             // true
 * System.out.println(a.explain());
 * }</pre>
 *
 * <p>How the effective level is found (CLS-2, 就高从严): the highest of the type's own
 * {@code @Classified}, each field's {@code @Classified}, the personal-information floors of the policy
 * for fields holding (sensitive) personal information, the effective level of classified types a field
 * holds (records nested in records, collections of them), and the combination rules whose categories the
 * type holds together. The type is high-risk if that level is important or core, or if it holds personal
 * information and the system holds at least {@link ControlPolicy#highRiskSubjectThreshold()} subjects
 * (CLS-3; "一百万人以上" includes 1,000,000 itself, as 以上 does in Chinese law). The subject count is read
 * on every assessment; the rest is computed once per class. Thread-safe.
 */
public final class PolicyEngine {

  private final ControlPolicy policy;
  private final SystemProfile system;
  private final ClassValue<Static> cache = new ClassValue<>() {
    @Override
    protected Static computeValue(Class<?> type) {
      return classify(Schemas.of(type), name -> Schemas.find(name, type), new HashSet<>());
    }
  };

  private PolicyEngine(Builder b) {
    this.policy = b.policy;
    this.system = b.system;
  }

  /**
   * Starts a builder, with the default policy.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the policy.
   *
   * @return the policy
   */
  public ControlPolicy policy() {
    return policy;
  }

  /**
   * Returns the system profile.
   *
   * @return the system profile
   */
  public SystemProfile system() {
    return system;
  }

  /**
   * Assesses an annotated record or class.
   *
   * @param type the type
   * @return the assessment
   * @throws org.govdatasec.core.classification.ClassificationException if the type's annotations are
   *     invalid
   * @throws PolicyException {@code GDS-POL-007} if the subject count cannot be read
   */
  public Assessment assess(Class<?> type) {
    return finish(cache.get(type), system.subjects());
  }

  /**
   * Assesses a schema, finding nested types through a resolver (as the annotation processor does).
   *
   * @param schema the schema
   * @param resolver finds the schema of a nested type by binary name
   * @return the assessment
   * @throws PolicyException {@code GDS-POL-007} if the subject count cannot be read
   */
  public Assessment assess(TypeSchema schema, Function<String, Optional<TypeSchema>> resolver) {
    return finish(classify(schema, resolver, new HashSet<>()), system.subjects());
  }

  /** What does not depend on the subject count. */
  private record Static(
      TypeSchema schema,
      Optional<Classification> effective,
      List<Contribution> contributions,
      Set<PiCategory> categories,
      boolean sensitive,
      List<CombinationRule> combinations) {}

  private Static classify(TypeSchema schema, Function<String, Optional<TypeSchema>> resolver, Set<String> visiting) {
    visiting.add(schema.typeName());
    List<Contribution> contributions = new ArrayList<>();
    Set<PiCategory> categories = EnumSet.noneOf(PiCategory.class);
    boolean sensitive = false;
    schema.declared().ifPresent(c -> contributions.add(new Contribution("(type)", c,
        "declared on the type" + (schema.reason().isEmpty() ? "" : ": " + schema.reason()))));
    for (FieldSchema f : schema.fields()) {
      f.declared().ifPresent(c -> contributions.add(new Contribution(f.name(), c,
          "declared @Classified" + (f.reason().isEmpty() ? "" : ": " + f.reason()))));
      categories.addAll(f.categories());
      if (f.personalInformation()) {
        boolean s = f.sensitive();
        sensitive |= s;
        Classification floor = s ? policy.sensitivePersonalInformationFloor() : policy.personalInformationFloor();
        contributions.add(new Contribution(f.name(), floor, (s ? "sensitive " : "") + "personal information "
            + f.categories().stream().map(PiCategory::name).collect(Collectors.joining("+", "[", "]"))
            + " has a floor of " + floor));
      }
      if (f.nestedType().isPresent() && !visiting.contains(f.nestedType().get())) {
        Optional<TypeSchema> nested = resolver.apply(f.nestedType().get());
        if (nested.isPresent()) {
          Static n = classify(nested.get(), resolver, visiting);
          categories.addAll(n.categories());
          sensitive |= n.sensitive();
          n.effective().ifPresent(c -> contributions.add(new Contribution(f.name(), c,
              "holds " + nested.get().simpleName() + ", which is " + c)));
        }
      }
    }
    List<CombinationRule> fired = new ArrayList<>();
    for (CombinationRule r : policy.combinations()) {
      if (r.matches(categories)) {
        fired.add(r);
        sensitive |= r.sensitive();
        // A sensitive combination is sensitive personal information, so it takes that floor too.
        Classification level = r.sensitive()
            ? Classification.max(r.raiseTo(), policy.sensitivePersonalInformationFloor())
            : r.raiseTo();
        contributions.add(new Contribution("combination:" + r.name(), level, "holds "
            + r.allOf().stream().map(PiCategory::name).collect(Collectors.joining(" + ")) + " together"
            + (r.sensitive() ? ", which is sensitive personal information" : "")));
      }
    }
    visiting.remove(schema.typeName());
    Optional<Classification> effective =
        contributions.stream().map(Contribution::classification).reduce(Classification::max);
    return new Static(schema, effective, contributions, categories, sensitive, fired);
  }

  private Assessment finish(Static s, long subjects) {
    boolean pi = s.categories().stream().anyMatch(PiCategory::personal);
    boolean minors = s.categories().contains(PiCategory.MINORS);
    if (s.effective().isEmpty()) {
      return new Assessment(s.schema(), s.effective(), s.contributions(), s.categories(), pi, s.sensitive(), minors,
          s.combinations(), false, "", subjects, List.of(), List.of());
    }
    Classification effective = s.effective().get();
    String reason = "";
    if (effective.isHighRisk()) {
      reason = effective.level().chineseName() + " (" + effective + ") is high-risk data (CLS-3)";
    } else if (pi && subjects >= policy.highRiskSubjectThreshold()) {
      reason = String.format(Locale.ROOT, "the system holds personal information of %,d subjects, at or above the"
          + " threshold of %,d (CLS-3)", subjects, policy.highRiskSubjectThreshold());
    }
    boolean highRisk = !reason.isEmpty();
    DatasetFacts facts = new DatasetFacts(effective, pi, s.sensitive(), minors, highRisk);
    return new Assessment(s.schema(), s.effective(), s.contributions(), s.categories(), pi, s.sensitive(), minors,
        s.combinations(), highRisk, reason, subjects, policy.requiredControls(facts), policy.waivedControls(facts));
  }

  /** Builds a {@link PolicyEngine}. */
  public static final class Builder {
    private ControlPolicy policy = ControlPolicy.defaults();
    private SystemProfile system;

    private Builder() {}

    /**
     * Sets the policy (default: {@link ControlPolicy#defaults()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(ControlPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the system the engine serves.
     *
     * @param system the system profile
     * @return this builder
     */
    public Builder system(SystemProfile system) {
      this.system = Objects.requireNonNull(system, "system");
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     * @throws PolicyException {@code GDS-POL-011} if no system profile was given
     */
    public PolicyEngine build() {
      if (system == null) {
        throw new PolicyException(PolicyError.BAD_SYSTEM_PROFILE,
            "the policy engine was built without a system profile.",
            "Call system(SystemProfile.builder().name(...).owner(...).subjects(...).build()).");
      }
      return new PolicyEngine(this);
    }
  }
}
