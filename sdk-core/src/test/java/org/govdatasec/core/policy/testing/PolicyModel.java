package org.govdatasec.core.policy.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.policy.Control;
import org.govdatasec.core.policy.ControlPolicy;
import org.govdatasec.core.policy.ControlRule;
import org.govdatasec.core.policy.DatasetFacts;
import org.govdatasec.core.policy.RequiredControl;
import org.govdatasec.core.policy.Trigger;

/**
 * An independent model of the policy's domain for the property tests (CLS-3, CLS-5): the severity order, which
 * dataset facts can exist under given floors, when a trigger applies, and generators of triggers and controls.
 * Written from {@code docs/policy.md}, not from the code under test, so that the tests compare two answers.
 */
public final class PolicyModel {

  /** The severity order, lowest first. */
  public static final List<Classification> ORDER = List.of(Classification.general(1), Classification.general(2),
      Classification.general(3), Classification.general(4), Classification.IMPORTANT, Classification.CORE);

  /** The default floors: GENERAL-3 for personal information, GENERAL-4 for sensitive personal information. */
  public static final Classification DEFAULT_PI_FLOOR = Classification.general(3);
  /** The default sensitive floor. */
  public static final Classification DEFAULT_SENSITIVE_FLOOR = Classification.general(4);

  private PolicyModel() {}

  /**
   * Returns the position of a classification in the severity order.
   *
   * @param c the classification
   * @return 0 for GENERAL-1 to 5 for CORE
   */
  public static int rank(Classification c) {
    int i = ORDER.indexOf(c);
    if (i < 0) {
      throw new AssertionError("not a classification of the order: " + c);
    }
    return i;
  }

  /**
   * Tells whether a classification is important or core data.
   *
   * @param c the classification
   * @return true for the two high-risk levels
   */
  public static boolean highRiskLevel(Classification c) {
    return rank(c) >= 4;
  }

  /**
   * Returns every dataset the engine can produce under the floors: minors' data is sensitive, sensitive data is
   * personal, personal data is at least at its floor, important and core data are high-risk, and otherwise only
   * personal data can be high-risk (by volume).
   *
   * @param piFloor the personal-information floor
   * @param sensitiveFloor the sensitive floor
   * @return the facts, without repeats
   */
  public static List<DatasetFacts> domain(Classification piFloor, Classification sensitiveFloor) {
    List<DatasetFacts> out = new ArrayList<>();
    for (Classification c : ORDER) {
      for (int bits = 0; bits < 16; bits++) {
        boolean pi = (bits & 1) != 0;
        boolean sensitive = (bits & 2) != 0;
        boolean minors = (bits & 4) != 0;
        boolean highRisk = (bits & 8) != 0;
        boolean possible = (!minors || sensitive) && (!sensitive || pi)
            && (!pi || rank(c) >= rank(piFloor)) && (!sensitive || rank(c) >= rank(sensitiveFloor))
            && (!highRiskLevel(c) || highRisk) && (!highRisk || highRiskLevel(c) || pi);
        if (possible) {
          out.add(new DatasetFacts(c, pi, sensitive, minors, highRisk));
        }
      }
    }
    return out;
  }

  /**
   * Tells whether a trigger applies to a dataset, as docs/policy.md defines the triggers.
   *
   * @param t the trigger
   * @param f the dataset
   * @return true if it applies
   */
  public static boolean matches(Trigger t, DatasetFacts f) {
    switch (t.kind()) {
      case LEVEL_AT_LEAST:
        return rank(f.classification()) >= rank(t.from());
      case PERSONAL_INFORMATION:
        return f.personalInformation();
      case SENSITIVE_PERSONAL_INFORMATION:
        return f.sensitivePersonalInformation();
      case MINORS:
        return f.minors();
      case HIGH_RISK:
        return f.highRisk();
      default:
        throw new AssertionError(t);
    }
  }

  /**
   * Returns the controls a policy requires for a dataset.
   *
   * @param policy the policy
   * @param f the dataset
   * @return the required controls
   */
  public static Set<Control> required(ControlPolicy policy, DatasetFacts f) {
    return policy.requiredControls(f).stream().map(RequiredControl::control)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Control.class)));
  }

  /**
   * Returns the controls a set of rows requires for a dataset, by the model's trigger semantics.
   *
   * @param rules the rows
   * @param f the dataset
   * @return the required controls
   */
  public static Set<Control> required(List<ControlRule> rules, DatasetFacts f) {
    return rules.stream().filter(r -> matches(r.trigger(), f)).map(ControlRule::control)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Control.class)));
  }

  /**
   * Returns the controls of the mandatory baseline.
   *
   * @return the controls some mandatory rule names
   */
  public static List<Control> mandatoryControls() {
    return ControlPolicy.mandatoryBaseline().stream().map(ControlRule::control).distinct().collect(Collectors.toList());
  }

  /**
   * Generates any trigger.
   *
   * @return triggers of every kind and level
   */
  public static Arbitrary<Trigger> triggers() {
    return Arbitraries.oneOf(List.of(
        Arbitraries.of(ORDER).map(Trigger::levelAtLeast),
        Arbitraries.of(Trigger.PERSONAL_INFORMATION, Trigger.SENSITIVE_PERSONAL_INFORMATION, Trigger.MINORS,
            Trigger.HIGH_RISK)));
  }

  /**
   * Generates controls, mostly those the regulations mandate somewhere.
   *
   * @return controls
   */
  public static Arbitrary<Control> controls() {
    return Arbitraries.oneOf(List.of(Arbitraries.of(mandatoryControls()), Arbitraries.of(mandatoryControls()),
        Arbitraries.of(Arrays.asList(Control.values()))));
  }

  /**
   * Generates a pair of floors in a valid order (the default pair half of the time).
   *
   * @return {personal floor, sensitive floor}
   */
  public static Arbitrary<List<Classification>> floors() {
    Arbitrary<Integer> index = Arbitraries.integers().between(0, ORDER.size() - 1);
    return Arbitraries.oneOf(List.of(
        Arbitraries.just(List.of(DEFAULT_PI_FLOOR, DEFAULT_SENSITIVE_FLOOR)),
        index.flatMap(a -> index.map(b -> List.of(ORDER.get(Math.min(a, b)), ORDER.get(Math.max(a, b)))))));
  }
}
