package org.govdatasec.crypto.keys;

import com.google.crypto.tink.Aead;
import java.nio.file.Path;
import java.util.Map;
import org.govdatasec.crypto.CryptoError;

/**
 * A key-encryption key (KEK): the key under which keysets and data keys are stored, wrapped (ST-2, ST-3).
 *
 * <p>The KEK's port is Tink's {@link Aead}, so any of these serve:
 * <ul>
 *   <li>{@link #masterKeyFile(Path)}: a local 16-byte SM4 key in an owner-only file ({@link MasterKeyFile});
 *   <li>{@link #passphrase(char[])}: PBKDF2-HMAC-SM3 from a passphrase, with a random salt stored beside
 *       each wrapped keyset ({@link PassphraseKek});
 *   <li>{@link #of(Aead)}: any Tink {@code Aead}, such as a KMS or an HSM's (a certified cryptographic
 *       module, ST-3).
 * </ul>
 *
 * <p>A KEK may need parameters stored beside what it wraps (a passphrase's salt and iteration count):
 * {@link #newParameters()} gives them for a new wrap and {@link #aead(Map)} takes them back when reading.
 * The keyset file records the {@link #kind()} and parameters and binds them into the wrapping's associated
 * data.
 */
public interface KeyEncryptionKey {

  /**
   * Returns the kind written to the keyset file: {@code "aead"}, {@code "master-key-file"} or
   * {@code "pbkdf2-hmac-sm3"}.
   *
   * @return the kind
   */
  String kind();

  /**
   * Returns the parameters for a new wrap (for a passphrase: a fresh salt and the iteration count).
   *
   * @return the parameters, possibly empty
   */
  Map<String, String> newParameters();

  /**
   * Returns the AEAD for stored parameters.
   *
   * @param parameters the parameters stored with the wrapped keys
   * @return the AEAD that wraps and unwraps
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-019} for weak parameters,
   *     {@code 011} for unreadable ones
   */
  Aead aead(Map<String, String> parameters);

  /**
   * Wraps any Tink AEAD (a KMS, an HSM, or an {@link org.govdatasec.crypto.Sm4Gcm}) as a KEK.
   *
   * @param aead the AEAD
   * @return the KEK, of kind {@code "aead"}
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for null
   */
  static KeyEncryptionKey of(Aead aead) {
    if (aead == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null AEAD was given as key-encryption key.");
    }
    return new FixedKek("aead", aead);
  }

  /**
   * Opens (or creates on first use) a local master-key file as the KEK.
   *
   * @param path the master-key file
   * @return the KEK, of kind {@code "master-key-file"}
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-010} for an unsafe file
   */
  static KeyEncryptionKey masterKeyFile(Path path) {
    return MasterKeyFile.openOrCreate(path).kek();
  }

  /**
   * Uses a passphrase, with the default iteration count.
   *
   * @param passphrase 12 characters or more; copied, so the caller may clear its array
   * @return the KEK, of kind {@code "pbkdf2-hmac-sm3"}
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-019} for a short passphrase
   */
  static KeyEncryptionKey passphrase(char[] passphrase) {
    return PassphraseKek.of(passphrase);
  }
}
