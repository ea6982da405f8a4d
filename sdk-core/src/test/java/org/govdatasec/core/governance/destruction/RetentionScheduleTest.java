package org.govdatasec.core.governance.destruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DS-3: retention rules list what is due for destruction. */
class RetentionScheduleTest {
  private static final RetentionRule APPLICATIONS = new RetentionRule("application", null, Period.ofYears(5),
      "closure", "《社会救助暂行办法》档案保管期限");
  private static final RetentionRule APPLICATIONS_G4 = new RetentionRule("application", Classification.general(4),
      Period.ofYears(3), "closure", "市局规定");
  private final RetentionSchedule schedule = RetentionSchedule.of(List.of(APPLICATIONS, APPLICATIONS_G4));

  private static RetainedRecord app(String id, Classification level, LocalDate closed) {
    return new RetainedRecord("application", id, "S-" + id, level, closed);
  }

  @Test
  @DisplayName("DS-3: a record is due on reference date + retention and later; the level-specific rule wins")
  void due() {
    LocalDate today = LocalDate.of(2024, 6, 18);
    List<RetainedRecord> records = List.of(
        app("A", Classification.general(3), LocalDate.of(2019, 6, 18)),
        app("B", Classification.general(3), LocalDate.of(2019, 6, 19)),
        app("C", Classification.general(4), LocalDate.of(2021, 6, 18)),
        app("D", Classification.general(4), LocalDate.of(2021, 6, 19)),
        app("E", Classification.general(3), LocalDate.of(2010, 1, 1)),
        new RetainedRecord("household", "H", null, Classification.general(3), LocalDate.of(2000, 1, 1)));
    List<RetentionSchedule.Due> due = schedule.due(records, today);
    assertEquals(List.of("E", "A", "C"), due.stream().map(d -> d.record().recordId()).toList());
    assertEquals(APPLICATIONS_G4, due.get(2).rule());
    assertEquals(LocalDate.of(2024, 6, 18), due.get(1).dueOn());
    assertEquals(List.of("H"), schedule.unscheduled(records).stream().map(RetainedRecord::recordId).toList());
  }

  @Test
  @DisplayName("GDS-GOV-026: duplicate, empty or negative rules are refused")
  void badRules() {
    GovernanceException e = assertThrows(GovernanceException.class,
        () -> RetentionSchedule.of(List.of(APPLICATIONS, APPLICATIONS)));
    assertEquals(GovernanceError.BAD_RETENTION_RULE, e.error());
    for (Period p : List.of(Period.ZERO, Period.ofYears(-1), Period.of(1, -13, 0))) {
      assertEquals(GovernanceError.BAD_RETENTION_RULE, assertThrows(GovernanceException.class,
          () -> new RetentionRule("d", null, p, "closure", "basis")).error());
    }
    assertThrows(GovernanceException.class, () -> new RetentionRule("d", null, Period.ofYears(1), "closure", " "));
  }
}
