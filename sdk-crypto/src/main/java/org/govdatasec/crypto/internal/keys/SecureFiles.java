package org.govdatasec.crypto.internal.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.internal.SecureRandoms;

/**
 * File handling for key material: files created owner-only from their first byte, written atomically
 * (temp file, fsync, move, fsync of the folder), and checked before reading (ST-3).
 */
public final class SecureFiles {
  /** {@code rw-------}. */
  public static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private SecureFiles() {}

  /**
   * Writes a new owner-only temp file beside {@code target}, fsynced.
   *
   * @param target the final file
   * @param content the bytes
   * @return the temp file
   * @throws IOException if it cannot be written
   */
  public static Path writeTemp(Path target, byte[] content) throws IOException {
    Path dir = folder(target);
    byte[] random = new byte[8];
    SecureRandoms.get().nextBytes(random);
    Path tmp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        ownerOnlyAttribute(dir))) {
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return tmp;
  }

  /**
   * Replaces {@code target} atomically with {@code content} (temp file, fsync, atomic move, folder fsync).
   * On failure the old file is untouched.
   *
   * @param target the file
   * @param content the new content
   * @throws IOException if it cannot be written
   */
  public static void replaceAtomically(Path target, byte[] content) throws IOException {
    Path tmp = writeTemp(target, content);
    try {
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    syncFolder(folder(target));
  }

  /**
   * Creates {@code target} with {@code content} only if it does not exist, never replacing another
   * process's file (hard link of a complete temp file, or a move that refuses an existing target).
   *
   * @param target the file
   * @param content its content
   * @return {@code true} if this call created it, {@code false} if it existed already
   * @throws IOException if it cannot be written
   */
  public static boolean createExclusively(Path target, byte[] content) throws IOException {
    Path tmp = writeTemp(target, content);
    try {
      try {
        Files.createLink(target, tmp);
      } catch (UnsupportedOperationException e) {
        Files.move(tmp, target);
      }
      syncFolder(folder(target));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Refuses a key file that is a symbolic link, not a regular file, on a file system without POSIX
   * permissions, or accessible by group or others ({@code GDS-CRYPTO-010}); refuses a folder writable by
   * others.
   *
   * @param file the key file
   * @param what what the file is, for the message
   * @return the file's attributes
   */
  public static PosixFileAttributes checkOwnerOnly(Path file, String what) {
    PosixFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      throw CryptoError.UNSAFE_KEY_FILE.exception("the " + what + " " + file + " is on a file system without POSIX "
          + "permissions, so its owner-only access cannot be checked; keep it on a POSIX file system, or use a "
          + "passphrase or KMS key-encryption key.");
    } catch (IOException e) {
      throw CryptoError.UNSAFE_KEY_FILE.exception("the " + what + " " + file + " cannot be read ("
          + e.getClass().getSimpleName() + ").", e);
    }
    if (attrs.isSymbolicLink()) {
      throw CryptoError.UNSAFE_KEY_FILE.exception("the " + what + " " + file + " is a symbolic link; "
          + "a key file must be a regular file (a link can be redirected to a file of an attacker's choosing).");
    }
    if (!attrs.isRegularFile()) {
      throw CryptoError.UNSAFE_KEY_FILE.exception("the " + what + " " + file + " is not a regular file.");
    }
    Set<PosixFilePermission> perms = attrs.permissions();
    if (!OWNER_ONLY.containsAll(perms)) {
      throw CryptoError.UNSAFE_KEY_FILE.exception("the " + what + " " + file + " has permissions "
          + PosixFilePermissions.toString(perms) + "; group and others must have no access (rw------- or r--------).");
    }
    try {
      Set<PosixFilePermission> dirPerms = Files.getPosixFilePermissions(folder(file));
      if (dirPerms.contains(PosixFilePermission.OTHERS_WRITE)) {
        throw CryptoError.UNSAFE_KEY_FILE.exception("the folder of the " + what + " " + file
            + " is writable by others (" + PosixFilePermissions.toString(dirPerms) + "), so the file can be replaced.");
      }
    } catch (IOException e) {
      throw CryptoError.UNSAFE_KEY_FILE.exception("the folder of the " + what + " " + file + " cannot be read.", e);
    }
    return attrs;
  }

  /**
   * Reads a file without following a symbolic link, up to a size limit.
   *
   * @param file the file
   * @param limit the most bytes to read; a larger file is returned truncated to {@code limit + 1} bytes
   * @return the bytes
   * @throws IOException if it cannot be read
   */
  public static byte[] readNoFollow(Path file, int limit) throws IOException {
    try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      ByteBuffer buf = ByteBuffer.allocate(limit + 1);
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // keep reading
      }
      byte[] out = new byte[buf.position()];
      buf.flip();
      buf.get(out);
      return out;
    }
  }

  private static FileAttribute<?>[] ownerOnlyAttribute(Path dir) {
    if (Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) == null) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
  }

  /**
   * Returns the folder of a file (the current folder for a bare name).
   *
   * @param file the file
   * @return its folder
   */
  public static Path folder(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  /**
   * Fsyncs a folder so a rename in it is durable; ignored where the platform cannot open folders.
   *
   * @param dir the folder
   */
  public static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a folder as a channel; the rename is still atomic there.
    }
  }
}
