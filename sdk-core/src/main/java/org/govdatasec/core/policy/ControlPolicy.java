package org.govdatasec.core.policy;

import static org.govdatasec.core.policy.Control.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.govdatasec.core.Requirement;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.internal.PolicyProperties;

/**
 * The policy table: which {@link Control controls} a dataset needs, given its classification, its
 * personal information and the system's scale (CLS-5), plus the rules that decide a dataset's level
 * (personal-information floors, {@link CombinationRule combinations}, the high-risk subject threshold).
 *
 * <p>{@link #defaults()} is the table documented in {@code docs/policy.md}: rows the regulations mandate
 * (each citing its clause) and rows govdatasec recommends. An agency overrides it in code or from a
 * properties file, without recompiling:
 *
 * <pre>{@code
 * ControlPolicy policy = ControlPolicy.defaults().toBuilder()
 *     .require(Control.ENCRYPT_AT_REST, Trigger.levelAtLeast(Classification.general(3)))
 *     .build();
 * ControlPolicy fromFile = ControlPolicy.load(Path.of("/etc/agency/govdatasec-policy.properties"));
 * }</pre>
 *
 * <p>An override may add and tighten freely. It may never drop a control the regulations mandate
 * without an explicit {@link Waiver}: {@link Builder#build()} refuses such a policy with
 * {@code GDS-POL-001}, logs every waiver at WARNING ({@code System.Logger} "org.govdatasec.policy"), and
 * every assessment lists the waived controls that would otherwise apply. Instances are immutable and
 * thread-safe.
 */
public final class ControlPolicy {

  /** The regulations' threshold: personal information of 1,000,000 people or more is high-risk (CLS-3). */
  public static final long LEGAL_HIGH_RISK_SUBJECTS = 1_000_000L;

  private static final System.Logger LOG = System.getLogger("org.govdatasec.policy");

  private static final int BYTE_ORDER_MARK = '\uFEFF';

  private static final List<ControlRule> DEFAULT_RULES = List.of(
      // Every classified dataset (any government data)
      mandatory(CATALOG_REGISTRATION, Trigger.ANY, "NJ-15", Requirement.CLS_4),
      mandatory(APPROVAL_BEFORE_USE, Trigger.ANY, "NJ-20", Requirement.USE_1),
      mandatory(AUDIT_EVERY_ACCESS, Trigger.ANY, "NJ-20; NN ch.3", Requirement.USE_3, Requirement.USE_4,
          Requirement.AU_1),
      mandatory(LOG_RETENTION_180_DAYS, Trigger.ANY, "NJ-21", Requirement.TX_2),
      mandatory(LEAKAGE_MONITORING, Trigger.ANY, "NJ-12", Requirement.AU_4),
      mandatory(SHARING_APPROVAL, Trigger.ANY, "NJ-22", Requirement.TX_3),
      mandatory(CROSS_BORDER_GUARD, Trigger.ANY, "NN ch.3; NJ-27", Requirement.TX_4),
      mandatory(APPROVED_DESTRUCTION_RECORD, Trigger.ANY, "NJ-23", Requirement.DS_1),
      mandatory(RETENTION_SCHEDULE, Trigger.ANY, "NJ-23", Requirement.DS_3),
      mandatory(BACKUP_AND_RESTORE_TEST, Trigger.ANY, "NJ-19", Requirement.ST_4),
      recommended(SEPARATION_OF_DUTIES, Trigger.ANY, "NJ-5 (原则上); NN ch.4", Requirement.USE_6),
      // Graded general data: govdatasec's recommendations
      recommended(TAMPER_EVIDENT_LOG, Trigger.levelAtLeast(Classification.general(3)), "NN ch.4", Requirement.AU_2),
      recommended(APPROVAL_FOR_BULK_OPERATIONS, Trigger.levelAtLeast(Classification.general(3)), "NJ-8",
          Requirement.USE_2),
      recommended(ENCRYPT_AT_REST, Trigger.levelAtLeast(Classification.general(4)), "NJ-19", Requirement.ST_2,
          Requirement.ST_3),
      recommended(INTEGRITY_AT_REST, Trigger.levelAtLeast(Classification.general(4)), "NJ-19", Requirement.ST_2),
      recommended(PAYLOAD_ENCRYPTION_IN_TRANSIT, Trigger.levelAtLeast(Classification.general(4)), "NJ-21",
          Requirement.TX_1),
      // Personal information
      mandatory(CONSENT_SCOPE, Trigger.PERSONAL_INFORMATION, "NJ-8; NJ-18", Requirement.PI_1, Requirement.PI_2,
          Requirement.PI_4),
      mandatory(APPROVAL_FOR_BULK_OPERATIONS, Trigger.PERSONAL_INFORMATION, "NJ-8", Requirement.USE_2),
      mandatory(THIRD_PARTY_GRANT_LIMITS, Trigger.PERSONAL_INFORMATION, "NJ-8; NJ-9", Requirement.PI_6),
      recommended(MASK_OUTSIDE_PRODUCTION, Trigger.PERSONAL_INFORMATION, "NJ-20", Requirement.USE_5),
      // Sensitive personal information
      mandatory(MASK_OUTSIDE_PRODUCTION, Trigger.SENSITIVE_PERSONAL_INFORMATION, "NJ-20; NJ-8", Requirement.USE_5,
          Requirement.PI_5),
      recommended(ENCRYPT_AT_REST, Trigger.SENSITIVE_PERSONAL_INFORMATION, "NJ-8", Requirement.PI_5,
          Requirement.ST_3),
      recommended(IRREVERSIBLE_DESTRUCTION, Trigger.SENSITIVE_PERSONAL_INFORMATION, "NJ-23", Requirement.DS_2),
      // Children under 14
      mandatory(GUARDIAN_CONSENT_UNDER_14, Trigger.MINORS, "NJ-18", Requirement.PI_3),
      // High-risk: core data, important data, personal information of 1,000,000 people or more
      mandatory(ENCRYPT_AT_REST, Trigger.HIGH_RISK, "NJ-19", Requirement.ST_2, Requirement.ST_3),
      mandatory(INTEGRITY_AT_REST, Trigger.HIGH_RISK, "NJ-19", Requirement.ST_2),
      mandatory(PAYLOAD_ENCRYPTION_IN_TRANSIT, Trigger.HIGH_RISK, "NJ-21", Requirement.TX_1),
      mandatory(IRREVERSIBLE_DESTRUCTION, Trigger.HIGH_RISK, "NJ-23", Requirement.DS_2),
      mandatory(TAMPER_EVIDENT_LOG, Trigger.HIGH_RISK, "NN ch.4; NJ-14", Requirement.AU_2),
      mandatory(TWICE_YEARLY_LOG_REVIEW, Trigger.HIGH_RISK, "NJ-14", Requirement.AU_3),
      mandatory(ANNUAL_RISK_ASSESSMENT, Trigger.HIGH_RISK, "NJ-13", Requirement.AU_5));

  private static final List<ControlRule> MANDATORY_BASELINE =
      DEFAULT_RULES.stream().filter(r -> r.strength() == Strength.MANDATORY).collect(Collectors.toUnmodifiableList());

  private static final List<CombinationRule> DEFAULT_COMBINATIONS = List.of(
      new CombinationRule("identity-and-address",
          EnumSet.of(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.ADDRESS), Classification.general(4), true),
      new CombinationRule("real-name-verification",
          EnumSet.of(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.MOBILE), Classification.general(4), true));

  private static final ControlPolicy DEFAULTS = new Builder(
      DEFAULT_RULES, DEFAULT_COMBINATIONS, Classification.general(3), Classification.general(4),
      LEGAL_HIGH_RISK_SUBJECTS, List.of()).build();

  private final List<ControlRule> rules;
  private final List<CombinationRule> combinations;
  private final Classification personalInformationFloor;
  private final Classification sensitiveFloor;
  private final long highRiskSubjectThreshold;
  private final List<Waiver> waivers;
  private final List<WaivedControl> waived;

  private ControlPolicy(Builder b, List<WaivedControl> waived) {
    this.rules = List.copyOf(b.rules);
    this.combinations = List.copyOf(b.combinations.values());
    this.personalInformationFloor = b.personalInformationFloor;
    this.sensitiveFloor = b.sensitiveFloor;
    this.highRiskSubjectThreshold = b.highRiskSubjectThreshold;
    this.waivers = List.copyOf(b.waivers.values());
    this.waived = List.copyOf(waived);
  }

  private static ControlRule mandatory(Control c, Trigger t, String clause, Requirement... basis) {
    return new ControlRule(c, t, Strength.MANDATORY, List.of(basis), clause);
  }

  private static ControlRule recommended(Control c, Trigger t, String clause, Requirement... basis) {
    return new ControlRule(c, t, Strength.RECOMMENDED, List.of(basis), clause);
  }

  /**
   * Returns govdatasec's default policy (documented in {@code docs/policy.md}).
   *
   * @return the default policy
   */
  public static ControlPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the default policy with the overrides of a properties object applied. Keys outside
   * {@code govdatasec.policy.} are ignored, so the policy may live in a larger configuration file.
   *
   * @param properties the overrides (see {@code docs/policy.md} for the keys)
   * @return the resulting policy
   * @throws PolicyException {@code GDS-POL-003} for an unknown key, {@code GDS-POL-004} for an unreadable
   *     value, or any error of {@link Builder#build()}
   */
  public static ControlPolicy fromProperties(Properties properties) {
    Builder b = defaults().toBuilder();
    PolicyProperties.apply(properties, b);
    return b.build();
  }

  /**
   * Reads a UTF-8 properties file of overrides and applies it to the default policy.
   *
   * @param file the properties file
   * @return the resulting policy
   * @throws PolicyException {@code GDS-POL-008} if the file cannot be read, or any error of
   *     {@link #fromProperties(Properties)}
   */
  public static ControlPolicy load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    } catch (IOException e) {
      throw new PolicyException(PolicyError.UNREADABLE_POLICY_FILE,
          "the policy file " + file + " cannot be read (" + e.getClass().getSimpleName() + ").", null, e);
    }
  }

  /**
   * Reads UTF-8 properties of overrides from a stream, for example a classpath resource, and applies them
   * to the default policy. The stream is read to its end but not closed.
   *
   * @param in the properties
   * @param source where they come from, for error messages (e.g. {@code classpath:/govdatasec-policy.properties})
   * @return the resulting policy
   * @throws PolicyException {@code GDS-POL-008} if the stream cannot be read, or any error of
   *     {@link #fromProperties(Properties)}
   */
  public static ControlPolicy load(InputStream in, String source) {
    Properties p = new Properties();
    try {
      Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
      // A UTF-8 byte-order mark (Windows editors write one) would otherwise become part of the first key, and
      // that key, no longer under the prefix, would be silently ignored.
      reader.mark(1);
      if (reader.read() != BYTE_ORDER_MARK) {
        reader.reset();
      }
      p.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new PolicyException(PolicyError.UNREADABLE_POLICY_FILE,
          "the policy " + source + " cannot be read (" + e.getClass().getSimpleName() + ").", null, e);
    }
    return fromProperties(p);
  }

  /**
   * Returns a builder that starts from this policy.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Map<Control, Waiver> w = new EnumMap<>(Control.class);
    waivers.forEach(x -> w.put(x.control(), x));
    return new Builder(rules, combinations, personalInformationFloor, sensitiveFloor, highRiskSubjectThreshold,
        List.copyOf(w.values()));
  }

  /**
   * Returns the rows of the control table, in order.
   *
   * @return the rules
   */
  public List<ControlRule> rules() {
    return rules;
  }

  /**
   * Returns the mandatory rows of the default table: what the regulations require whatever the policy.
   *
   * @return the mandatory baseline
   */
  public static List<ControlRule> mandatoryBaseline() {
    return MANDATORY_BASELINE;
  }

  /**
   * Returns the combination rules.
   *
   * @return the combination rules
   */
  public List<CombinationRule> combinations() {
    return combinations;
  }

  /**
   * Returns the lowest classification of a field holding personal information.
   *
   * @return the floor (default {@code GENERAL-3})
   */
  public Classification personalInformationFloor() {
    return personalInformationFloor;
  }

  /**
   * Returns the lowest classification of a field holding sensitive personal information.
   *
   * @return the floor (default {@code GENERAL-4})
   */
  public Classification sensitivePersonalInformationFloor() {
    return sensitiveFloor;
  }

  /**
   * Returns the number of data subjects from which a system's personal information is high-risk.
   *
   * @return the threshold, at most {@link #LEGAL_HIGH_RISK_SUBJECTS}
   */
  public long highRiskSubjectThreshold() {
    return highRiskSubjectThreshold;
  }

  /**
   * Returns the waivers of this policy.
   *
   * @return the waivers
   */
  public List<Waiver> waivers() {
    return waivers;
  }

  /**
   * Returns every mandatory rule of the regulations that this policy no longer enforces, each with the
   * waiver that allows it.
   *
   * @return the waived rules, empty if none
   */
  public List<WaivedControl> waived() {
    return waived;
  }

  /**
   * Returns the controls a dataset needs, in the order of {@link Control}.
   *
   * <p>A control's strength is the strongest of the rows that apply: mandatory, then the agency's own rows,
   * then govdatasec's recommendations. A control the policy requires where the regulations mandate it stays
   * mandatory, citing the mandatory rule, even if the policy replaced the mandatory row by a broader one.
   *
   * @param facts the dataset's facts
   * @return the required controls, each with the triggers and requirements behind it
   */
  public List<RequiredControl> requiredControls(DatasetFacts facts) {
    Map<Control, List<ControlRule>> matching = new EnumMap<>(Control.class);
    for (ControlRule r : rules) {
      if (r.trigger().matches(facts)) {
        matching.computeIfAbsent(r.control(), k -> new ArrayList<>()).add(r);
      }
    }
    for (ControlRule m : MANDATORY_BASELINE) {
      List<ControlRule> rs = matching.get(m.control());
      if (rs != null && !rs.contains(m) && m.trigger().matches(facts)) {
        rs.add(m);
      }
    }
    List<RequiredControl> out = new ArrayList<>(matching.size());
    matching.forEach((control, rs) -> {
      Strength strength = rs.stream().map(ControlRule::strength).min(Comparator.comparingInt(ControlPolicy::rank))
          .orElseThrow();
      Set<Requirement> reqs = new LinkedHashSet<>();
      Set<String> clauses = new LinkedHashSet<>();
      rs.forEach(r -> {
        reqs.addAll(r.basis());
        for (String clause : r.clause().split(";")) {
          clauses.add(clause.strip());
        }
      });
      out.add(new RequiredControl(control, strength,
          rs.stream().map(ControlRule::trigger).distinct().collect(Collectors.toList()), List.copyOf(reqs),
          List.copyOf(clauses)));
    });
    return List.copyOf(out);
  }

  /** Orders strengths, strongest first: the regulations, the agency's own policy, then a recommendation. */
  private static int rank(Strength s) {
    return switch (s) {
      case MANDATORY -> 0;
      case AGENCY -> 1;
      case RECOMMENDED -> 2;
    };
  }

  /**
   * Returns the mandatory controls that would apply to a dataset but are waived by this policy.
   *
   * @param facts the dataset's facts
   * @return the waived controls, empty if none
   */
  public List<WaivedControl> waivedControls(DatasetFacts facts) {
    Set<Control> required = requiredControls(facts).stream().map(RequiredControl::control)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Control.class)));
    return waived.stream()
        .filter(w -> w.rule().trigger().matches(facts) && !required.contains(w.rule().control()))
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * Returns every combination of facts a dataset can have under this policy's floors: the domain over
   * which the policy's coverage of the mandatory baseline is checked.
   *
   * @return the possible dataset facts
   */
  public List<DatasetFacts> possibleFacts() {
    return possibleFacts(personalInformationFloor, sensitiveFloor);
  }

  private static List<DatasetFacts> possibleFacts(Classification piFloor, Classification sensitiveFloor) {
    Set<DatasetFacts> out = new LinkedHashSet<>();
    boolean[] tf = {false, true};
    for (Classification c : Classification.all()) {
      for (boolean pi : tf) {
        for (boolean sensitive : tf) {
          for (boolean minors : tf) {
            for (boolean atScale : tf) {
              if ((minors && !sensitive) || (sensitive && !pi)) {
                continue;
              }
              if ((pi && !c.isAtLeast(piFloor)) || (sensitive && !c.isAtLeast(sensitiveFloor))) {
                continue;
              }
              out.add(new DatasetFacts(c, pi, sensitive, minors, c.isHighRisk() || (pi && atScale)));
            }
          }
        }
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ControlPolicy[%d rules, %d combinations, floors %s/%s, high-risk from %,d"
        + " subjects, %d waiver(s)]", rules.size(), combinations.size(), personalInformationFloor, sensitiveFloor,
        highRiskSubjectThreshold, waivers.size());
  }

  /**
   * Builds a {@link ControlPolicy}. Obtain one from {@link ControlPolicy#toBuilder()}; {@link #build()}
   * checks the whole policy against the regulations' mandatory baseline.
   */
  public static final class Builder {
    private final List<ControlRule> rules;
    private final Map<String, CombinationRule> combinations = new LinkedHashMap<>();
    private Classification personalInformationFloor;
    private Classification sensitiveFloor;
    private long highRiskSubjectThreshold;
    private final Map<Control, Waiver> waivers = new EnumMap<>(Control.class);

    private Builder(List<ControlRule> rules, List<CombinationRule> combinations, Classification piFloor,
        Classification sensitiveFloor, long threshold, List<Waiver> waivers) {
      this.rules = new ArrayList<>(rules);
      combinations.forEach(c -> this.combinations.put(c.name(), c));
      this.personalInformationFloor = piFloor;
      this.sensitiveFloor = sensitiveFloor;
      this.highRiskSubjectThreshold = threshold;
      waivers.forEach(w -> this.waivers.put(w.control(), w));
    }

    /**
     * Adds a row: the agency requires {@code control} when {@code trigger} applies.
     *
     * @param control the control
     * @param trigger when it is required
     * @return this builder
     */
    public Builder require(Control control, Trigger trigger) {
      return rule(ControlRule.agency(control, trigger));
    }

    /**
     * Adds a row.
     *
     * @param rule the row
     * @return this builder
     */
    public Builder rule(ControlRule rule) {
      Objects.requireNonNull(rule, "rule");
      if (!rules.contains(rule)) {
        rules.add(rule);
      }
      return this;
    }

    /**
     * Removes every row of a control. Removing a mandatory row needs a {@link #waive(Waiver) waiver}.
     *
     * @param control the control
     * @return this builder
     */
    public Builder remove(Control control) {
      rules.removeIf(r -> r.control() == control);
      return this;
    }

    /**
     * Removes the rows of a control with a given trigger.
     *
     * @param control the control
     * @param trigger the trigger of the rows to remove
     * @return this builder
     */
    public Builder remove(Control control, Trigger trigger) {
      rules.removeIf(r -> r.control() == control && r.trigger().equals(trigger));
      return this;
    }

    /**
     * Replaces every row of a control by agency rows with the given triggers; with no trigger, removes the
     * control.
     *
     * @param control the control
     * @param triggers the new triggers
     * @return this builder
     */
    public Builder replace(Control control, List<Trigger> triggers) {
      remove(control);
      triggers.forEach(t -> require(control, t));
      return this;
    }

    /**
     * Records a waiver for a mandatory control this policy removes or narrows.
     *
     * @param waiver the waiver
     * @return this builder
     */
    public Builder waive(Waiver waiver) {
      waivers.put(waiver.control(), waiver);
      return this;
    }

    /**
     * Adds a combination rule, or replaces the one of the same name.
     *
     * @param rule the combination rule
     * @return this builder
     */
    public Builder combination(CombinationRule rule) {
      combinations.put(rule.name(), rule);
      return this;
    }

    /**
     * Removes a combination rule by name; nothing happens if there is none.
     *
     * @param name the rule's name
     * @return this builder
     */
    public Builder removeCombination(String name) {
      combinations.remove(name);
      return this;
    }

    /**
     * Returns the combination rule of a name, to amend it.
     *
     * @param name the rule's name
     * @return the rule, or {@code null} if there is none
     */
    public CombinationRule combination(String name) {
      return combinations.get(name);
    }

    /**
     * Sets the lowest classification of a field holding personal information.
     *
     * @param floor the floor
     * @return this builder
     */
    public Builder personalInformationFloor(Classification floor) {
      this.personalInformationFloor = Objects.requireNonNull(floor, "floor");
      return this;
    }

    /**
     * Sets the lowest classification of a field holding sensitive personal information.
     *
     * @param floor the floor
     * @return this builder
     */
    public Builder sensitivePersonalInformationFloor(Classification floor) {
      this.sensitiveFloor = Objects.requireNonNull(floor, "floor");
      return this;
    }

    /**
     * Sets the number of subjects from which personal information is high-risk: at most 1,000,000 (the
     * regulations), lower to be stricter.
     *
     * @param subjects the threshold
     * @return this builder
     */
    public Builder highRiskSubjectThreshold(long subjects) {
      this.highRiskSubjectThreshold = subjects;
      return this;
    }

    /**
     * Validates and builds the policy, logging every waiver.
     *
     * @return the policy
     * @throws PolicyException {@code GDS-POL-001} if a mandatory control is no longer required where the
     *     regulations require it and no waiver covers it, {@code GDS-POL-005} for a threshold outside 1 to
     *     1,000,000, {@code GDS-POL-006} for floors in the wrong order, {@code GDS-POL-009} for a waiver
     *     that waives nothing
     */
    public ControlPolicy build() {
      if (highRiskSubjectThreshold < 1 || highRiskSubjectThreshold > LEGAL_HIGH_RISK_SUBJECTS) {
        throw new PolicyException(PolicyError.THRESHOLD_ABOVE_LAW,
            "high-risk subject threshold " + highRiskSubjectThreshold + " is outside 1 to 1,000,000.", null);
      }
      if (!sensitiveFloor.isAtLeast(personalInformationFloor)) {
        throw new PolicyException(PolicyError.BAD_FLOORS, "the sensitive-personal-information floor "
            + sensitiveFloor + " is below the personal-information floor " + personalInformationFloor + ".", null);
      }
      List<DatasetFacts> domain = possibleFacts(personalInformationFloor, sensitiveFloor);
      List<ControlRule> uncovered = new ArrayList<>();
      for (ControlRule m : MANDATORY_BASELINE) {
        boolean covered = domain.stream().filter(m.trigger()::matches).allMatch(f -> rules.stream()
            .anyMatch(r -> r.control() == m.control() && r.trigger().matches(f)));
        if (!covered) {
          uncovered.add(m);
        }
      }
      List<String> missing = uncovered.stream().filter(r -> !waivers.containsKey(r.control()))
          .map(r -> r.control() + " for " + r.trigger() + " (" + r.clause() + ")").distinct()
          .collect(Collectors.toList());
      if (!missing.isEmpty()) {
        throw new PolicyException(PolicyError.MANDATORY_CONTROL_REMOVED,
            "the policy no longer requires " + String.join(", ", missing)
                + ", which the regulations mandate, and no waiver covers it.", null);
      }
      Set<Control> waivedControls = uncovered.stream().map(ControlRule::control)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(Control.class)));
      for (Control c : waivers.keySet()) {
        if (!waivedControls.contains(c)) {
          throw new PolicyException(PolicyError.UNUSED_WAIVER,
              "there is a waiver for " + c + ", but the policy still requires it wherever the regulations do.",
              null);
        }
      }
      List<WaivedControl> waived = uncovered.stream().map(r -> new WaivedControl(r, waivers.get(r.control())))
          .collect(Collectors.toList());
      ControlPolicy policy = new ControlPolicy(this, waived);
      for (Waiver w : policy.waivers) {
        LOG.log(System.Logger.Level.WARNING, "GDS-POL waiver in force: mandatory control {0} is not enforced for {1};"
            + " reason: {2}; approved by {3}; reference {4}", w.control(),
            uncovered.stream().filter(r -> r.control() == w.control()).map(r -> r.trigger().toString())
                .collect(Collectors.joining(", ")),
            w.reason(), w.approvedBy(), w.reference());
      }
      return policy;
    }
  }
}
