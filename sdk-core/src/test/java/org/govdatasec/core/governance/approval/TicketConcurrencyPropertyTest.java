package org.govdatasec.core.governance.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovFixtures;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;

/** USE-2 under contention: of many threads racing to use one ticket, exactly one succeeds. */
class TicketConcurrencyPropertyTest {

  @Property(tries = 6, seed = "4242")
  @Label("USE-2: a ticket is accepted at most once under concurrent use from many threads (both stores)")
  void exactlyOneWins(@ForAll @IntRange(min = 2, max = 24) int threads) throws Exception {
    race(threads, false);
    race(threads, true);
  }

  private static void race(int threads, boolean jdbc) throws Exception {
    Path dir = jdbc ? Files.createTempDirectory("gds-tickets") : null;
    try {
      ApprovalFixture f = new ApprovalFixture(jdbc ? JdbcTicketStore.open(GovFixtures.h2(dir))
          : new InMemoryTicketStore());
      ApprovalTicket t = f.twoApproved(ApprovalFixture.export(Classification.IMPORTANT, 500));
      int before = f.audit.events().size();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          try {
            return f.guard.authorize(GovFixtures.CLERK, new BulkOperation(Operation.BULK_EXPORT, "citizen", 500,
                Classification.IMPORTANT, false, "统计"), t).ticketId();
          } catch (GovernanceException e) {
            return e.code();
          }
        }));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> r : results) {
        outcomes.add(r.get(30, TimeUnit.SECONDS));
      }
      pool.shutdown();
      assertEquals(1, outcomes.stream().filter(t.id()::equals).count(), outcomes.toString());
      assertEquals(threads - 1, outcomes.stream().filter(GovernanceError.TICKET_REPLAYED.code()::equals).count());
      List<AuditEvent> events = f.audit.events().subList(before, f.audit.events().size());
      assertEquals(1, events.stream().filter(e -> e.outcome().status() == Outcome.Status.SUCCESS).count());
      assertEquals(threads - 1, events.stream().filter(e -> e.outcome().status() == Outcome.Status.DENIED).count());
    } finally {
      if (dir != null) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
