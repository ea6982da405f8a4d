package org.govdatasec.crypto.keys;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.SecretKeyAccess;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.internal.SecureRandoms;

/**
 * A key-encryption key derived from a passphrase with PBKDF2-HMAC-SM3 (RFC 8018 over HMAC-SM3), for
 * deployments without an HSM or KMS (ST-2, ST-3).
 *
 * <p>The derived 16-byte key is an SM4-GCM key. Every wrap draws a fresh 16-byte random salt, stored with
 * the iteration count beside the wrapped keyset ({@code docs/formats.md}, "Keyset file"). Parameters
 * below the floor are refused with {@code GDS-CRYPTO-019}, both when configured and when read from a
 * file (so a file whose iteration count was lowered is refused before any derivation):
 * <ul>
 *   <li>iterations: at least {@value #MIN_ITERATIONS}, default {@value #DEFAULT_ITERATIONS}. The default is
 *       OWASP's 2021 figure for PBKDF2-HMAC-SHA-256 (SM3 has SHA-256's shape and a similar cost); it takes
 *       a fraction of a second once per unlock, and makes each passphrase guess cost the same;
 *   <li>salt: exactly {@value #SALT_BYTES} random bytes;
 *   <li>passphrase: at least {@value #MIN_PASSPHRASE_CHARS} characters.
 * </ul>
 *
 * <p>The passphrase is held (UTF-8 encoded) until {@link #destroy()}; derived keys are not cached beyond the
 * last one.
 */
public final class PassphraseKek implements KeyEncryptionKey, Destroyable {
  /** The lowest accepted iteration count. */
  public static final int MIN_ITERATIONS = 100_000;
  /** The default iteration count. */
  public static final int DEFAULT_ITERATIONS = 310_000;
  /** The salt size in bytes. */
  public static final int SALT_BYTES = 16;
  /** The shortest accepted passphrase, in characters. */
  public static final int MIN_PASSPHRASE_CHARS = 12;
  /** The kind written to the keyset file. */
  public static final String KIND = "pbkdf2-hmac-sm3";

  private final SecretBytes passphrase;
  private final int iterations;
  private Derived last;

  private record Derived(String salt, int iterations, Sm4Gcm aead) {}

  private PassphraseKek(SecretBytes passphrase, int iterations) {
    this.passphrase = passphrase;
    this.iterations = iterations;
  }

  /**
   * Creates the KEK with {@value #DEFAULT_ITERATIONS} iterations for new wraps.
   *
   * @param passphrase at least {@value #MIN_PASSPHRASE_CHARS} characters; copied, so clear your array
   * @return the KEK
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-019} for a short passphrase,
   *     {@code 001} for null
   */
  public static PassphraseKek of(char[] passphrase) {
    return of(passphrase, DEFAULT_ITERATIONS);
  }

  /**
   * Creates the KEK with a chosen iteration count for new wraps.
   *
   * @param passphrase at least {@value #MIN_PASSPHRASE_CHARS} characters; copied, so clear your array
   * @param iterations at least {@value #MIN_ITERATIONS}
   * @return the KEK
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-019} for weak parameters, {@code 001}
   *     for null
   */
  public static PassphraseKek of(char[] passphrase, int iterations) {
    checkPassphrase(passphrase);
    checkIterations(iterations);
    byte[] utf8 = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(passphrase);
    try {
      return new PassphraseKek(SecretBytes.copyFrom(utf8, SecretKeyAccess.insecure()), iterations);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /**
   * Derives an SM4-GCM key from a passphrase and salt with PBKDF2-HMAC-SM3.
   *
   * @param passphrase at least {@value #MIN_PASSPHRASE_CHARS} characters
   * @param salt exactly {@value #SALT_BYTES} bytes
   * @param iterations at least {@value #MIN_ITERATIONS}
   * @return the SM4-GCM AEAD under the derived key
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-019} for weak parameters
   */
  public static Sm4Gcm derive(char[] passphrase, byte[] salt, int iterations) {
    PassphraseKek kek = of(passphrase, iterations);
    try {
      return kek.derive(salt, iterations);
    } finally {
      kek.destroy();
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  /**
   * Returns a fresh random salt and the configured iteration count.
   *
   * @return {@code iterations} and {@code salt} (base64)
   */
  @Override
  public Map<String, String> newParameters() {
    byte[] salt = new byte[SALT_BYTES];
    SecureRandoms.get().nextBytes(salt);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("iterations", Integer.toString(iterations));
    p.put("salt", Base64.getEncoder().encodeToString(salt));
    return p;
  }

  /**
   * Derives the AEAD for stored parameters.
   *
   * @param parameters {@code iterations} and {@code salt} (base64), as {@link #newParameters()} gives them
   * @return the AEAD
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-019} for weak parameters, {@code 011} for
   *     missing or unreadable ones
   */
  @Override
  public synchronized Aead aead(Map<String, String> parameters) {
    if (parameters == null || parameters.size() != 2 || !parameters.containsKey("iterations")
        || !parameters.containsKey("salt")) {
      throw CryptoError.UNWRAP_FAILED.exception("the stored PBKDF2-HMAC-SM3 parameters are not exactly "
          + "iterations and salt.");
    }
    int n;
    byte[] salt;
    try {
      n = Integer.parseInt(parameters.get("iterations"));
      salt = Base64.getDecoder().decode(parameters.get("salt"));
    } catch (IllegalArgumentException e) {
      throw CryptoError.UNWRAP_FAILED.exception("the stored PBKDF2-HMAC-SM3 parameters cannot be read.");
    }
    Derived d = last;
    if (d != null && d.iterations() == n && d.salt().equals(parameters.get("salt"))) {
      return d.aead();
    }
    Sm4Gcm aead = derive(salt, n);
    last = new Derived(parameters.get("salt"), n, aead);
    return aead;
  }

  private Sm4Gcm derive(byte[] salt, int n) {
    checkIterations(n);
    if (salt == null || salt.length != SALT_BYTES) {
      throw CryptoError.WEAK_PASSPHRASE_PARAMETERS.exception("a PBKDF2-HMAC-SM3 salt of "
          + (salt == null ? "no" : String.valueOf(salt.length)) + " bytes; it must be " + SALT_BYTES + " random bytes.");
    }
    PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SM3Digest());
    byte[] pass = passphrase.toByteArray(SecretKeyAccess.insecure());
    byte[] key = null;
    try {
      gen.init(pass, salt, n);
      key = ((KeyParameter) gen.generateDerivedParameters(Sm4Gcm.KEY_BYTES * 8)).getKey();
      SecretBytes secret = SecretBytes.copyFrom(key, SecretKeyAccess.insecure());
      try {
        return Sm4Gcm.create(secret);
      } finally {
        secret.destroy();
      }
    } finally {
      Arrays.fill(pass, (byte) 0);
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  private static void checkPassphrase(char[] passphrase) {
    if (passphrase == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null passphrase was given.");
    }
    if (passphrase.length < MIN_PASSPHRASE_CHARS) {
      throw CryptoError.WEAK_PASSPHRASE_PARAMETERS.exception("a passphrase of " + passphrase.length
          + " characters; it must have at least " + MIN_PASSPHRASE_CHARS + ".");
    }
  }

  private static void checkIterations(int iterations) {
    if (iterations < MIN_ITERATIONS) {
      throw CryptoError.WEAK_PASSPHRASE_PARAMETERS.exception("PBKDF2-HMAC-SM3 with " + iterations
          + " iterations; the floor is " + MIN_ITERATIONS + ".");
    }
  }

  /** Zeroes the held passphrase; later derivations fail with {@code GDS-CRYPTO-008}. */
  @Override
  public synchronized void destroy() {
    passphrase.destroy();
    last = null;
  }

  @Override
  public boolean isDestroyed() {
    return passphrase.isDestroyed();
  }

  @Override
  public String toString() {
    return "PassphraseKek[PBKDF2-HMAC-SM3, " + iterations + " iterations]";
  }
}
