package org.govdatasec.core.governance.approval;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.govdatasec.core.internal.governance.Jdbc;

/**
 * A {@link TicketStore} in any JDBC database (H2 embedded by default), standard SQL only. Consuming is an
 * {@code INSERT} into {@code gds_consumed_ticket} whose primary key is the ticket id: the database makes it
 * atomic, and a duplicate key is a replay. Consumed tickets survive restarts. The table is created if absent.
 */
public final class JdbcTicketStore implements TicketStore {
  private final DataSource dataSource;

  private JdbcTicketStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Opens the store, creating the table if absent.
   *
   * @param dataSource the application's data source
   * @return the store
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-021} if the table can neither
   *     be found nor created
   */
  public static JdbcTicketStore open(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    Jdbc.createIfAbsent(dataSource, "gds_consumed_ticket", "CREATE TABLE gds_consumed_ticket ("
        + "ticket_id VARCHAR(128) PRIMARY KEY, consumed_at VARCHAR(40) NOT NULL, consumed_by VARCHAR(256) NOT NULL)");
    return new JdbcTicketStore(dataSource);
  }

  @Override
  public boolean consume(String ticketId, Instant at, String by) {
    return Jdbc.inTransaction(dataSource, "consuming ticket " + ticketId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO gds_consumed_ticket (ticket_id, consumed_at, consumed_by) VALUES (?, ?, ?)")) {
        ps.setString(1, ticketId);
        ps.setString(2, at.toString());
        ps.setString(3, by);
        ps.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (Jdbc.isDuplicateKey(e)) {
          return false;
        }
        throw e;
      }
    });
  }

  @Override
  public Optional<Instant> consumedAt(String ticketId) {
    return Jdbc.inTransaction(dataSource, "reading ticket " + ticketId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT consumed_at FROM gds_consumed_ticket WHERE ticket_id = ?")) {
        ps.setString(1, ticketId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
        }
      }
    });
  }
}
