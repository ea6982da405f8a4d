package org.govdatasec.crypto.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.govdatasec.crypto.field.FieldRef;

/**
 * Stores a {@code String} attribute encrypted, as {@code gds1.<base64url>} (ST-2, PI-5).
 *
 * <pre>{@code
 * @Convert(converter = CitizenIdNumber.class)
 * private String idNumber;
 *
 * public static final class CitizenIdNumber extends EncryptedStringConverter {
 *   public CitizenIdNumber() { super("citizen", "id_number"); }
 * }
 * }</pre>
 *
 * <p><b>What the ciphertext is bound to.</b> A JPA converter sees only the attribute value, never the
 * entity or its id, so it binds the associated data to a column context: the table and column given to
 * a subclass's constructor (one small subclass per column, as above), or for the plain converter the
 * default context of {@link GovDataSecJpa#configure(org.govdatasec.crypto.field.FieldCipher, String,
 * String)}. A value copied to another column context fails to decrypt ({@code GDS-CRYPTO-003}); a value
 * copied to another row of the same column does not. Where row binding or per-subject keys (crypto
 * shredding) are needed, call {@code FieldCipher} or {@code RecordProtector} in the repository instead.
 *
 * <p>Fails closed: before {@link GovDataSecJpa#configure} every call throws {@code GDS-CRYPTO-020}; a
 * stored value that is not an encrypted value throws {@code GDS-CRYPTO-004}; {@code null} stays
 * {@code null}.
 */
@Converter
public class EncryptedStringConverter implements AttributeConverter<String, String> {
  private final FieldRef context;

  /** Creates the converter bound to the default column context registered in {@link GovDataSecJpa}. */
  public EncryptedStringConverter() {
    this.context = null;
  }

  /**
   * Creates a converter bound to its own column, for a subclass per column.
   *
   * @param table the table (or entity name)
   * @param column the column (or attribute name)
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for a null or empty name
   */
  protected EncryptedStringConverter(String table, String column) {
    this.context = FieldRef.column(table, column);
  }

  private FieldRef where(GovDataSecJpa.Config c) {
    return context == null ? c.defaultContext() : context;
  }

  /**
   * Encrypts the attribute.
   *
   * @param attribute the plaintext, may be null
   * @return the text form, or null
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-020} if no cipher is configured
   */
  @Override
  public String convertToDatabaseColumn(String attribute) {
    GovDataSecJpa.Config c = GovDataSecJpa.config(getClass().getSimpleName());
    return c.cipher().protectToText(where(c), attribute);
  }

  /**
   * Decrypts the column value.
   *
   * @param dbData the text form, may be null
   * @return the plaintext, or null
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-020} if no cipher is configured,
   *     {@code GDS-CRYPTO-004}/{@code -005} for a value that is not an encrypted value,
   *     {@code GDS-CRYPTO-003} for a modified or moved value
   */
  @Override
  public String convertToEntityAttribute(String dbData) {
    GovDataSecJpa.Config c = GovDataSecJpa.config(getClass().getSimpleName());
    return c.cipher().revealText(where(c), dbData);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + (context == null ? "default context" : context.table() + "." + context.column()) + "]";
  }
}
