package org.govdatasec.crypto.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.field.FieldCipher;
import org.govdatasec.crypto.field.FieldRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.parallel.ResourceLock;

/** ST-2, PI-5: the JPA converter, called directly as a provider would, fails closed until configured. */
@ResourceLock("GovDataSecJpa")
class EncryptedStringConverterTest {

  /** A converter per column, as the class comment recommends. */
  public static final class CitizenIdNumber extends EncryptedStringConverter {
    /** Binds to citizen.id_number. */
    public CitizenIdNumber() {
      super("citizen", "id_number");
    }
  }

  /** Another column. */
  public static final class CitizenMobile extends EncryptedStringConverter {
    /** Binds to citizen.mobile. */
    public CitizenMobile() {
      super("citizen", "mobile");
    }
  }

  private final FieldCipher cipher = FieldCipher.builder().aead(Sm4Gcm.create(SecretBytes.random(16))).build();

  @AfterEach
  void reset() {
    GovDataSecJpa.reset();
  }

  static CryptoError code(Executable e) {
    return assertThrows(CryptoException.class, e).error();
  }

  @Test
  @DisplayName("GDS-CRYPTO-020: before configure, both directions fail closed (no plaintext pass-through)")
  void unconfiguredFailsClosed() {
    GovDataSecJpa.reset();
    assertFalse(GovDataSecJpa.isConfigured());
    AttributeConverter<String, String> c = new EncryptedStringConverter();
    CryptoException e = assertThrows(CryptoException.class, () -> c.convertToDatabaseColumn("450103198203150311"));
    assertEquals(CryptoError.FIELD_CIPHER_NOT_CONFIGURED, e.error());
    assertEquals("GDS-CRYPTO-020", e.code());
    assertFalse(e.getMessage().contains("450103198203150311"));
    assertEquals(CryptoError.FIELD_CIPHER_NOT_CONFIGURED, code(() -> c.convertToEntityAttribute("gds1.AAAA")));
    assertEquals(CryptoError.FIELD_CIPHER_NOT_CONFIGURED, code(() -> new CitizenIdNumber().convertToDatabaseColumn(null)));
  }

  @Test
  @DisplayName("Round trip; null stays null; the column context binds (a value moved to another column fails)")
  void roundTripAndColumnBinding() {
    GovDataSecJpa.configure(cipher);
    assertTrue(GovDataSecJpa.isConfigured());
    CitizenIdNumber id = new CitizenIdNumber();
    String stored = id.convertToDatabaseColumn("450103198203150311");
    assertTrue(stored.startsWith("gds1."), stored);
    assertEquals("450103198203150311", id.convertToEntityAttribute(stored));
    assertEquals("450103198203150311", cipher.revealText(FieldRef.column("citizen", "id_number"), stored));
    assertNull(id.convertToDatabaseColumn(null));
    assertNull(id.convertToEntityAttribute(null));
    assertEquals("", id.convertToEntityAttribute(id.convertToDatabaseColumn("")));
    assertEquals(CryptoError.DECRYPTION_FAILED, code(() -> new CitizenMobile().convertToEntityAttribute(stored)));
    assertEquals(CryptoError.DECRYPTION_FAILED, code(() -> new EncryptedStringConverter().convertToEntityAttribute(stored)));
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> id.convertToEntityAttribute("450103198203150311")));
    assertEquals(CryptoError.UNKNOWN_VERSION, code(() -> id.convertToEntityAttribute("gds2.AAAA")));
    assertEquals("CitizenIdNumber[citizen.id_number]", id.toString());
    assertTrue(EncryptedStringConverter.class.isAnnotationPresent(Converter.class));
  }

  @Test
  @DisplayName("The plain converter binds to the configured default context")
  void defaultContext() {
    GovDataSecJpa.configure(cipher, "person", "passport_no");
    EncryptedStringConverter c = new EncryptedStringConverter();
    String stored = c.convertToDatabaseColumn("E12345678");
    assertEquals("E12345678", cipher.revealText(FieldRef.column("person", "passport_no"), stored));
    GovDataSecJpa.configure(cipher);
    assertEquals(CryptoError.DECRYPTION_FAILED, code(() -> c.convertToEntityAttribute(stored)));
    assertEquals("E12345678", c.convertToEntityAttribute(
        cipher.protectToText(FieldRef.column(GovDataSecJpa.DEFAULT_TABLE, GovDataSecJpa.DEFAULT_COLUMN), "E12345678")));
  }

  @Test
  @DisplayName("configure refuses null (GDS-CRYPTO-001) and per-subject ciphers (GDS-CRYPTO-017)")
  void configureRefusals() {
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> GovDataSecJpa.configure(null)));
    FieldCipher perSubject = FieldCipher.builder().subjectKeys(new org.govdatasec.crypto.keys.SubjectKeyProvider() {
      @Override
      public com.google.crypto.tink.Aead aeadFor(String subjectId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public com.google.crypto.tink.Aead existingAeadFor(String subjectId) {
        throw new UnsupportedOperationException();
      }
    }).build();
    assertEquals(CryptoError.FIELD_PROTECTION, code(() -> GovDataSecJpa.configure(perSubject)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> GovDataSecJpa.configure(cipher, "", "c")));
    assertFalse(GovDataSecJpa.isConfigured(), "a refused configuration changes nothing");
  }
}
