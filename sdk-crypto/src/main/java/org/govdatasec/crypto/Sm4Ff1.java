package org.govdatasec.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * FF1 format-preserving encryption (NIST SP 800-38G) over SM4: a string of digits encrypts to a string of
 * digits of the same length, reversibly with the key, for tokens of ID numbers and phone numbers that
 * still fit their columns (PI-5).
 *
 * <p>Two alphabets: {@link #decimal} ({@code 0-9}, radix 10) and {@link #base36} ({@code 0-9A-Z}, radix
 * 36; lower-case letters are refused, not folded, so a token never silently changes a value). Inputs
 * need a domain of at least 1,000,000 values (SP 800-38G rev. 1): 6 digits, or 4 base-36 characters. The
 * tweak binds a token to its context (a column name): the same value under another tweak gives an
 * unrelated token. FF1 is deterministic by design. Computed with Bouncy Castle regardless of the chosen
 * {@link CryptoProvider}. Thread-safe.
 */
public final class Sm4Ff1 {
  private static final String DIGITS = "0123456789";
  private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final byte[] key;
  private final String alphabet;
  private final int minLength;

  private Sm4Ff1(byte[] key, String alphabet, int minLength) {
    this.key = key;
    this.alphabet = alphabet;
    this.minLength = minLength;
  }

  /**
   * Creates FF1-SM4 over decimal digits.
   *
   * @param key a 16-byte SM4 key
   * @return the cipher
   */
  public static Sm4Ff1 decimal(SecretBytes key) {
    return new Sm4Ff1(Keys.raw(key, 16, 16, "FF1-SM4"), DIGITS, 6);
  }

  /**
   * Creates FF1-SM4 over {@code 0-9A-Z}.
   *
   * @param key a 16-byte SM4 key
   * @return the cipher
   */
  public static Sm4Ff1 base36(SecretBytes key) {
    return new Sm4Ff1(Keys.raw(key, 16, 16, "FF1-SM4"), BASE36, 4);
  }

  /**
   * Returns the radix.
   *
   * @return 10 or 36
   */
  public int radix() {
    return alphabet.length();
  }

  /**
   * Encrypts a string of the alphabet.
   *
   * @param value the value, only alphabet characters, at least 6 (radix 10) or 4 (radix 36) of them
   * @param tweak the context, e.g. the column name in UTF-8; may be empty, not null
   * @return a string of the same length and alphabet
   * @throws CryptoException {@code GDS-CRYPTO-012} for a character outside the alphabet or a too short value
   */
  public String encrypt(String value, byte[] tweak) {
    return run(true, value, tweak);
  }

  /**
   * Decrypts a token.
   *
   * @param token the token
   * @param tweak the tweak used at encryption
   * @return the original value
   * @throws CryptoException {@code GDS-CRYPTO-012} for a character outside the alphabet or a too short value
   */
  public String decrypt(String token, byte[] tweak) {
    return run(false, token, tweak);
  }

  private String run(boolean encrypt, String value, byte[] tweak) {
    byte[] in = toDigits(value);
    if (tweak == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null tweak was given to FF1-SM4; pass an empty array for none.");
    }
    FPEFF1Engine engine = new FPEFF1Engine(new SM4Engine());
    engine.init(encrypt, new FPEParameters(new KeyParameter(key), radix(), tweak));
    byte[] out = new byte[in.length];
    engine.processBlock(in, 0, in.length, out, 0);
    StringBuilder sb = new StringBuilder(out.length);
    for (byte b : out) {
      sb.append(alphabet.charAt(b));
    }
    Arrays.fill(in, (byte) 0);
    return sb.toString();
  }

  private byte[] toDigits(String value) {
    if (value == null) {
      throw CryptoError.BAD_FPE_INPUT.exception("a null value was given to FF1-SM4.");
    }
    if (value.length() < minLength) {
      throw CryptoError.BAD_FPE_INPUT.exception("a value of " + value.length() + " characters was given to FF1-SM4 radix "
          + radix() + ", which needs at least " + minLength + ".");
    }
    byte[] d = new byte[value.length()];
    for (int i = 0; i < d.length; i++) {
      int idx = alphabet.indexOf(value.charAt(i));
      if (idx < 0) {
        throw CryptoError.BAD_FPE_INPUT.exception("position " + (i + 1) + " of the value is not in the radix-"
            + radix() + " alphabet " + (radix() == 10 ? "0-9" : "0-9A-Z") + ".");
      }
      d[i] = (byte) idx;
    }
    return d;
  }

  @Override
  public String toString() {
    return "Sm4Ff1[radix " + radix() + "]";
  }
}
