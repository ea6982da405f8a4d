package org.govdatasec.crypto.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.SecretKeyAccess;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.internal.keys.SecureFiles;

/**
 * Stores a {@link Keyset} wrapped under a {@link KeyEncryptionKey}, as the versioned JSON document of
 * {@code docs/formats.md} ("Keyset file") (ST-2, ST-3, ST-4).
 *
 * <p>The document lists the keyset id, purpose, primary key id, every key's id and status, and the KEK's
 * kind and parameters in clear; the key material appears only inside {@code wrappedKeys}, encrypted under
 * the KEK with associated data that is the whole rest of the document. The document is written in one
 * canonical form and read back only in that form, so a file changed in any byte (a status, the primary, a
 * space, a base64 character) fails with {@code GDS-CRYPTO-011}. Files are written atomically (owner-only
 * temp file, fsync, atomic move, folder fsync): a crash leaves the old file or the new one, never half of
 * one. {@link #export}/{@link #restore} carry the same document as bytes for backups, and
 * {@link #restoreCheck} proves that a backup restores the live keys (ST-4).
 */
public final class KeysetFile {
  /** The {@code format} field's value. */
  public static final String FORMAT = "govdatasec-keyset";
  /** The format version this library writes and reads. */
  public static final int VERSION = 1;
  /** The largest keyset file accepted (1 MiB). */
  public static final int MAX_BYTES = 1 << 20;

  private static final String AD_PREFIX = "govdatasec-keyset/v1\n";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private KeysetFile() {}

  /**
   * Writes a keyset, wrapped, atomically replacing the file.
   *
   * @param path the keyset file
   * @param keyset the keyset
   * @param kek the key-encryption key
   * @throws CryptoException {@code GDS-CRYPTO-010} if the file cannot be written (the old file is then
   *     untouched), {@code 001} for null arguments
   */
  public static void write(Path path, Keyset keyset, KeyEncryptionKey kek) {
    if (path == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("no keyset file path was given.");
    }
    byte[] doc = export(keyset, kek);
    try {
      SecureFiles.replaceAtomically(path, doc);
    } catch (IOException e) {
      throw CryptoError.UNSAFE_KEY_FILE.exception("the keyset file " + path + " cannot be written ("
          + e.getClass().getSimpleName() + "); the previous file, if any, is unchanged.", e);
    }
  }

  /**
   * Reads and unwraps a keyset file.
   *
   * @param path the keyset file
   * @param kek the key-encryption key it was written with
   * @return the keyset
   * @throws CryptoException {@code GDS-CRYPTO-010} if the file cannot be read, {@code 011} if it was
   *     modified or the KEK does not match, {@code 019} for weak passphrase parameters
   */
  public static Keyset read(Path path, KeyEncryptionKey kek) {
    if (path == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("no keyset file path was given.");
    }
    byte[] doc;
    try {
      doc = SecureFiles.readNoFollow(path, MAX_BYTES);
    } catch (IOException e) {
      throw CryptoError.UNSAFE_KEY_FILE.exception("the keyset file " + path + " cannot be read ("
          + e.getClass().getSimpleName() + ").", e);
    }
    return restore(doc, kek);
  }

  /**
   * Returns the wrapped keyset document as bytes, for a backup or an export (ST-4).
   *
   * @param keyset the keyset
   * @param kek the key-encryption key
   * @return the UTF-8 JSON document
   * @throws CryptoException {@code GDS-CRYPTO-001} for null arguments, {@code 011} if the KEK fails
   */
  public static byte[] export(Keyset keyset, KeyEncryptionKey kek) {
    if (keyset == null || kek == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a keyset and a key-encryption key are needed to write a keyset.");
    }
    Map<String, String> params = kek.newParameters();
    ObjectNode meta = metadata(keyset, kek.kind(), params);
    byte[] material = material(keyset);
    try {
      Aead aead = kek.aead(params);
      byte[] wrapped = aead.encrypt(material, associatedData(meta));
      ObjectNode doc = meta.deepCopy();
      doc.put("wrappedKeys", Base64.getEncoder().encodeToString(wrapped));
      return serialise(doc);
    } catch (GeneralSecurityException e) {
      throw CryptoError.UNWRAP_FAILED.exception("the key-encryption key (" + kek.kind() + ") refused to wrap keyset "
          + keyset.id() + ".", e);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /**
   * Reads a wrapped keyset document from bytes (a backup or an export).
   *
   * @param document the UTF-8 JSON document
   * @param kek the key-encryption key it was written with
   * @return the keyset
   * @throws CryptoException {@code GDS-CRYPTO-011} if the document was modified or the KEK does not match,
   *     {@code 019} for weak passphrase parameters
   */
  public static Keyset restore(byte[] document, KeyEncryptionKey kek) {
    if (document == null || kek == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a keyset document and a key-encryption key are needed.");
    }
    if (document.length > MAX_BYTES) {
      throw CryptoError.UNWRAP_FAILED.exception("the keyset document is larger than " + MAX_BYTES + " bytes.");
    }
    ObjectNode doc;
    try {
      JsonNode node = MAPPER.readTree(document);
      if (!(node instanceof ObjectNode)) {
        throw bad("it is not a JSON object");
      }
      doc = (ObjectNode) node;
    } catch (IOException e) {
      throw bad("it is not valid JSON");
    }
    if (!Arrays.equals(document, serialise(doc))) {
      throw bad("it is not in the canonical form govdatasec writes (it was edited)");
    }
    if (!FORMAT.equals(doc.path("format").asText()) || doc.path("version").asInt(-1) != VERSION) {
      throw bad("it is not a version " + VERSION + " " + FORMAT + " document");
    }
    String wrappedText = doc.path("wrappedKeys").asText("");
    byte[] wrapped;
    try {
      wrapped = Base64.getDecoder().decode(wrappedText);
    } catch (IllegalArgumentException e) {
      throw bad("wrappedKeys is not base64");
    }
    if (!Base64.getEncoder().encodeToString(wrapped).equals(wrappedText)) {
      throw bad("wrappedKeys is not canonical base64");
    }
    ObjectNode meta = doc.deepCopy();
    meta.remove("wrappedKeys");
    String purpose = meta.path("purpose").asText();
    String keysetId = meta.path("keysetId").asText();
    JsonNode kekNode = meta.path("kek");
    String kind = kekNode.path("kind").asText();
    if (!kind.equals(kek.kind())) {
      throw CryptoError.UNWRAP_FAILED.exception("keyset " + keysetId + " was wrapped by a \"" + kind
          + "\" key-encryption key, and a \"" + kek.kind() + "\" one was given.");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : kekNode.properties()) {
      if (!e.getKey().equals("kind")) {
        params.put(e.getKey(), e.getValue().asText());
      }
    }
    byte[] material;
    try {
      material = kek.aead(params).decrypt(wrapped, associatedData(meta));
    } catch (GeneralSecurityException | CryptoException e) {
      if (e instanceof CryptoException ce && ce.error() == CryptoError.WEAK_PASSPHRASE_PARAMETERS) {
        throw ce;
      }
      throw CryptoError.UNWRAP_FAILED.exception("keyset " + keysetId + " (\"" + purpose + "\") does not unwrap under "
          + "the given " + kind + " key-encryption key: the file was modified or another KEK wrapped it.", e);
    }
    try {
      return build(meta, material);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /**
   * Checks a backup (ST-4): it unwraps under the KEK, is the same keyset, and holds every key of the live
   * keyset that is not destroyed, with the same material (compared in constant time).
   *
   * @param backup the backup document ({@link #export})
   * @param kek the key-encryption key it was written with
   * @param live the keyset in use
   * @return the result; {@link RestoreCheck#restorable()} tells whether the backup would restore
   * @throws CryptoException {@code GDS-CRYPTO-011} if the backup does not unwrap
   */
  public static RestoreCheck restoreCheck(byte[] backup, KeyEncryptionKey kek, Keyset live) {
    if (live == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("no live keyset was given to check the backup against.");
    }
    Keyset restored = restore(backup, kek);
    List<String> missing = new ArrayList<>();
    for (Keyset.Entry e : live.entries().values()) {
      if (Keyset.status(e) == KeyStatus.DESTROYED) {
        continue;
      }
      Keyset.Entry r = restored.entries().get(e.keyId());
      if (r == null || Keyset.status(r) == KeyStatus.DESTROYED || !r.material().equalsSecretBytes(e.material())) {
        missing.add(Integer.toUnsignedString(e.keyId()));
      }
    }
    boolean sameId = restored.id().equals(live.id());
    return new RestoreCheck(restored.id(), restored.keys().size(), sameId && missing.isEmpty(),
        !sameId ? "the backup holds keyset " + restored.id() + ", not " + live.id()
            : missing.isEmpty() ? "every live key restores with identical material"
            : "live keys missing or different in the backup: " + String.join(", ", missing));
  }

  /**
   * The result of a restore check of a keyset backup (ST-4).
   *
   * @param keysetId the keyset id in the backup
   * @param keys the number of keys the backup holds (all statuses)
   * @param restorable whether the backup restores every live key
   * @param detail what was found, without key material
   */
  public record RestoreCheck(String keysetId, int keys, boolean restorable, String detail) {}

  private static ObjectNode metadata(Keyset keyset, String kind, Map<String, String> params) {
    ObjectNode meta = MAPPER.createObjectNode();
    meta.put("format", FORMAT);
    meta.put("version", VERSION);
    meta.put("keysetId", keyset.id());
    meta.put("purpose", keyset.purpose());
    meta.put("primaryKeyId", Integer.toUnsignedLong(keyset.primaryKeyId()));
    ArrayNode keys = meta.putArray("keys");
    for (KeyInfo k : keyset.keys()) {
      ObjectNode key = keys.addObject();
      key.put("keyId", Integer.toUnsignedLong(k.keyId()));
      key.put("status", k.status().name());
      key.put("algorithm", "SM4-GCM");
    }
    ObjectNode kekNode = meta.putObject("kek");
    kekNode.put("kind", kind);
    params.forEach(kekNode::put);
    return meta;
  }

  /** {@code keyId (4) || key (16)} for each key that is not destroyed, in keyset order. */
  private static byte[] material(Keyset keyset) {
    List<Keyset.Entry> live = new ArrayList<>();
    for (Keyset.Entry e : keyset.entries().values()) {
      if (Keyset.status(e) != KeyStatus.DESTROYED) {
        live.add(e);
      }
    }
    ByteBuffer buf = ByteBuffer.allocate(live.size() * (4 + Sm4Gcm.KEY_BYTES));
    for (Keyset.Entry e : live) {
      byte[] k = e.material().toByteArray(SecretKeyAccess.insecure());
      buf.putInt(e.keyId()).put(k);
      Arrays.fill(k, (byte) 0);
    }
    return buf.array();
  }

  private static Keyset build(ObjectNode meta, byte[] material) {
    try {
      Keyset.Builder b = Keyset.builder(meta.path("purpose").asText()).keysetId(meta.path("keysetId").asText());
      ByteBuffer buf = ByteBuffer.wrap(material);
      for (JsonNode k : meta.path("keys")) {
        int keyId = (int) k.path("keyId").asLong();
        KeyStatus status = KeyStatus.valueOf(k.path("status").asText());
        if (!"SM4-GCM".equals(k.path("algorithm").asText())) {
          throw bad("key " + Integer.toUnsignedString(keyId) + " is not an SM4-GCM key");
        }
        if (status == KeyStatus.DESTROYED) {
          b.addKey(keyId, status, null);
          continue;
        }
        if (buf.remaining() < 4 + Sm4Gcm.KEY_BYTES || buf.getInt() != keyId) {
          throw bad("the wrapped material does not match the key list");
        }
        byte[] raw = new byte[Sm4Gcm.KEY_BYTES];
        buf.get(raw);
        try {
          b.addKey(keyId, status, SecretBytes.copyFrom(raw, SecretKeyAccess.insecure()));
        } finally {
          Arrays.fill(raw, (byte) 0);
        }
      }
      if (buf.hasRemaining()) {
        throw bad("the wrapped material holds keys the key list does not name");
      }
      return b.primary((int) meta.path("primaryKeyId").asLong()).build();
    } catch (IllegalArgumentException e) {
      throw bad("a key status is unknown");
    } catch (CryptoException e) {
      if (e.error() == CryptoError.UNWRAP_FAILED) {
        throw e;
      }
      throw bad("its keyset is invalid (" + e.code() + ")");
    }
  }

  private static byte[] associatedData(ObjectNode meta) {
    byte[] prefix = AD_PREFIX.getBytes(StandardCharsets.UTF_8);
    byte[] body = serialise(meta);
    byte[] ad = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, ad, prefix.length, body.length);
    return ad;
  }

  private static byte[] serialise(ObjectNode node) {
    try {
      return (WRITER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
  }

  private static CryptoException bad(String why) {
    return CryptoError.UNWRAP_FAILED.exception("the keyset document was refused: " + why + ".");
  }
}
