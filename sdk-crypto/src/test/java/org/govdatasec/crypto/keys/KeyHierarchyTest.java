package org.govdatasec.crypto.keys;

import static org.govdatasec.crypto.keys.KeysetTest.code;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Gcm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key hierarchy: master-key file, passphrase KEK, any AEAD, and the keyset file (ST-2, ST-3, ST-4). */
class KeyHierarchyTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("ST-3: the master-key file is created rw------- with 16 bytes, and reopens to the same key")
  void masterKeyFileCreated() throws Exception {
    Path file = dir.resolve("keys").resolve("master.key");
    MasterKeyFile created = MasterKeyFile.openOrCreate(file);
    assertTrue(created.created());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(16, Files.size(file));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    byte[] ct = created.aead().encrypt("probe".getBytes(), null);
    MasterKeyFile again = MasterKeyFile.openOrCreate(file);
    assertFalse(again.created());
    assertArrayEquals("probe".getBytes(), again.aead().decrypt(ct, null));
    try (var s = Files.list(file.getParent())) {
      assertEquals(List.of(file), s.toList(), "no temp file is left behind");
    }
    String text = created.toString();
    assertFalse(text.contains(HexFormat.of().formatHex(Files.readAllBytes(file))), text);
  }

  @Test
  @DisplayName("GDS-CRYPTO-010: world-readable, group-writable, symlinked master-key files are refused; 002 for a wrong size")
  void unsafeMasterKeyFiles() throws Exception {
    Path file = dir.resolve("master.key");
    MasterKeyFile.openOrCreate(file);
    String hex = HexFormat.of().formatHex(Files.readAllBytes(file));
    String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    for (String perms : new String[] {"rw-r--r--", "rw--w----", "rw----r--", "rw-rw-rw-", "rw-------"}) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
      if (perms.equals("rw-------")) {
        MasterKeyFile.open(file);
        continue;
      }
      CryptoException e = assertThrows(CryptoException.class, () -> MasterKeyFile.open(file), perms);
      assertEquals(CryptoError.UNSAFE_KEY_FILE, e.error(), perms);
      assertTrue(e.getMessage().contains(perms), e.getMessage());
      assertFalse(e.getMessage().contains(hex) || e.getMessage().contains(b64), e.getMessage());
      assertEquals(CryptoError.UNSAFE_KEY_FILE, code(() -> MasterKeyFile.openOrCreate(file)), "never recreated: " + perms);
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Path link = dir.resolve("link.key");
    Files.createSymbolicLink(link, file);
    CryptoException e = assertThrows(CryptoException.class, () -> MasterKeyFile.open(link));
    assertEquals(CryptoError.UNSAFE_KEY_FILE, e.error());
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    assertEquals(CryptoError.UNSAFE_KEY_FILE, code(() -> MasterKeyFile.openOrCreate(link)));
    Path dangling = dir.resolve("dangling.key");
    Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
    assertEquals(CryptoError.UNSAFE_KEY_FILE, code(() -> MasterKeyFile.openOrCreate(dangling)));
    assertFalse(Files.exists(dir.resolve("nowhere")), "a dangling link is not followed to create a file");

    Path shortFile = dir.resolve("short.key");
    Files.write(shortFile, new byte[15]);
    Files.setPosixFilePermissions(shortFile, PosixFilePermissions.fromString("rw-------"));
    assertEquals(CryptoError.BAD_KEY_SIZE, code(() -> MasterKeyFile.open(shortFile)));
    Files.write(shortFile, new byte[17]);
    assertEquals(CryptoError.BAD_KEY_SIZE, code(() -> MasterKeyFile.open(shortFile)));
    assertEquals(CryptoError.UNSAFE_KEY_FILE, code(() -> MasterKeyFile.open(dir.resolve("missing.key"))));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> MasterKeyFile.open(null)));

    Path open = dir.resolve("open");
    Files.createDirectory(open, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertEquals(CryptoError.UNSAFE_KEY_FILE, code(() -> MasterKeyFile.openOrCreate(open.resolve("m.key"))),
        "a folder writable by others");
  }

  @Test
  @DisplayName("Keyset file: round trip under a master key; keys only wrapped; statuses and primary kept")
  void keysetFileRoundTrip() throws Exception {
    KeyEncryptionKey kek = KeyEncryptionKey.masterKeyFile(dir.resolve("master.key"));
    Keyset ks = Keyset.generate("registry-fields");
    int first = ks.primaryKeyId();
    byte[] old = ks.aead().encrypt("李秀兰".getBytes(StandardCharsets.UTF_8), null);
    ks = ks.withNewPrimary();
    int second = ks.primaryKeyId();
    ks = ks.withNewPrimary().disable(second);
    Keyset destroyedOne = Keyset.generate("x").withNewPrimary();
    Path file = dir.resolve("fields.keyset.json");
    KeysetFile.write(file, ks, kek);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Keyset read = KeysetFile.read(file, kek);
    assertEquals(ks.id(), read.id());
    assertEquals(ks.keys(), read.keys());
    assertEquals(ks.primaryKeyId(), read.primaryKeyId());
    assertArrayEquals("李秀兰".getBytes(StandardCharsets.UTF_8), read.aead().decrypt(old, null));
    String json = Files.readString(file);
    assertTrue(json.contains("\"status\" : \"DISABLED\""), json);
    assertTrue(json.contains("\"primaryKeyId\" : " + Integer.toUnsignedString(ks.primaryKeyId())), json);

    // destroy, write again: the destroyed id stays, its material is not in the file
    Keyset shredded = read.destroy(first);
    KeysetFile.write(file, shredded, kek);
    Keyset again = KeysetFile.read(file, kek);
    assertEquals(KeyStatus.DESTROYED, again.key(first).orElseThrow().status());
    assertEquals(CryptoError.KEY_DESTROYED, code(() -> again.aead().decrypt(old, null)));
    assertTrue(destroyedOne.keys().size() == 2);
  }

  @Test
  @DisplayName("GDS-CRYPTO-011: a keyset file changed in any single byte, or read under another KEK, is refused")
  void keysetFileTamperEveryByte() throws Exception {
    Sm4Gcm gcm = Sm4Gcm.create(SecretBytes.random(16));
    KeyEncryptionKey kek = KeyEncryptionKey.of(gcm);
    Keyset ks = Keyset.generate("tamper").withNewPrimary();
    ks = ks.disable(ks.keys().get(0).keyId());
    byte[] doc = KeysetFile.export(ks, kek);
    assertEquals(ks.keys(), KeysetFile.restore(doc, kek).keys());
    int refused = 0;
    for (int i = 0; i < doc.length; i++) {
      for (int delta : new int[] {1, 0x20}) {
        byte[] changed = doc.clone();
        changed[i] ^= (byte) delta;
        CryptoException e = assertThrows(CryptoException.class, () -> KeysetFile.restore(changed, kek), "byte " + i);
        assertEquals(CryptoError.UNWRAP_FAILED, e.error(), "byte " + i + ": " + e.getMessage());
        refused++;
      }
    }
    assertEquals(doc.length * 2, refused);
    assertEquals(CryptoError.UNWRAP_FAILED,
        code(() -> KeysetFile.restore(doc, KeyEncryptionKey.of(Sm4Gcm.create(SecretBytes.random(16))))));
    assertEquals(CryptoError.UNWRAP_FAILED, code(() -> KeysetFile.restore(doc,
        KeyEncryptionKey.masterKeyFile(dir.resolve("m.key")))), "another kind of KEK");
    assertEquals(CryptoError.UNWRAP_FAILED, code(() -> KeysetFile.restore("{}".getBytes(), kek)));
    assertEquals(CryptoError.UNWRAP_FAILED, code(() -> KeysetFile.restore(new byte[0], kek)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> KeysetFile.restore(null, kek)));
    assertEquals(CryptoError.UNSAFE_KEY_FILE, code(() -> KeysetFile.read(dir.resolve("missing.json"), kek)));
  }

  @Test
  @DisplayName("A failed write leaves the previous keyset file intact")
  void atomicWrite() throws Exception {
    KeyEncryptionKey kek = KeyEncryptionKey.of(Sm4Gcm.create(SecretBytes.random(16)));
    Path file = dir.resolve("ks.json");
    Keyset ks = Keyset.generate("atomic");
    KeysetFile.write(file, ks, kek);
    byte[] before = Files.readAllBytes(file);
    KeyEncryptionKey failing = new KeyEncryptionKey() {
      @Override
      public String kind() {
        return "aead";
      }

      @Override
      public Map<String, String> newParameters() {
        return Map.of();
      }

      @Override
      public com.google.crypto.tink.Aead aead(Map<String, String> parameters) {
        return new com.google.crypto.tink.Aead() {
          @Override
          public byte[] encrypt(byte[] p, byte[] a) throws java.security.GeneralSecurityException {
            throw new java.security.GeneralSecurityException("KMS unavailable");
          }

          @Override
          public byte[] decrypt(byte[] c, byte[] a) throws java.security.GeneralSecurityException {
            throw new java.security.GeneralSecurityException("KMS unavailable");
          }
        };
      }
    };
    assertEquals(CryptoError.UNWRAP_FAILED, code(() -> KeysetFile.write(file, ks.withNewPrimary(), failing)));
    assertArrayEquals(before, Files.readAllBytes(file));
    Path readOnlyDir = dir.resolve("ro");
    Files.createDirectory(readOnlyDir);
    Files.setPosixFilePermissions(readOnlyDir, PosixFilePermissions.fromString("r-x------"));
    if (!Files.isWritable(readOnlyDir)) { // root ignores folder permissions
      assertEquals(CryptoError.UNSAFE_KEY_FILE, code(() -> KeysetFile.write(readOnlyDir.resolve("k.json"), ks, kek)));
    }
    try (var s = Files.list(dir)) {
      assertEquals(2, s.count(), "only ks.json and ro/: no temp files left");
    }
  }

  @Test
  @DisplayName("ST-3: passphrase KEK (PBKDF2-HMAC-SM3): round trip, salt in the file, GDS-CRYPTO-019 for weak parameters")
  void passphraseKek() throws Exception {
    char[] pass = "correct horse battery staple".toCharArray();
    PassphraseKek kek = PassphraseKek.of(pass, PassphraseKek.MIN_ITERATIONS);
    Keyset ks = Keyset.generate("passphrase");
    byte[] doc = KeysetFile.export(ks, kek);
    String json = new String(doc, StandardCharsets.UTF_8);
    assertTrue(json.contains("\"kind\" : \"pbkdf2-hmac-sm3\""), json);
    assertTrue(json.contains("\"iterations\" : \"100000\""), json);
    assertEquals(ks.keys(), KeysetFile.restore(doc, PassphraseKek.of(pass, 200_000)).keys());
    assertEquals(CryptoError.UNWRAP_FAILED,
        code(() -> KeysetFile.restore(doc, PassphraseKek.of("wrong horse battery staple".toCharArray(), 100_000))));
    // the file's iteration count lowered below the floor: refused before any derivation
    byte[] weak = json.replace("\"iterations\" : \"100000\"", "\"iterations\" : \"099999\"").getBytes(StandardCharsets.UTF_8);
    assertEquals(CryptoError.WEAK_PASSPHRASE_PARAMETERS, code(() -> KeysetFile.restore(weak, kek)));
    assertEquals(CryptoError.WEAK_PASSPHRASE_PARAMETERS, code(() -> PassphraseKek.of(pass, 99_999)));
    assertEquals(CryptoError.WEAK_PASSPHRASE_PARAMETERS, code(() -> PassphraseKek.of("short".toCharArray())));
    assertEquals(CryptoError.WEAK_PASSPHRASE_PARAMETERS,
        code(() -> PassphraseKek.derive(pass, new byte[8], PassphraseKek.MIN_ITERATIONS)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> PassphraseKek.of(null)));
    Map<String, String> p1 = kek.newParameters();
    assertEquals(16, Base64.getDecoder().decode(p1.get("salt")).length);
    assertFalse(p1.get("salt").equals(kek.newParameters().get("salt")), "a fresh salt per wrap");
    assertEquals(String.valueOf(PassphraseKek.DEFAULT_ITERATIONS), PassphraseKek.of(pass).newParameters().get("iterations"));
    assertFalse(kek.toString().contains("horse"));
    kek.destroy();
    assertEquals(CryptoError.KEY_DESTROYED, code(() -> kek.aead(kek.newParameters())));
  }

  @Test
  @DisplayName("ST-4: a backup restores every live key; a stale backup is reported, not silently accepted")
  void backupRestoreCheck() {
    KeyEncryptionKey kek = KeyEncryptionKey.of(Sm4Gcm.create(SecretBytes.random(16)));
    Keyset ks = Keyset.generate("backup");
    byte[] backup = KeysetFile.export(ks, kek);
    KeysetFile.RestoreCheck ok = KeysetFile.restoreCheck(backup, kek, ks);
    assertTrue(ok.restorable(), ok.detail());
    Keyset rotated = ks.withNewPrimary();
    KeysetFile.RestoreCheck stale = KeysetFile.restoreCheck(backup, kek, rotated);
    assertFalse(stale.restorable());
    assertTrue(stale.detail().contains(Integer.toUnsignedString(rotated.primaryKeyId())), stale.detail());
    assertFalse(KeysetFile.restoreCheck(backup, kek, Keyset.generate("backup")).restorable(), "another keyset");
  }
}
