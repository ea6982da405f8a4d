package org.govdatasec.masking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.govdatasec.crypto.HkdfSm3;
import org.govdatasec.crypto.HmacSm3;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.SecretKeyAccess;

/**
 * The one secret behind every keyed masking strategy: 32 random bytes from which a key per purpose and
 * domain is derived with HKDF-SM3 (PI-5, ST-3). Same key, same domain, same value: same output, in every
 * file and every run; another key gives unrelated output.
 *
 * <p>Load it from a key file ({@link #fromFile}: 64 hex digits or base64 of 32 bytes, readable by its
 * owner only) or from an environment variable ({@link #fromEnvironment}, default
 * {@value #ENVIRONMENT_VARIABLE}). {@link #toString()} shows only a fingerprint.
 */
public final class MaskingKey {
  /** The environment variable the CLI reads when no key file is given. */
  public static final String ENVIRONMENT_VARIABLE = "GOVDATASEC_MASKING_KEY";
  /** Size of the key in bytes. */
  public static final int KEY_BYTES = 32;

  private final SecretBytes key;
  private final String fingerprint;

  private MaskingKey(SecretBytes key) {
    this.key = key;
    byte[] fp = HmacSm3.create(derive("govdatasec/mask/v1/fingerprint", 32)).computeMac(new byte[0]);
    this.fingerprint = HexFormat.of().formatHex(fp, 0, 8);
  }

  /**
   * Wraps 32 key bytes.
   *
   * @param bytes the key bytes, copied
   * @return the key
   * @throws MaskingException {@code GDS-MASK-007} for another size
   */
  public static MaskingKey fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != KEY_BYTES) {
      throw MaskError.BAD_KEY.exception("the masking key has " + (bytes == null ? 0 : bytes.length)
          + " bytes; it needs " + KEY_BYTES + ".");
    }
    return new MaskingKey(SecretBytes.copyFrom(bytes, SecretKeyAccess.insecure()));
  }

  /**
   * Generates a random key (for tests and for {@code govdatasec keys}).
   *
   * @return a new key
   */
  public static MaskingKey generate() {
    return new MaskingKey(SecretBytes.random(KEY_BYTES));
  }

  /**
   * Reads a key written as 64 hex digits or as base64 of 32 bytes (surrounding white space ignored).
   *
   * @param text the encoded key
   * @return the key
   * @throws MaskingException {@code GDS-MASK-007} if the text is not such a key
   */
  public static MaskingKey parse(CharSequence text) {
    if (text == null) {
      throw MaskError.BAD_KEY.exception("no masking key was given.");
    }
    String s = text.toString().strip();
    byte[] raw = null;
    try {
      if (s.length() == 2 * KEY_BYTES && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
        raw = HexFormat.of().parseHex(s);
      } else {
        raw = Base64.getDecoder().decode(s);
      }
      return fromBytes(raw);
    } catch (IllegalArgumentException e) {
      throw MaskError.BAD_KEY.exception("the masking key is neither 64 hex digits nor base64 of 32 bytes.");
    } finally {
      if (raw != null) {
        Arrays.fill(raw, (byte) 0);
      }
    }
  }

  /**
   * Reads a key file. On a POSIX file system the file must not be readable or writable by group or others.
   *
   * @param file the key file
   * @return the key
   * @throws MaskingException {@code GDS-MASK-008} for a file others may read, {@code GDS-MASK-017} if it
   *     cannot be read, {@code GDS-MASK-007} for bad content
   */
  public static MaskingKey fromFile(Path file) {
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (view != null) {
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.OTHERS_WRITE)
            || perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.GROUP_WRITE)) {
          throw MaskError.UNSAFE_KEY_FILE.exception("the key file " + file.getFileName()
              + " may be read or written by group or others (" + java.nio.file.attribute.PosixFilePermissions.toString(perms) + ").");
        }
      }
      byte[] content = Files.readAllBytes(file);
      try {
        return parse(new String(content, StandardCharsets.US_ASCII));
      } finally {
        Arrays.fill(content, (byte) 0);
      }
    } catch (IOException e) {
      throw MaskError.IO_FAILURE.exception("the key file " + file.getFileName() + " cannot be read: "
          + e.getClass().getSimpleName() + ".", e);
    }
  }

  /**
   * Reads a key from an environment variable.
   *
   * @param variable the variable's name, usually {@value #ENVIRONMENT_VARIABLE}
   * @return the key
   * @throws MaskingException {@code GDS-MASK-006} if the variable is unset, {@code GDS-MASK-007} for bad content
   */
  public static MaskingKey fromEnvironment(String variable) {
    String v = System.getenv(variable);
    if (v == null || v.isBlank()) {
      throw MaskError.KEY_REQUIRED.exception("the environment variable " + variable + " is not set.");
    }
    return parse(v);
  }

  /**
   * Derives a purpose key with HKDF-SM3.
   *
   * @param info the purpose and domain, e.g. {@code govdatasec/mask/v1/pseudonym/citizen-id}
   * @param length bytes wanted
   * @return the derived key
   */
  SecretBytes derive(String info, int length) {
    return HkdfSm3.derive(key, "govdatasec-masking".getBytes(StandardCharsets.UTF_8),
        info.getBytes(StandardCharsets.UTF_8), length);
  }

  /**
   * Returns a public fingerprint of the key (16 hex digits of an HMAC under a derived key), so two runs
   * can show they used the same key without revealing it.
   *
   * @return the fingerprint
   */
  public String fingerprint() {
    return fingerprint;
  }

  /** Returns the fingerprint only, never key material. */
  @Override
  public String toString() {
    return "MaskingKey[" + fingerprint + "]";
  }
}
