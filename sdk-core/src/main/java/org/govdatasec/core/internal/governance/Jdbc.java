package org.govdatasec.core.internal.governance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;

/** Small JDBC helpers: standard SQL only, every failure as {@code GDS-GOV-021}. Not API. */
public final class Jdbc {
  private Jdbc() {}

  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param c the connection
     * @return the result
     * @throws SQLException on a database error
     */
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs work in one transaction, committing on success and rolling back on failure.
   *
   * @param <T> the result type
   * @param ds the data source
   * @param what what is being done, for the error message
   * @param work the work
   * @return the result
   * @throws GovernanceException {@code GDS-GOV-021} on a database error
   */
  public static <T> T inTransaction(DataSource ds, String what, Work<T> work) {
    try (Connection c = ds.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw GovernanceError.STORE_FAILED.exception("The governance store failed while " + what
          + " (SQLState " + e.getSQLState() + ").", e);
    }
  }

  /**
   * Creates a table if it does not exist yet (standard {@code CREATE TABLE}; an existing table is kept).
   *
   * @param ds the data source
   * @param table the table name
   * @param ddl the {@code CREATE TABLE} statement
   * @throws GovernanceException {@code GDS-GOV-021} if the table can neither be found nor created
   */
  public static void createIfAbsent(DataSource ds, String table, String ddl) {
    try {
      create(ds, table, ddl);
    } catch (GovernanceException e) {
      // Another process may have created it between our check and our CREATE: look again before failing.
      if (!inTransaction(ds, "looking for table " + table, c -> exists(c, table))) {
        throw e;
      }
    }
  }

  private static void create(DataSource ds, String table, String ddl) {
    inTransaction(ds, "creating table " + table, c -> {
      if (exists(c, table)) {
        return null;
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate(ddl);
      }
      return null;
    });
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT),
        table.toLowerCase(java.util.Locale.ROOT)}) {
      try (var rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Tells whether an exception is a unique or primary-key violation (SQLState class 23).
   *
   * @param e the exception
   * @return true for an integrity-constraint violation
   */
  public static boolean isDuplicateKey(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
