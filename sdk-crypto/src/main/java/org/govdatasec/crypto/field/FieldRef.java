package org.govdatasec.crypto.field;

import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.internal.field.Encoding;

/**
 * The place a protected value belongs to: table, column, and the row key and/or the data subject's id
 * (ST-2). The place is the associated data of the encryption, so a ciphertext copied to another table,
 * column, row or subject fails to decrypt ({@code GDS-CRYPTO-003}). The exact byte encoding is in
 * {@code docs/formats.md}, section "Associated data".
 *
 * <p>Bind as tightly as the caller knows: a row key (the primary key) stops values moving between rows;
 * a subject id also selects the subject's own key in the per-subject mode of {@link FieldCipher} (the
 * crypto-shredding mode, DS-2). {@link #column(String, String)} binds to the column only, for callers
 * that cannot know the row (a JPA converter); values may then be swapped between rows of that column.
 *
 * <p>{@link #toString()} names table and column only: a row key or subject id may itself be personal
 * information (an ID number used as a key).
 *
 * @param table the table (or entity, or record type), not empty
 * @param column the column (or attribute), not empty
 * @param rowKey the row's key, or {@code null} if not bound to a row; never empty
 * @param subjectId the data subject's id ({@code @DataSubjectId} value), or {@code null}; never empty
 */
public record FieldRef(String table, String column, String rowKey, String subjectId) {

  /**
   * Validates the place.
   *
   * @param table the table (or entity, or record type), not empty
   * @param column the column (or attribute), not empty
   * @param rowKey the row's key, or {@code null} if not bound to a row; never empty
   * @param subjectId the data subject's id ({@code @DataSubjectId} value), or {@code null}; never empty
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for a missing table or column, an
   *     empty key, or text that is not well-formed UTF-16
   */
  public FieldRef {
    if (table == null || table.isEmpty() || column == null || column.isEmpty()) {
      throw CryptoError.INVALID_ARGUMENT.exception(
          "a field place needs a non-empty table and column; got table " + quote(table) + ", column " + quote(column) + ".");
    }
    if ((rowKey != null && rowKey.isEmpty()) || (subjectId != null && subjectId.isEmpty())) {
      throw CryptoError.INVALID_ARGUMENT.exception("the field place " + table + "." + column
          + " has an empty row key or subject id; pass null for \"not bound\", never an empty key.");
    }
    Encoding.utf8(table, "the table name");
    Encoding.utf8(column, "the column name");
    if (rowKey != null) {
      Encoding.utf8(rowKey, "the row key of " + table + "." + column);
    }
    if (subjectId != null) {
      Encoding.utf8(subjectId, "the subject id of " + table + "." + column);
    }
  }

  private static String quote(String s) {
    return s == null ? "null" : "'" + s + "'";
  }

  /**
   * Binds to a column only (no row, no subject).
   *
   * @param table the table
   * @param column the column
   * @return the place
   */
  public static FieldRef column(String table, String column) {
    return new FieldRef(table, column, null, null);
  }

  /**
   * Binds to a row of a column.
   *
   * @param table the table
   * @param column the column
   * @param rowKey the row's key, not empty
   * @return the place
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for a null or empty row key
   */
  public static FieldRef row(String table, String column, String rowKey) {
    if (rowKey == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("FieldRef.row for " + table + "." + column + " got a null row key.");
    }
    return new FieldRef(table, column, rowKey, null);
  }

  /**
   * Binds to a data subject's value in a column (and selects the subject's key in per-subject mode).
   *
   * @param table the table
   * @param column the column
   * @param subjectId the subject's id, not empty
   * @return the place
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for a null or empty subject id
   */
  public static FieldRef subject(String table, String column, String subjectId) {
    if (subjectId == null) {
      throw CryptoError.INVALID_ARGUMENT.exception(
          "FieldRef.subject for " + table + "." + column + " got a null subject id.");
    }
    return new FieldRef(table, column, null, subjectId);
  }

  /**
   * Returns the same place in another column of the same row and subject.
   *
   * @param otherColumn the column
   * @return the place
   */
  public FieldRef withColumn(String otherColumn) {
    return new FieldRef(table, otherColumn, rowKey, subjectId);
  }

  /**
   * Returns the associated data of this place (layout in {@code docs/formats.md}).
   *
   * @return a fresh array
   */
  public byte[] associatedData() {
    return Encoding.fieldAssociatedData(table, column, rowKey, subjectId);
  }

  /**
   * Describes the place without the row key or subject id, which may be personal information.
   *
   * @return for example {@code FieldRef[citizen.id_number, row bound, subject bound]}
   */
  @Override
  public String toString() {
    return "FieldRef[" + table + "." + column + (rowKey == null ? "" : ", row bound")
        + (subjectId == null ? "" : ", subject bound") + "]";
  }
}
