package org.govdatasec.core.governance.consent;

import static org.govdatasec.core.governance.GovFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.InMemoryAuditRecorder;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.governance.GovFixtures;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.testing.MutableClock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PI-4: consent records, withdrawals and grants survive a restart of the JDBC store. */
class JdbcConsentStoreTest {

  static javax.sql.DataSource h2(Path dir) {
    return GovFixtures.h2(dir);
  }

  private static ConsentRecord record(String id) {
    return ConsentRecord.builder(id, "R-3", LegalBasis.SEPARATE_CONSENT).purposes("低保审核", "回访")
        .categories(PiCategory.NAME, PiCategory.HEALTH).extraFields("remarks")
        .valid(T0, T0.plus(Duration.ofDays(30))).evidence(CollectionMethod.ELECTRONIC_SIGNATURE, "ES-1\n第二行=值\\")
        .guardian(new GuardianConsent("R-1", "父亲", T0, CollectionMethod.WRITTEN_FORM, "监护-1")).build();
  }

  @Test
  @DisplayName("PI-4: records, withdrawals and grants survive closing and reopening an H2 file database")
  void survivesRestart(@TempDir Path dir) throws Exception {
    ConsentRecord r = record("C-1");
    ProcessorGrant g = new ProcessorGrant("G-1", "某公司", GranteeKind.SHARING_PARTNER, "citizen", Set.of("共享"),
        Set.of(PiCategory.NAME), T0, T0.plus(Duration.ofDays(1)), "协议-1", "chen");
    JdbcConsentStore first = JdbcConsentStore.open(h2(dir));
    first.add(r);
    first.add(record("C-2"));
    first.add(g);
    first.withdraw("C-2", T0.plus(Duration.ofHours(1)));

    JdbcConsentStore second = JdbcConsentStore.open(h2(dir));
    assertEquals(r, second.find("C-1").orElseThrow());
    assertEquals(List.of(r, record("C-2").withdrawnAt(T0.plus(Duration.ofHours(1)))), second.forSubject("R-3"));
    assertEquals(List.of(g), second.grantsTo("某公司"));
    assertEquals(List.of(), second.forSubject("R-404"));

    GovernanceException dup = assertThrows(GovernanceException.class, () -> second.add(record("C-1")));
    assertEquals(GovernanceError.BAD_CONSENT_RECORD, dup.error());
    assertEquals(GovernanceError.BAD_CONSENT_RECORD,
        assertThrows(GovernanceException.class, () -> second.withdraw("C-2", T0)).error());
    assertEquals(GovernanceError.NO_LEGAL_BASIS,
        assertThrows(GovernanceException.class, () -> second.withdraw("C-9", T0)).error());

    ConsentGuard guard = ConsentGuard.builder().store(second).recorder(new InMemoryAuditRecorder())
        .clock(new MutableClock(T0.plus(Duration.ofHours(2)))).build();
    assertEquals("黄思远", guard.project(Actor.user("u"), "回访", Resident.CHILD, List.of("name")).get("name"));
  }

  @Test
  @DisplayName("GDS-GOV-021: a broken database refuses with a store failure; a corrupted row is not trusted")
  void failures(@TempDir Path dir) throws Exception {
    javax.sql.DataSource ds = h2(dir);
    JdbcConsentStore store = JdbcConsentStore.open(ds);
    store.add(record("C-1"));
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE gds_consent SET body = 'id=C-1' WHERE id = 'C-1'");
    }
    assertEquals(GovernanceError.STORE_FAILED,
        assertThrows(GovernanceException.class, () -> store.find("C-1")).error());
    JdbcDataSource nowhere = new JdbcDataSource();
    nowhere.setURL("jdbc:h2:file:" + dir.resolve("missing/x") + ";IFEXISTS=TRUE");
    assertEquals(GovernanceError.STORE_FAILED,
        assertThrows(GovernanceException.class, () -> JdbcConsentStore.open(nowhere)).error());
  }
}
