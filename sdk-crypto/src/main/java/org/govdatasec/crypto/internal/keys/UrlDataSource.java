package org.govdatasec.crypto.internal.keys;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over a JDBC URL (no pooling), holding one connection open while the vault is open
 * so that an embedded database (H2) stays open between operations.
 */
public final class UrlDataSource implements DataSource, AutoCloseable {
  private final String url;
  private final String user;
  private final String password;
  private Connection keeper;

  /**
   * Creates the source and opens the keeper connection.
   *
   * @param url the JDBC URL
   * @param user the user, may be null
   * @param password the password, may be null
   * @throws SQLException if the database cannot be opened
   */
  public UrlDataSource(String url, String user, String password) throws SQLException {
    this.url = url;
    this.user = user;
    this.password = password;
    this.keeper = getConnection();
  }

  /**
   * Returns the URL with any {@code password=...} parameter removed, for descriptions.
   *
   * @param url a JDBC URL
   * @return the URL without credentials
   */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
  }

  @Override
  public Connection getConnection(String username, String pw) throws SQLException {
    return DriverManager.getConnection(url, username, pw);
  }

  @Override
  public synchronized void close() throws SQLException {
    if (keeper != null) {
      keeper.close();
      keeper = null;
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // no logging
  }

  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper of " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public String toString() {
    return "UrlDataSource[" + redact(url) + "]";
  }
}
