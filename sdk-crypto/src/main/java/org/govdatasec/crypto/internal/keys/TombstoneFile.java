package org.govdatasec.crypto.internal.keys;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.HmacSm3;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.SecretKeyAccess;
import org.govdatasec.crypto.internal.SecureRandoms;

/**
 * The vault's append-only, fsynced tombstone file (DS-2): one line per destroyed subject, kept apart from
 * the key store so that restoring a backup of the store cannot bring a destroyed key back.
 *
 * <p>Layout ({@code docs/formats.md}, "Vault schema"): a header line
 * {@code govdatasec-tombstones v1 <base64 of KEK-wrapped 32-byte tag key>}, then one line per destruction
 * {@code t <hex HMAC-SM3(tag key, UTF-8 subject id)> <key id, unsigned> <epoch milliseconds>}. Subject ids
 * are not written in clear. A torn last line (a crash during an append, before the destruction completed)
 * is cut off at open; any other unreadable line fails closed ({@code GDS-CRYPTO-016}). Thread-safe; several
 * processes may append (each append holds a file lock) and {@link #refresh()} picks up their lines.
 */
public final class TombstoneFile {
  private static final String MAGIC = "govdatasec-tombstones v1 ";
  private static final byte[] HEADER_AD = "govdatasec-tombstones/v1".getBytes(StandardCharsets.US_ASCII);

  private final Path path;
  private final HmacSm3 tagger;
  private final Map<String, Tombstone> byTag = new HashMap<>();
  private long position;

  /**
   * One destruction.
   *
   * @param keyId the destroyed key's id
   * @param destroyedAtMillis when, in epoch milliseconds
   */
  public record Tombstone(int keyId, long destroyedAtMillis) {}

  private TombstoneFile(Path path, HmacSm3 tagger) {
    this.path = path;
    this.tagger = tagger;
  }

  /**
   * Opens the file, creating it (with a fresh tag key wrapped under the KEK) if missing.
   *
   * @param path the file
   * @param kek the key-encryption key
   * @return the opened file, with every tombstone read
   */
  public static TombstoneFile open(Path path, Aead kek) {
    try {
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        SecretBytes tagKey = SecretBytes.random(32);
        byte[] raw = tagKey.toByteArray(SecretKeyAccess.insecure());
        try {
          String header = MAGIC + Base64.getEncoder().encodeToString(kek.encrypt(raw, HEADER_AD)) + "\n";
          SecureFiles.createExclusively(path, header.getBytes(StandardCharsets.US_ASCII));
        } finally {
          Arrays.fill(raw, (byte) 0);
          tagKey.destroy();
        }
      }
      SecureFiles.checkOwnerOnly(path, "tombstone file");
      byte[] headerLine = firstLine(path);
      String header = new String(headerLine, StandardCharsets.US_ASCII);
      if (!header.startsWith(MAGIC)) {
        throw CryptoError.VAULT_FAILURE.exception("the tombstone file " + path + " does not start with \""
            + MAGIC.strip() + "\".");
      }
      byte[] raw;
      try {
        raw = kek.decrypt(Base64.getDecoder().decode(header.substring(MAGIC.length())), HEADER_AD);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw CryptoError.UNWRAP_FAILED.exception("the tag key of the tombstone file " + path
            + " does not unwrap under the vault's key-encryption key.");
      }
      try {
        SecretBytes tagKey = SecretBytes.copyFrom(raw, SecretKeyAccess.insecure());
        TombstoneFile f;
        try {
          f = new TombstoneFile(path, HmacSm3.create(tagKey));
        } finally {
          tagKey.destroy();
        }
        f.position = headerLine.length + 1;
        f.refresh();
        return f;
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
    } catch (IOException e) {
      throw CryptoError.VAULT_FAILURE.exception("the tombstone file " + path + " cannot be opened ("
          + e.getClass().getSimpleName() + ").", e);
    } catch (GeneralSecurityException e) {
      throw CryptoError.UNWRAP_FAILED.exception("the vault's key-encryption key refused to wrap the tombstone tag key.", e);
    }
  }

  private static byte[] firstLine(Path path) throws IOException {
    byte[] head = SecureFiles.readNoFollow(path, 4096);
    for (int i = 0; i < head.length; i++) {
      if (head[i] == '\n') {
        return Arrays.copyOf(head, i);
      }
    }
    throw CryptoError.VAULT_FAILURE.exception("the tombstone file " + path + " has no complete header line.");
  }

  /**
   * Reads lines appended since the last read (by this or another process).
   *
   * @return {@code true} if new tombstones were read
   */
  public synchronized boolean refresh() {
    try (FileChannel ch = FileChannel.open(path, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS))) {
      long size = ch.size();
      if (size <= position) {
        return false;
      }
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - position));
      ch.position(position);
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // keep reading
      }
      byte[] bytes = Arrays.copyOf(buf.array(), buf.position());
      int start = 0;
      boolean added = false;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          added |= parse(new String(bytes, start, i - start, StandardCharsets.US_ASCII));
          start = i + 1;
        }
      }
      position += start;
      if (start < bytes.length) {
        // a torn append: its destruction never completed (the fsync did not return); cut it off
        FileLock lock = ch.lock();
        try {
          if (ch.size() == size) {
            ch.truncate(position);
            ch.force(true);
          }
        } finally {
          lock.release();
        }
      }
      return added;
    } catch (IOException e) {
      throw CryptoError.VAULT_FAILURE.exception("the tombstone file " + path + " cannot be read ("
          + e.getClass().getSimpleName() + ").", e);
    }
  }

  private boolean parse(String line) {
    String[] f = line.split(" ");
    try {
      if (f.length != 4 || !f[0].equals("t") || f[1].length() != 64) {
        throw new IllegalArgumentException();
      }
      HexFormat.of().parseHex(f[1]);
      return byTag.put(f[1], new Tombstone(Integer.parseUnsignedInt(f[2]), Long.parseLong(f[3]))) == null;
    } catch (IllegalArgumentException e) {
      throw CryptoError.VAULT_FAILURE.exception("the tombstone file " + path + " holds an unreadable line at byte "
          + position + "; it was modified. Restore it from its own backup; never delete it.");
    }
  }

  /**
   * Appends a tombstone and fsyncs it before returning.
   *
   * @param subjectId the subject
   * @param keyId the destroyed key's id
   * @param destroyedAtMillis when
   */
  public synchronized void append(String subjectId, int keyId, long destroyedAtMillis) {
    String tag = tag(subjectId);
    String line = "t " + tag + " " + Integer.toUnsignedString(keyId) + " " + destroyedAtMillis + "\n";
    try (FileChannel ch = FileChannel.open(path, Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
        LinkOption.NOFOLLOW_LINKS))) {
      FileLock lock = ch.lock();
      try {
        ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw CryptoError.VAULT_FAILURE.exception("the tombstone of a subject could not be written to " + path + " ("
          + e.getClass().getSimpleName() + "); nothing was destroyed.", e);
    }
    refresh();
  }

  /**
   * Returns the subject's tombstone.
   *
   * @param subjectId the subject
   * @return its tombstone, or empty if it was never destroyed
   */
  public synchronized Optional<Tombstone> find(String subjectId) {
    return Optional.ofNullable(byTag.get(tag(subjectId)));
  }

  /**
   * Returns the number of tombstones.
   *
   * @return the count
   */
  public synchronized int size() {
    return byTag.size();
  }

  /**
   * Tells whether the file grew since the last read, cheaply (one stat).
   *
   * @return {@code true} if there may be new tombstones
   */
  public synchronized boolean grew() {
    try {
      return Files.size(path) != position;
    } catch (IOException e) {
      return true;
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

  private String tag(String subjectId) {
    return HexFormat.of().formatHex(tagger.computeMac(subjectId.getBytes(StandardCharsets.UTF_8)));
  }
}
