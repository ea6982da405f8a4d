package org.govdatasec.crypto.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.SecretKeyAccess;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.internal.keys.SecureFiles;

/**
 * A local master key: 16 random bytes (an SM4 key) in a file readable and writable by its owner only,
 * serving as the key-encryption key of keysets and of the subject key vault (ST-2, ST-3).
 *
 * <p>{@link #openOrCreate(Path)} creates the file on first use with permissions {@code rw-------} from its
 * first byte (a temp file created with those permissions, fsynced, then linked into place; never
 * world-readable, not even for an instant), and never overwrites an existing file. Opening refuses
 * ({@code GDS-CRYPTO-010}) a symbolic link, a file that group or others can access in any way, a folder
 * that others can write, and a file system without POSIX permissions. The file holds exactly the 16 key
 * bytes ({@code docs/formats.md}, "Keyset file"); another size is refused with {@code GDS-CRYPTO-002}.
 *
 * <p>Keep the master-key file out of the backups of what it protects, and back it up separately (ST-4):
 * losing it loses every key wrapped under it.
 */
public final class MasterKeyFile {
  private final Path path;
  private final boolean created;
  private final Set<PosixFilePermission> permissions;
  private final Sm4Gcm aead;

  private MasterKeyFile(Path path, boolean created, Set<PosixFilePermission> permissions, Sm4Gcm aead) {
    this.path = path;
    this.created = created;
    this.permissions = Set.copyOf(permissions);
    this.aead = aead;
  }

  /**
   * Opens the master-key file, creating it with a fresh random key if it does not exist.
   *
   * @param path the file; its folder is created ({@code rwx------}) if missing
   * @return the opened file
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-010} for an unsafe or unwritable file,
   *     {@code 002} for a file of another size than 16 bytes
   */
  public static MasterKeyFile openOrCreate(Path path) {
    if (path == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("no master-key file path was given.");
    }
    boolean created = false;
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      SecretBytes key = SecretBytes.random(Sm4Gcm.KEY_BYTES);
      byte[] raw = key.toByteArray(SecretKeyAccess.insecure());
      try {
        Path dir = SecureFiles.folder(path);
        if (!Files.isDirectory(dir)) {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        created = SecureFiles.createExclusively(path, raw);
      } catch (IOException | UnsupportedOperationException e) {
        throw CryptoError.UNSAFE_KEY_FILE.exception("the master-key file " + path + " cannot be created ("
            + e.getClass().getSimpleName() + ").", e);
      } finally {
        Arrays.fill(raw, (byte) 0);
        key.destroy();
      }
    }
    return open(path, created);
  }

  /**
   * Opens an existing master-key file.
   *
   * @param path the file
   * @return the opened file
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-010} for a missing, unsafe or unreadable
   *     file, {@code 002} for a file of another size than 16 bytes
   */
  public static MasterKeyFile open(Path path) {
    if (path == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("no master-key file path was given.");
    }
    return open(path, false);
  }

  private static MasterKeyFile open(Path path, boolean created) {
    PosixFileAttributes attrs = SecureFiles.checkOwnerOnly(path, "master-key file");
    byte[] raw;
    try {
      raw = SecureFiles.readNoFollow(path, Sm4Gcm.KEY_BYTES);
    } catch (IOException e) {
      throw CryptoError.UNSAFE_KEY_FILE.exception("the master-key file " + path + " cannot be read ("
          + e.getClass().getSimpleName() + ").", e);
    }
    try {
      if (raw.length != Sm4Gcm.KEY_BYTES) {
        throw CryptoError.BAD_KEY_SIZE.exception("the master-key file " + path + " holds "
            + (raw.length > Sm4Gcm.KEY_BYTES ? "more than 16" : String.valueOf(raw.length))
            + " bytes; a master-key file holds exactly the 16 bytes of an SM4 key.");
      }
      SecretBytes key = SecretBytes.copyFrom(raw, SecretKeyAccess.insecure());
      try {
        return new MasterKeyFile(path, created, attrs.permissions(), Sm4Gcm.create(key));
      } finally {
        key.destroy();
      }
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * Returns the file's path.
   *
   * @return the path
   */
  public Path path() {
    return path;
  }

  /**
   * Tells whether this call created the file.
   *
   * @return {@code true} if the file was created now
   */
  public boolean created() {
    return created;
  }

  /**
   * Returns the file's permissions as checked when opened.
   *
   * @return the permissions, a subset of {@code rw-------}
   */
  public Set<PosixFilePermission> permissions() {
    return permissions;
  }

  /**
   * Returns the SM4-GCM AEAD under the master key.
   *
   * @return the AEAD
   */
  public Sm4Gcm aead() {
    return aead;
  }

  /**
   * Returns this file as a key-encryption key, of kind {@code "master-key-file"}.
   *
   * @return the KEK
   */
  public KeyEncryptionKey kek() {
    return new FixedKek("master-key-file", aead);
  }

  @Override
  public String toString() {
    return "MasterKeyFile[" + path + ", " + PosixFilePermissions.toString(permissions) + "]";
  }
}
