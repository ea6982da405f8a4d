package org.govdatasec.crypto.jpa;

import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.field.FieldCipher;
import org.govdatasec.crypto.field.FieldRef;

/**
 * The registration point of the JPA converters (ST-2, PI-5): the JPA provider instantiates converters
 * itself, so they find their {@link FieldCipher} here.
 *
 * <pre>{@code
 * // at start-up, before the persistence unit is used:
 * GovDataSecJpa.configure(FieldCipher.builder().aead(tableKeyset).build());
 * }</pre>
 *
 * <p>Until {@link #configure} is called every converter fails closed with {@code GDS-CRYPTO-020}: it
 * never passes plaintext through. Only the table-key mode is accepted: a converter sees neither the row
 * nor the data subject, so per-subject keys (and row binding) need {@link FieldCipher} or
 * {@code RecordProtector} in the repository code instead.
 */
public final class GovDataSecJpa {
  /** The table name of the default column context. */
  public static final String DEFAULT_TABLE = "jpa";
  /** The column name of the default column context. */
  public static final String DEFAULT_COLUMN = "encrypted-string";

  private static volatile Config config;

  /** The registered cipher and default context. */
  record Config(FieldCipher cipher, FieldRef defaultContext) {}

  private GovDataSecJpa() {}

  /**
   * Registers the cipher, with the default column context {@value #DEFAULT_TABLE}/{@value #DEFAULT_COLUMN}
   * for the plain {@link EncryptedStringConverter}.
   *
   * @param cipher a table-key cipher
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for null, {@code GDS-CRYPTO-017}
   *     for a per-subject cipher
   */
  public static void configure(FieldCipher cipher) {
    configure(cipher, DEFAULT_TABLE, DEFAULT_COLUMN);
  }

  /**
   * Registers the cipher and the column context the plain {@link EncryptedStringConverter} binds to.
   * Subclasses that name their own column ignore this default.
   *
   * @param cipher a table-key cipher
   * @param defaultTable the table of the default context
   * @param defaultColumn the column of the default context
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for null or empty arguments,
   *     {@code GDS-CRYPTO-017} for a per-subject cipher
   */
  public static void configure(FieldCipher cipher, String defaultTable, String defaultColumn) {
    if (cipher == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null FieldCipher was given to GovDataSecJpa.configure.");
    }
    if (cipher.mode() != FieldCipher.Mode.TABLE_KEY) {
      throw CryptoError.FIELD_PROTECTION.exception("a JPA converter knows neither the row nor the data subject, so it"
          + " cannot use per-subject keys; configure a table-key FieldCipher, and protect per-subject fields with"
          + " FieldCipher or RecordProtector in the repository.");
    }
    config = new Config(cipher, FieldRef.column(defaultTable, defaultColumn));
  }

  /** Removes the registration; converters fail closed again (for tests and redeployment). */
  public static void reset() {
    config = null;
  }

  /**
   * Tells whether a cipher is registered.
   *
   * @return true after {@link #configure}
   */
  public static boolean isConfigured() {
    return config != null;
  }

  static Config config(String converter) {
    Config c = config;
    if (c == null) {
      throw CryptoError.FIELD_CIPHER_NOT_CONFIGURED.exception(converter
          + " was used before GovDataSecJpa.configure(...); the value was neither stored nor read in clear.");
    }
    return c;
  }
}
