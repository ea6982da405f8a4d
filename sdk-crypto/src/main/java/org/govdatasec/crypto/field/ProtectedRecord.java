package org.govdatasec.crypto.field;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A record as stored: each column's value, protected columns as their text form {@code gds1.<base64url>}
 * and the others as they were (ST-2, PI-5). Produced by {@link RecordProtector#protect}; read back with
 * {@link RecordProtector#reveal}.
 *
 * @param table the table the values are bound to
 * @param columns column name to stored value, in component order; values may be {@code null}
 * @param encrypted the columns that hold encrypted values
 */
public record ProtectedRecord(String table, Map<String, Object> columns, Set<String> encrypted) {

  /**
   * Freezes the value.
   *
   * @param table the table the values are bound to
   * @param columns column name to stored value, in component order; values may be {@code null}
   * @param encrypted the columns that hold encrypted values
   */
  public ProtectedRecord {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    encrypted = Collections.unmodifiableSet(new LinkedHashSet<>(encrypted));
  }

  /**
   * Returns the stored text of a protected column.
   *
   * @param column the column
   * @return the text form, or {@code null} if the value was null or the column is not encrypted
   */
  public String text(String column) {
    return encrypted.contains(column) ? (String) columns.get(column) : null;
  }

  /**
   * Names the columns only: clear columns may hold personal information the policy leaves unencrypted.
   *
   * @return for example {@code ProtectedRecord[citizen, columns=[...], encrypted=[id_number]]}
   */
  @Override
  public String toString() {
    return "ProtectedRecord[" + table + ", columns=" + columns.keySet() + ", encrypted=" + encrypted + "]";
  }
}
