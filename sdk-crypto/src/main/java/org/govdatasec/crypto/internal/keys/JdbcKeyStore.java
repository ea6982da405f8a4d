package org.govdatasec.crypto.internal.keys;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.govdatasec.crypto.CryptoError;

/**
 * The vault's key store over plain JDBC and standard SQL: one row per subject with its wrapped key. Runs
 * on embedded H2 and on any JDBC database; the table is created if absent ({@link #DDL}).
 */
public final class JdbcKeyStore {
  /** The table name. */
  public static final String TABLE = "gds_subject_keys";
  /** The table's definition, standard SQL, as documented in {@code docs/formats.md} ("Vault schema"). */
  public static final String DDL = "CREATE TABLE gds_subject_keys (\n"
      + "  subject_id  VARCHAR(200)  NOT NULL PRIMARY KEY,\n"
      + "  key_id      INTEGER       NOT NULL,\n"
      + "  wrapped_key VARCHAR(1024) NOT NULL,\n"
      + "  created_at  BIGINT        NOT NULL\n"
      + ")";

  private final DataSource dataSource;
  private final String description;

  /**
   * A stored row.
   *
   * @param subjectId the subject
   * @param keyId the key id
   * @param wrappedKey base64 of the KEK-wrapped key
   * @param createdAtMillis creation time, epoch milliseconds
   */
  public record Row(String subjectId, int keyId, String wrappedKey, long createdAtMillis) {}

  /**
   * Opens the store and creates the table if absent.
   *
   * @param dataSource where connections come from
   * @param description the store's description, without credentials
   */
  public JdbcKeyStore(DataSource dataSource, String description) {
    this.dataSource = dataSource;
    this.description = description;
    ensureSchema();
  }

  private void ensureSchema() {
    try (Connection c = dataSource.getConnection()) {
      if (!tableExists(c)) {
        try (Statement s = c.createStatement()) {
          s.executeUpdate(DDL);
        } catch (SQLException e) {
          if (!tableExists(c)) { // another process may have created it meanwhile
            throw e;
          }
        }
      }
    } catch (SQLException e) {
      throw failure("create or check the table " + TABLE, e);
    }
  }

  private static boolean tableExists(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (String name : new String[] {TABLE, TABLE.toUpperCase(Locale.ROOT)}) {
      try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Finds a subject's row.
   *
   * @param subjectId the subject
   * @return the row, or empty
   */
  public Optional<Row> find(String subjectId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT key_id, wrapped_key, created_at FROM " + TABLE + " WHERE subject_id = ?")) {
      ps.setString(1, subjectId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Row(subjectId, rs.getInt(1), rs.getString(2), rs.getLong(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read a subject's key", e);
    }
  }

  /**
   * Inserts a row unless the subject has one already.
   *
   * @param row the row
   * @return {@code true} if inserted, {@code false} if the subject already had a row
   */
  public boolean insert(Row row) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO " + TABLE + " (subject_id, key_id, wrapped_key, created_at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, row.subjectId());
      ps.setInt(2, row.keyId());
      ps.setString(3, row.wrappedKey());
      ps.setLong(4, row.createdAtMillis());
      ps.executeUpdate();
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return true;
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) { // integrity constraint: it exists
        return false;
      }
      throw failure("store a new subject key", e);
    }
  }

  /**
   * Deletes a subject's row.
   *
   * @param subjectId the subject
   * @return the number of rows deleted (0 or 1)
   */
  public int delete(String subjectId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE subject_id = ?")) {
      ps.setString(1, subjectId);
      int n = ps.executeUpdate();
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return n;
    } catch (SQLException e) {
      throw failure("delete a subject's key", e);
    }
  }

  /**
   * Counts the rows (live subject keys).
   *
   * @return the count
   */
  public long count() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw failure("count subject keys", e);
    }
  }

  /**
   * Lists subject ids in pages, for the sweep of restored rows.
   *
   * @param afterSubject the last subject of the previous page, or {@code null}
   * @param limit the page size
   * @return the subject ids, ascending
   */
  public List<String> subjects(String afterSubject, int limit) {
    String sql = "SELECT subject_id FROM " + TABLE + (afterSubject == null ? "" : " WHERE subject_id > ?")
        + " ORDER BY subject_id";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (afterSubject != null) {
        ps.setString(1, afterSubject);
      }
      ps.setMaxRows(limit);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("list subject keys", e);
    }
  }

  /**
   * Returns the store's description, without credentials.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  private RuntimeException failure(String what, SQLException e) {
    return CryptoError.VAULT_FAILURE.exception("the vault store " + description + " could not " + what
        + " (SQLState " + e.getSQLState() + ", " + e.getClass().getSimpleName() + ").", e);
  }
}
