package org.govdatasec.core.policy;

import static org.govdatasec.core.policy.testing.PolicyModel.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.policy.testing.PolicyModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CLS-5: each level has its control set, and the required controls only grow as the level rises (triggers are
 * upward-closed), for the default policy and for any agency policy built by adding rows; CLS-3: reaching the
 * volume threshold only adds controls.
 */
class MonotonicControlsPropertyTest {

  /** An agency policy: the defaults, some recommended rows dropped, some agency rows added, some floors. */
  record AgencyPolicy(List<ControlRule> added, List<Control> droppedRecommended, List<Classification> floors) {

    ControlPolicy build() {
      ControlPolicy.Builder b = ControlPolicy.defaults().toBuilder()
          .personalInformationFloor(floors.get(0)).sensitivePersonalInformationFloor(floors.get(1));
      for (Control c : droppedRecommended) {
        ControlPolicy.defaults().rules().stream().filter(r -> r.control() == c && r.strength() == Strength.RECOMMENDED)
            .forEach(r -> b.remove(c, r.trigger()));
      }
      added.forEach(r -> b.require(r.control(), r.trigger()));
      return b.build();
    }
  }

  @Provide
  Arbitrary<AgencyPolicy> agencyPolicies() {
    Arbitrary<ControlRule> rows = Combinators.combine(PolicyModel.controls(), PolicyModel.triggers())
        .as(ControlRule::agency);
    return Combinators.combine(rows.list().ofMaxSize(10), Arbitraries.of(Control.class).list().ofMaxSize(3),
        PolicyModel.floors()).as(AgencyPolicy::new);
  }

  /** Checks every pair of possible datasets that differ only in a higher classification. */
  private static int checkMonotonic(ControlPolicy policy) {
    List<DatasetFacts> all = policy.possibleFacts();
    Set<DatasetFacts> possible = new HashSet<>(all);
    int pairs = 0;
    for (DatasetFacts lower : all) {
      for (Classification c : PolicyModel.ORDER) {
        if (rank(c) <= rank(lower.classification())) {
          continue;
        }
        DatasetFacts higher = new DatasetFacts(c, lower.personalInformation(), lower.sensitivePersonalInformation(),
            lower.minors(), lower.highRisk() || PolicyModel.highRiskLevel(c));
        assertTrue(possible.contains(higher), "a higher level of a possible dataset is possible: " + higher);
        Set<Control> low = PolicyModel.required(policy, lower);
        Set<Control> high = PolicyModel.required(policy, higher);
        assertTrue(high.containsAll(low), () -> lower + " -> " + higher + " loses " + difference(low, high));
        pairs++;
      }
    }
    return pairs;
  }

  /** Checks every possible dataset against the same dataset at the volume threshold (CLS-3). */
  private static void checkVolumeMonotonic(ControlPolicy policy) {
    Set<DatasetFacts> possible = new HashSet<>(policy.possibleFacts());
    for (DatasetFacts small : policy.possibleFacts()) {
      if (!small.personalInformation() || small.highRisk()) {
        continue;
      }
      DatasetFacts atScale = new DatasetFacts(small.classification(), true, small.sensitivePersonalInformation(),
          small.minors(), true);
      assertTrue(possible.contains(atScale), atScale.toString());
      Set<Control> before = PolicyModel.required(policy, small);
      Set<Control> after = PolicyModel.required(policy, atScale);
      assertTrue(after.containsAll(before), () -> small + " at scale loses " + difference(before, after));
    }
  }

  private static Set<Control> difference(Set<Control> a, Set<Control> b) {
    Set<Control> d = new HashSet<>(a);
    d.removeAll(b);
    return d;
  }

  @Test
  @DisplayName("CLS-5: under the default policy the required controls only grow with the level")
  void defaultsAreMonotonic() {
    int pairs = checkMonotonic(ControlPolicy.defaults());
    // Counted by hand over the default floors: no PI (6 levels) 15 pairs; PI not sensitive (GENERAL-3 and -4,
    // each at scale or not, IMPORTANT, CORE) 11; sensitive (GENERAL-4 twice, IMPORTANT, CORE) 5; minors 5.
    assertEquals(36, pairs, "every pair was compared");
    checkVolumeMonotonic(ControlPolicy.defaults());
  }

  @Test
  @DisplayName("CLS-5: each level adds controls: GENERAL-1 < GENERAL-3 < GENERAL-4 < IMPORTANT, strictly")
  void levelsHaveTheirOwnControlSets() {
    ControlPolicy p = ControlPolicy.defaults();
    Set<Control> g1 = PolicyModel.required(p, new DatasetFacts(Classification.general(1), false, false, false, false));
    Set<Control> g3 = PolicyModel.required(p, new DatasetFacts(Classification.general(3), false, false, false, false));
    Set<Control> g4 = PolicyModel.required(p, new DatasetFacts(Classification.general(4), false, false, false, false));
    Set<Control> imp = PolicyModel.required(p, new DatasetFacts(Classification.IMPORTANT, false, false, false, true));
    assertTrue(g3.containsAll(g1) && g3.size() > g1.size(), g1 + " / " + g3);
    assertTrue(g4.containsAll(g3) && g4.size() > g3.size(), g3 + " / " + g4);
    assertTrue(imp.containsAll(g4) && imp.size() > g4.size(), g4 + " / " + imp);
    assertEquals(imp, PolicyModel.required(p, new DatasetFacts(Classification.CORE, false, false, false, true)));
  }

  @Property(seed = "20261123")
  @Label("CLS-5: required controls only grow with the level, for any agency policy that adds rows")
  void agencyPoliciesAreMonotonic(@ForAll("agencyPolicies") AgencyPolicy agency) {
    ControlPolicy policy = agency.build();
    checkMonotonic(policy);
    checkVolumeMonotonic(policy);
  }

  @Property(seed = "20261124")
  @Label("CLS-5: adding rows never removes a control from any dataset")
  void addingRowsOnlyAdds(@ForAll("agencyPolicies") AgencyPolicy agency) {
    ControlPolicy base = new AgencyPolicy(List.of(), agency.droppedRecommended(), agency.floors()).build();
    ControlPolicy more = agency.build();
    assertEquals(base.possibleFacts(), more.possibleFacts());
    for (DatasetFacts f : base.possibleFacts()) {
      Set<Control> before = PolicyModel.required(base, f);
      Set<Control> after = PolicyModel.required(more, f);
      assertTrue(after.containsAll(before), () -> f + " loses " + difference(before, after));
      assertEquals(PolicyModel.required(more.rules(), f), after, "requiredControls agrees with the model's triggers");
    }
  }
}
