package org.govdatasec.core.governance.consent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.internal.governance.CanonicalText;
import org.govdatasec.core.internal.governance.Jdbc;

/**
 * A {@link ConsentStore} in any JDBC database (H2 embedded by default), through {@code java.sql} only and
 * standard SQL. It creates its tables if absent: {@code gds_consent} and {@code gds_grant}, each with the
 * id as primary key, the subject (or grantee) as an indexed column and the whole record in the canonical
 * key=value encoding of {@code docs/governance.md}. Records survive restarts (PI-4). Thread-safe: each
 * change is one transaction.
 */
public final class JdbcConsentStore implements ConsentStore {
  private static final int MAX_BODY = 16_000;
  private final DataSource dataSource;

  private JdbcConsentStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Opens the store on a data source, creating the tables if absent.
   *
   * @param dataSource the application's data source
   * @return the store
   * @throws GovernanceException {@code GDS-GOV-021} if the tables can neither be found nor created
   */
  public static JdbcConsentStore open(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    Jdbc.createIfAbsent(dataSource, "gds_consent", "CREATE TABLE gds_consent (id VARCHAR(128) PRIMARY KEY,"
        + " subject_id VARCHAR(256) NOT NULL, withdrawn_at VARCHAR(40), body VARCHAR(" + MAX_BODY + ") NOT NULL)");
    Jdbc.createIfAbsent(dataSource, "gds_grant", "CREATE TABLE gds_grant (id VARCHAR(128) PRIMARY KEY,"
        + " grantee VARCHAR(256) NOT NULL, body VARCHAR(" + MAX_BODY + ") NOT NULL)");
    return new JdbcConsentStore(dataSource);
  }

  @Override
  public void add(ConsentRecord record) {
    String body = encode(record);
    insert("INSERT INTO gds_consent (id, subject_id, withdrawn_at, body) VALUES (?, ?, NULL, ?)",
        record.id(), record.subjectId(), body, "consent record");
  }

  @Override
  public ConsentRecord withdraw(String id, Instant at) {
    return Jdbc.inTransaction(dataSource, "withdrawing consent " + id, c -> {
      ConsentRecord r = findIn(c, id).orElseThrow(
          () -> GovernanceError.NO_LEGAL_BASIS.exception("No consent record with id " + id + " exists."));
      if (r.withdrawnAt() != null) {
        throw GovernanceError.BAD_CONSENT_RECORD.exception("Consent record " + id + " was already withdrawn.");
      }
      ConsentRecord w = r.withdrawnAt(at);
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE gds_consent SET withdrawn_at = ?, body = ? WHERE id = ? AND withdrawn_at IS NULL")) {
        ps.setString(1, at.toString());
        ps.setString(2, encode(w));
        ps.setString(3, id);
        if (ps.executeUpdate() != 1) {
          throw GovernanceError.BAD_CONSENT_RECORD.exception("Consent record " + id + " was already withdrawn.");
        }
      }
      return w;
    });
  }

  @Override
  public Optional<ConsentRecord> find(String id) {
    return Jdbc.inTransaction(dataSource, "reading consent " + id, c -> findIn(c, id));
  }

  private static Optional<ConsentRecord> findIn(java.sql.Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT body FROM gds_consent WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(decodeConsent(rs.getString(1))) : Optional.empty();
      }
    }
  }

  @Override
  public List<ConsentRecord> forSubject(String subjectId) {
    return query("SELECT body FROM gds_consent WHERE subject_id = ? ORDER BY id", subjectId,
        JdbcConsentStore::decodeConsent);
  }

  @Override
  public void add(ProcessorGrant grant) {
    insert("INSERT INTO gds_grant (id, grantee, body) VALUES (?, ?, ?)", grant.id(), grant.grantee(),
        encode(grant), "grant");
  }

  @Override
  public List<ProcessorGrant> grantsTo(String grantee) {
    return query("SELECT body FROM gds_grant WHERE grantee = ? ORDER BY id", grantee, JdbcConsentStore::decodeGrant);
  }

  private void insert(String sql, String id, String key, String body, String what) {
    if (body.length() > MAX_BODY) {
      throw GovernanceError.BAD_CONSENT_RECORD.exception("The " + what + " " + id + " is longer than "
          + MAX_BODY + " characters encoded; list fewer purposes or fields.");
    }
    Jdbc.inTransaction(dataSource, "adding " + what + " " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, id);
        ps.setString(2, key);
        ps.setString(3, body);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (Jdbc.isDuplicateKey(e)) {
          throw GovernanceError.BAD_CONSENT_RECORD.exception("A " + what + " with id " + id + " exists.");
        }
        throw e;
      }
      return null;
    });
  }

  private interface Decoder<T> {
    T decode(String body);
  }

  private <T> List<T> query(String sql, String key, Decoder<T> decoder) {
    return Jdbc.inTransaction(dataSource, "reading the consent store", c -> {
      List<T> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(decoder.decode(rs.getString(1)));
          }
        }
      }
      return out;
    });
  }

  static String encode(ConsentRecord r) {
    CanonicalText.Writer w = CanonicalText.writer()
        .put("id", r.id()).put("subject", r.subjectId()).put("basis", r.basis())
        .putAll("purpose", r.purposes()).putAll("category", r.categories()).putAll("extra-field", r.extraFields())
        .put("granted-at", r.grantedAt()).put("expires-at", r.expiresAt()).put("withdrawn-at", r.withdrawnAt())
        .put("method", r.method()).put("evidence", r.evidenceRef());
    GuardianConsent g = r.guardian();
    if (g != null) {
      w.put("guardian.id", g.guardianId()).put("guardian.relationship", g.relationship())
          .put("guardian.granted-at", g.grantedAt()).put("guardian.method", g.method())
          .put("guardian.evidence", g.evidenceRef());
    }
    return w.text();
  }

  static ConsentRecord decodeConsent(String body) {
    try {
      CanonicalText.Entries e = CanonicalText.parse(body);
      GuardianConsent g = e.optional("guardian.id").isEmpty() ? null : new GuardianConsent(e.one("guardian.id"),
          e.one("guardian.relationship"), Instant.parse(e.one("guardian.granted-at")),
          CollectionMethod.valueOf(e.one("guardian.method")), e.one("guardian.evidence"));
      return new ConsentRecord(e.one("id"), e.one("subject"), LegalBasis.valueOf(e.one("basis")),
          new java.util.TreeSet<>(e.all("purpose")),
          e.all("category").stream().map(PiCategory::valueOf).collect(java.util.stream.Collectors.toSet()),
          new java.util.TreeSet<>(e.all("extra-field")), Instant.parse(e.one("granted-at")),
          e.optional("expires-at").map(Instant::parse).orElse(null),
          e.optional("withdrawn-at").map(Instant::parse).orElse(null), CollectionMethod.valueOf(e.one("method")),
          e.one("evidence"), g);
    } catch (RuntimeException ex) {
      if (ex instanceof GovernanceException ge) {
        throw ge;
      }
      throw GovernanceError.STORE_FAILED.exception("A stored consent record cannot be read back: "
          + ex.getClass().getSimpleName() + "; the table was changed outside govdatasec.", ex);
    }
  }

  static String encode(ProcessorGrant g) {
    return CanonicalText.writer().put("id", g.id()).put("grantee", g.grantee()).put("kind", g.kind())
        .put("dataset", g.dataset()).putAll("purpose", g.purposes()).putAll("category", g.categories())
        .put("valid-from", g.validFrom()).put("valid-until", g.validUntil()).put("contract", g.contractRef())
        .put("granted-by", g.grantedBy()).text();
  }

  static ProcessorGrant decodeGrant(String body) {
    try {
      CanonicalText.Entries e = CanonicalText.parse(body);
      return new ProcessorGrant(e.one("id"), e.one("grantee"), GranteeKind.valueOf(e.one("kind")), e.one("dataset"),
          new java.util.TreeSet<>(e.all("purpose")),
          e.all("category").stream().map(PiCategory::valueOf).collect(java.util.stream.Collectors.toSet()),
          Instant.parse(e.one("valid-from")), Instant.parse(e.one("valid-until")), e.one("contract"),
          e.one("granted-by"));
    } catch (RuntimeException ex) {
      if (ex instanceof GovernanceException ge) {
        throw ge;
      }
      throw GovernanceError.STORE_FAILED.exception("A stored grant cannot be read back: "
          + ex.getClass().getSimpleName() + "; the table was changed outside govdatasec.", ex);
    }
  }
}
