package org.govdatasec.core.governance.transfer;

import static org.govdatasec.core.governance.GovFixtures.T0;
import static org.govdatasec.core.governance.GovFixtures.assertDenied;
import static org.govdatasec.core.governance.GovFixtures.last;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.InMemoryAuditRecorder;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.testing.MutableClock;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TX-4: transfers outside mainland China need a recorded permit. */
class CrossBorderGuardTest {
  private static final Actor CLERK = new Actor("zhang.wei", null, "市大数据发展局", null);
  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryAuditRecorder audit = new InMemoryAuditRecorder();
  private final CrossBorderGuard guard = CrossBorderGuard.create(audit, clock, "registry");

  @Test
  @DisplayName("TX-4: mainland passes; Hong Kong, Macao, Taiwan and abroad are refused without a permit")
  void refusedWithoutPermit() {
    assertTrue(guard.check(CLERK, "citizen", Classification.general(3), 10, Destination.MAINLAND, "省大数据局").isEmpty());
    assertEquals(Action.TRANSMIT, last(audit).action());
    assertEquals("省大数据局", last(audit).parties().recipient());
    for (Destination d : new Destination[] {new Destination(Region.HONG_KONG, null), new Destination(Region.MACAO, null),
        new Destination(Region.TAIWAN, null), Destination.abroad("sg")}) {
      AuditEvent e = assertDenied(audit, GovernanceError.CROSS_BORDER_REFUSED,
          () -> guard.check(CLERK, "citizen", Classification.general(3), 10, d, "Partner Ltd"));
      assertEquals(Action.TRANSMIT, e.action());
      assertEquals("Partner Ltd", e.parties().recipient());
    }
  }

  @Test
  @DisplayName("TX-4: a permit covers its dataset, destination and recipient while in force")
  void permit() {
    TransferPermit p = new TransferPermit("TP-1", "statistics", Destination.abroad("SG"), "Partner Ltd", T0,
        T0.plus(Duration.ofDays(30)), "网信办数据出境安全评估 2024-0042");
    guard.record(CLERK, p);
    assertEquals(Action.APPROVAL_GRANTED, last(audit).action());
    assertEquals(p, guard.check(CLERK, "statistics", Classification.general(2), 5, Destination.abroad("SG"),
        "Partner Ltd").orElseThrow());
    assertEquals("TP-1", last(audit).approvalTicket());
    assertDenied(audit, GovernanceError.CROSS_BORDER_REFUSED, () -> guard.check(CLERK, "citizen",
        Classification.general(2), 5, Destination.abroad("SG"), "Partner Ltd"));
    assertDenied(audit, GovernanceError.CROSS_BORDER_REFUSED, () -> guard.check(CLERK, "statistics",
        Classification.general(2), 5, Destination.abroad("US"), "Partner Ltd"));
    assertDenied(audit, GovernanceError.CROSS_BORDER_REFUSED, () -> guard.check(CLERK, "statistics",
        Classification.general(2), 5, Destination.abroad("SG"), "Other Ltd"));
    clock.advance(Duration.ofDays(30));
    assertDenied(audit, GovernanceError.CROSS_BORDER_REFUSED, () -> guard.check(CLERK, "statistics",
        Classification.general(2), 5, Destination.abroad("SG"), "Partner Ltd"));
    assertDenied(audit, GovernanceError.BAD_PERMIT, () -> guard.record(CLERK, p));
  }

  @Test
  @DisplayName("GDS-GOV-028: malformed destinations and permits are refused")
  void badPermits() {
    assertThrows(GovernanceException.class, () -> new Destination(Region.ABROAD, null));
    assertThrows(GovernanceException.class, () -> new Destination(Region.HONG_KONG, "HK"));
    assertThrows(GovernanceException.class, () -> Destination.abroad("SGP"));
    GovernanceException e = assertThrows(GovernanceException.class, () -> new TransferPermit("TP-2", "d",
        Destination.MAINLAND, "r", T0, T0.plusSeconds(1), "ref"));
    assertEquals(GovernanceError.BAD_PERMIT, e.error());
    assertThrows(GovernanceException.class, () -> new TransferPermit("TP-2", "d", Destination.abroad("SG"), "r", T0,
        T0, "ref"));
  }
}
