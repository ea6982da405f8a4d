package org.govdatasec.core.governance.destruction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.govdatasec.core.governance.GovernanceError;

/**
 * Retention schedules (DS-3): rules by dataset and level, evaluated against the dates the application
 * supplies, listing what is due for destruction.
 *
 * <p>A record takes the rule for its dataset and exact level if there is one, else the dataset's rule for
 * every level. A record is due on {@code referenceDate + retention} and on every later day. Records of a
 * dataset without a rule are never due: they are reported by {@link #unscheduled(Collection)} so that a
 * missing rule is seen, not silently kept forever.
 */
public final class RetentionSchedule {
  private final List<RetentionRule> rules;

  private RetentionSchedule(List<RetentionRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Creates a schedule.
   *
   * @param rules the rules
   * @return the schedule
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-026} if two rules have the
   *     same dataset and level
   */
  public static RetentionSchedule of(Collection<RetentionRule> rules) {
    Set<String> seen = new HashSet<>();
    for (RetentionRule r : rules) {
      if (!seen.add(r.dataset() + "\u0000" + r.level())) {
        throw GovernanceError.BAD_RETENTION_RULE.exception("Two retention rules for dataset '" + r.dataset() + "' at "
            + (r.level() == null ? "every level" : r.level()) + "; keep one.");
      }
    }
    return new RetentionSchedule(new ArrayList<>(rules));
  }

  /**
   * Returns the rules.
   *
   * @return the rules
   */
  public List<RetentionRule> rules() {
    return rules;
  }

  /**
   * Finds the rule that applies to a record.
   *
   * @param record the record
   * @return the rule, or empty if its dataset has none
   */
  public Optional<RetentionRule> ruleFor(RetainedRecord record) {
    Optional<RetentionRule> exact = rules.stream()
        .filter(r -> r.dataset().equals(record.dataset()) && record.level().equals(r.level())).findFirst();
    return exact.isPresent() ? exact : rules.stream()
        .filter(r -> r.dataset().equals(record.dataset()) && r.level() == null).findFirst();
  }

  /**
   * Lists the records due for destruction on a day, earliest due first.
   *
   * @param records the application's records
   * @param today the day of evaluation
   * @return the due records with their rule and due date
   */
  public List<Due> due(Collection<RetainedRecord> records, LocalDate today) {
    Objects.requireNonNull(today, "today");
    List<Due> due = new ArrayList<>();
    for (RetainedRecord r : records) {
      ruleFor(r).ifPresent(rule -> {
        LocalDate on = r.referenceDate().plus(rule.retention());
        if (!on.isAfter(today)) {
          due.add(new Due(r, rule, on));
        }
      });
    }
    due.sort(Comparator.comparing(Due::dueOn).thenComparing(d -> d.record().recordId()));
    return List.copyOf(due);
  }

  /**
   * Lists the records no rule applies to.
   *
   * @param records the application's records
   * @return the records without a rule
   */
  public List<RetainedRecord> unscheduled(Collection<RetainedRecord> records) {
    return records.stream().filter(r -> ruleFor(r).isEmpty()).toList();
  }

  /**
   * A record due for destruction.
   *
   * @param record the record
   * @param rule the rule that makes it due
   * @param dueOn the day it became due
   */
  public record Due(RetainedRecord record, RetentionRule rule, LocalDate dueOn) {

    /**
     * Validates.
     *
     * @param record the record
     * @param rule the rule
     * @param dueOn the due day
     */
    public Due {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(dueOn, "dueOn");
    }
  }
}
