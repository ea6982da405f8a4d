package org.govdatasec.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a command's output file all at once or not at all: the bytes go to a hidden temporary file in
 * the target's folder, which is then moved over the target. A failed run leaves neither a partial file
 * nor the temporary one.
 */
public final class AtomicOutput {
  private AtomicOutput() {}

  /**
   * Writes text (UTF-8), replacing an existing file.
   *
   * @param target the file
   * @param text the content
   * @throws IOException if it cannot be written; nothing is left behind
   */
  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8), false, true);
  }

  /**
   * Writes bytes.
   *
   * @param target the file
   * @param bytes the content
   * @param ownerOnly create it readable and writable by its owner only (for key material), where the
   *     file system has POSIX permissions
   * @param replace whether an existing target may be replaced; if not, an existing target is refused
   * @throws IOException if it cannot be written (or exists and {@code replace} is false); nothing is left behind
   */
  public static void write(Path target, byte[] bytes, boolean ownerOnly, boolean replace) throws IOException {
    Path absolute = target.toAbsolutePath();
    if (!replace && Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(absolute.toString());
    }
    Path dir = absolute.getParent();
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
    Path tmp = ownerOnly && posix
        ? Files.createTempFile(dir, ".govdatasec-", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, ".govdatasec-", ".tmp");
    try {
      Files.write(tmp, bytes);
      try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      if (replace) {
        try {
          Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        Files.move(tmp, absolute);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }
}
