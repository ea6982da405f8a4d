package org.govdatasec.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.policy.testing.CapturingLoggerFinder;
import org.govdatasec.core.policy.testing.PolicyModel;

/**
 * CLS-5: an override never removes a control the regulations mandate without an explicit, logged waiver.
 *
 * <p>Random sequences of builder operations on the default policy are replayed on a model of the rows; the
 * model says which mandatory rules (NJ-8 … NJ-27) lose coverage somewhere in the policy's domain. Without
 * waivers, {@code build()} must refuse exactly those policies ({@code GDS-POL-001}) and every policy it
 * accepts must still require every mandatory control wherever the regulations do. With a waiver for exactly
 * the uncovered controls, the policy builds, reports each waived rule where it applies, and logs each waiver
 * at WARNING on {@code System.Logger} "org.govdatasec.policy".
 */
class OverrideWaiverPropertyTest {

  private static final AtomicLong REFERENCES = new AtomicLong();

  /** The model of a builder: its rows and floors. */
  static final class Model {
    final List<ControlRule> rules = new ArrayList<>(ControlPolicy.defaults().rules());
    Classification piFloor = PolicyModel.DEFAULT_PI_FLOOR;
    Classification sensitiveFloor = PolicyModel.DEFAULT_SENSITIVE_FLOOR;

    void add(ControlRule r) {
      if (!rules.contains(r)) {
        rules.add(r);
      }
    }
  }

  /** One builder operation, applied to the real builder and to the model. */
  interface Op {
    void apply(ControlPolicy.Builder b);

    void apply(Model m);
  }

  record Remove(Control control) implements Op {
    @Override
    public void apply(ControlPolicy.Builder b) {
      b.remove(control);
    }

    @Override
    public void apply(Model m) {
      m.rules.removeIf(r -> r.control() == control);
    }
  }

  record RemoveRow(Control control, Trigger trigger) implements Op {
    @Override
    public void apply(ControlPolicy.Builder b) {
      b.remove(control, trigger);
    }

    @Override
    public void apply(Model m) {
      m.rules.removeIf(r -> r.control() == control && r.trigger().equals(trigger));
    }
  }

  record Replace(Control control, List<Trigger> triggers) implements Op {
    @Override
    public void apply(ControlPolicy.Builder b) {
      b.replace(control, triggers);
    }

    @Override
    public void apply(Model m) {
      m.rules.removeIf(r -> r.control() == control);
      triggers.forEach(t -> m.add(ControlRule.agency(control, t)));
    }
  }

  record Require(Control control, Trigger trigger) implements Op {
    @Override
    public void apply(ControlPolicy.Builder b) {
      b.require(control, trigger);
    }

    @Override
    public void apply(Model m) {
      m.add(ControlRule.agency(control, trigger));
    }
  }

  record Floors(Classification personal, Classification sensitive) implements Op {
    @Override
    public void apply(ControlPolicy.Builder b) {
      b.personalInformationFloor(personal).sensitivePersonalInformationFloor(sensitive);
    }

    @Override
    public void apply(Model m) {
      m.piFloor = personal;
      m.sensitiveFloor = sensitive;
    }
  }

  record Threshold(long subjects) implements Op {
    @Override
    public void apply(ControlPolicy.Builder b) {
      b.highRiskSubjectThreshold(subjects);
    }

    @Override
    public void apply(Model m) {}
  }

  @BeforeContainer
  static void loggerFinderInstalled() {
    if (!CapturingLoggerFinder.installed()) {
      throw new AssertionError("the test LoggerFinder is not in use: " + System.LoggerFinder.getLoggerFinder());
    }
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    // Rows of the default table, so that remove(control, trigger) often hits a row.
    Arbitrary<Op> removeDefaultRow = Arbitraries.of(ControlPolicy.defaults().rules())
        .map(r -> new RemoveRow(r.control(), r.trigger()));
    Arbitrary<Op> removeAnyRow = Combinators.combine(PolicyModel.controls(), PolicyModel.triggers()).as(RemoveRow::new);
    Arbitrary<Op> remove = PolicyModel.controls().map(Remove::new);
    Arbitrary<Op> replace = Combinators.combine(PolicyModel.controls(), PolicyModel.triggers().list().ofMaxSize(3))
        .as(Replace::new);
    Arbitrary<Op> require = Combinators.combine(PolicyModel.controls(), PolicyModel.triggers()).as(Require::new);
    Arbitrary<Op> floors = PolicyModel.floors().map(f -> new Floors(f.get(0), f.get(1)));
    Arbitrary<Op> threshold = Arbitraries.longs().between(1, ControlPolicy.LEGAL_HIGH_RISK_SUBJECTS).map(Threshold::new);
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        Tuple.of(3, removeDefaultRow), Tuple.of(1, removeAnyRow), Tuple.of(2, remove), Tuple.of(3, replace),
        Tuple.of(2, require), Tuple.of(1, floors), Tuple.of(1, threshold));
    return op.list().ofMinSize(1).ofMaxSize(6);
  }

  /** The mandatory rules that lose coverage somewhere in the model's domain. */
  private static List<ControlRule> uncovered(Model m) {
    List<DatasetFacts> domain = PolicyModel.domain(m.piFloor, m.sensitiveFloor);
    List<ControlRule> out = new ArrayList<>();
    for (ControlRule mandatory : ControlPolicy.mandatoryBaseline()) {
      for (DatasetFacts f : domain) {
        if (PolicyModel.matches(mandatory.trigger(), f) && !PolicyModel.required(m.rules, f).contains(mandatory.control())) {
          out.add(mandatory);
          break;
        }
      }
    }
    return out;
  }

  private static ControlPolicy.Builder replay(List<Op> ops) {
    ControlPolicy.Builder b = ControlPolicy.defaults().toBuilder();
    ops.forEach(op -> op.apply(b));
    return b;
  }

  private static Waiver waiver(Control c, String reference) {
    return new Waiver(c, "compensating control in place for " + c, "张三（数据安全负责人）", reference);
  }

  @Property(seed = "20261123")
  @Label("CLS-5: without a waiver an override either is refused (GDS-POL-001) or still requires every mandatory control")
  void noSilentRemoval(@ForAll("operations") List<Op> ops) {
    Model model = new Model();
    ops.forEach(op -> op.apply(model));
    List<ControlRule> uncovered = uncovered(model);
    Statistics.label("outcome").collect(uncovered.isEmpty() ? "accepted" : "refused");
    Statistics.label("outcome").coverage(c -> {
      c.check("accepted").percentage(p -> p >= 15);
      c.check("refused").percentage(p -> p >= 15);
    });

    ControlPolicy policy;
    try {
      policy = replay(ops).build();
    } catch (PolicyException e) {
      assertEquals("GDS-POL-001", e.code(), e.getMessage());
      assertFalse(uncovered.isEmpty(), "refused although the model finds every mandatory rule covered: " + e.getMessage());
      for (ControlRule r : uncovered) {
        assertTrue(e.getMessage().contains(r.control().name()), "names " + r.control() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(r.clause()), "cites " + r.clause() + ": " + e.getMessage());
      }
      return;
    }
    assertTrue(uncovered.isEmpty(), "accepted although " + uncovered + " lost coverage");
    assertEquals(model.rules, policy.rules(), "the builder applied the operations as the model did");
    assertEquals(new HashSet<>(PolicyModel.domain(model.piFloor, model.sensitiveFloor)),
        new HashSet<>(policy.possibleFacts()));
    assertTrue(policy.waived().isEmpty());
    for (DatasetFacts f : policy.possibleFacts()) {
      Set<Control> required = PolicyModel.required(policy, f);
      for (ControlRule mandatory : ControlPolicy.mandatoryBaseline()) {
        if (PolicyModel.matches(mandatory.trigger(), f)) {
          assertTrue(required.contains(mandatory.control()), mandatory.control() + " (" + mandatory.clause()
              + ") is no longer required for " + f);
          assertTrue(policy.requiredControls(f).stream().filter(c -> c.control() == mandatory.control())
              .allMatch(RequiredControl::mandatory), mandatory.control() + " is mandatory by law for " + f);
        }
      }
      assertTrue(policy.waivedControls(f).isEmpty());
    }
  }

  @Property(seed = "20261124")
  @Label("CLS-5: with a waiver for exactly the uncovered controls the policy builds, reports and logs each waiver")
  void waiversAreReportedAndLogged(@ForAll("operations") List<Op> ops) {
    Model model = new Model();
    ops.forEach(op -> op.apply(model));
    List<ControlRule> uncovered = uncovered(model);
    Set<Control> uncoveredControls = uncovered.stream().map(ControlRule::control)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Control.class)));
    String reference = "宁数安〔2026〕PROP-" + REFERENCES.incrementAndGet() + "号";
    Statistics.label("waivers").collect(uncoveredControls.size());
    Statistics.label("waivers").coverage(c -> {
      c.check(0).percentage(p -> p >= 10);
      c.check(1).percentage(p -> p >= 15);
      c.check(2).percentage(p -> p >= 3);
    });

    ControlPolicy.Builder b = replay(ops);
    uncoveredControls.forEach(c -> b.waive(waiver(c, reference)));
    ControlPolicy policy = b.build();

    assertEquals(uncoveredControls, policy.waivers().stream().map(Waiver::control)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Control.class))));
    assertEquals(new LinkedHashSet<>(uncovered),
        policy.waived().stream().map(WaivedControl::rule).collect(Collectors.toCollection(LinkedHashSet::new)));
    for (DatasetFacts f : policy.possibleFacts()) {
      Set<Control> required = PolicyModel.required(policy, f);
      List<WaivedControl> waived = policy.waivedControls(f);
      for (ControlRule mandatory : ControlPolicy.mandatoryBaseline()) {
        if (!PolicyModel.matches(mandatory.trigger(), f)) {
          continue;
        }
        boolean reported = waived.stream().anyMatch(w -> w.rule().equals(mandatory));
        if (required.contains(mandatory.control())) {
          assertFalse(reported, mandatory + " is required and reported waived for " + f);
        } else {
          assertTrue(reported, mandatory.control() + " (" + mandatory.clause() + ") is silently missing for " + f);
        }
      }
      for (WaivedControl w : waived) {
        assertEquals(w.rule().control(), w.waiver().control());
        assertTrue(PolicyModel.matches(w.rule().trigger(), f));
        assertFalse(required.contains(w.rule().control()));
      }
    }

    List<CapturingLoggerFinder.Captured> logged = CapturingLoggerFinder.containing(reference);
    assertEquals(uncoveredControls.size(), logged.size(), "one WARNING per waiver: " + logged);
    for (Control c : uncoveredControls) {
      List<CapturingLoggerFinder.Captured> mine = CapturingLoggerFinder.containing(c.name(), reference);
      assertEquals(1, mine.size(), c + " logged once: " + logged);
      assertEquals(System.Logger.Level.WARNING, mine.get(0).level());
      assertEquals(CapturingLoggerFinder.CAPTURED, mine.get(0).logger());
    }

    // A waiver for a control the policy still covers waives nothing: refused as a likely typo.
    List<Control> covered = PolicyModel.mandatoryControls().stream().filter(c -> !uncoveredControls.contains(c))
        .collect(Collectors.toList());
    if (!covered.isEmpty()) {
      Control extra = covered.get((int) (REFERENCES.get() % covered.size()));
      ControlPolicy.Builder withExtra = replay(ops);
      uncoveredControls.forEach(c -> withExtra.waive(waiver(c, reference + "-extra")));
      withExtra.waive(waiver(extra, reference + "-extra"));
      PolicyException e = assertThrows(PolicyException.class, withExtra::build);
      assertEquals("GDS-POL-009", e.code());
      assertTrue(e.getMessage().contains(extra.name()), e.getMessage());
    }
  }

  @Property(seed = "20261125")
  @Label("CLS-5: a partial waiver is not enough: every uncovered control needs its own waiver")
  void everyUncoveredControlNeedsAWaiver(@ForAll("operations") List<Op> ops) {
    Model model = new Model();
    ops.forEach(op -> op.apply(model));
    List<Control> uncovered = uncovered(model).stream().map(ControlRule::control).distinct().collect(Collectors.toList());
    if (uncovered.isEmpty()) {
      return;
    }
    Control missing = uncovered.get(uncovered.size() - 1);
    ControlPolicy.Builder b = replay(ops);
    uncovered.stream().filter(c -> c != missing).forEach(c -> b.waive(waiver(c, "partial")));
    try {
      b.build();
      fail("built without a waiver for " + missing);
    } catch (PolicyException e) {
      assertEquals("GDS-POL-001", e.code());
      assertTrue(e.getMessage().contains(missing.name()), e.getMessage());
      uncovered.stream().filter(c -> c != missing).forEach(c -> assertFalse(e.getMessage().contains(c.name() + " for "),
          "the waived " + c + " is not reported missing: " + e.getMessage()));
    }
  }
}
