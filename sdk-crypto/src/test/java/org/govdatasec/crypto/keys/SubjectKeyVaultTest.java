package org.govdatasec.crypto.keys;

import static org.govdatasec.crypto.keys.KeysetTest.code;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Gcm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subject key vault on an H2 file: create, read, destroy, tombstones, restored backups, cache, count (DS-2, CLS-3). */
class SubjectKeyVaultTest {

  @TempDir
  Path dir;
  private Sm4Gcm kek;
  private Path db;
  private Path tombstones;

  @BeforeEach
  void setUp() {
    kek = MasterKeyFile.openOrCreate(dir.resolve("kek").resolve("master.key")).aead();
    db = dir.resolve("store").resolve("vault");
    tombstones = dir.resolve("kek").resolve("vault.tombstones");
  }

  private SubjectKeyVault open() {
    return SubjectKeyVault.builder().kek(kek).h2File(db).tombstoneFile(tombstones).countRefresh(Duration.ZERO).build();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private String url() {
    return "jdbc:h2:file:" + db.toAbsolutePath();
  }

  @Test
  @DisplayName("DS-2: a subject key is created once, stored wrapped, and reads back after reopening")
  void createAndRead() throws Exception {
    byte[] ct;
    try (SubjectKeyVault vault = open()) {
      assertEquals(0, vault.subjects());
      Aead a = vault.aeadFor("NN-0000001");
      ct = a.encrypt(utf8("450103198203150311"), utf8("citizen/idNumber"));
      assertEquals(1, ct[0]);
      assertEquals(1, vault.subjects());
      assertTrue(vault.hasKey("NN-0000001"));
      assertFalse(vault.hasKey("NN-0000002"));
      assertEquals(CryptoError.UNKNOWN_KEY_ID, code(() -> vault.existingAeadFor("NN-0000002")));
      assertEquals(1, vault.subjects(), "existingAeadFor never creates");
      assertArrayEquals(utf8("450103198203150311"), vault.aeadFor("NN-0000001").decrypt(ct, utf8("citizen/idNumber")));
    }
    try (SubjectKeyVault vault = open(); Connection c = DriverManager.getConnection(url(), "sa", "")) {
      assertEquals(1, vault.subjects());
      assertArrayEquals(utf8("450103198203150311"),
          vault.existingAeadFor("NN-0000001").decrypt(ct, utf8("citizen/idNumber")));
      try (ResultSet rs = c.createStatement().executeQuery("SELECT subject_id, key_id, wrapped_key FROM gds_subject_keys")) {
        assertTrue(rs.next());
        assertEquals("NN-0000001", rs.getString(1));
        assertEquals(KeysetAead.keyIdOf(ct), rs.getInt(2));
        assertEquals(60, rs.getString(3).length(), "base64 of 12 + 16 + 16 bytes: the key only wrapped");
      }
    }
  }

  @Test
  @DisplayName("DS-2: destroy returns a verified proof; the subject's data then fails with GDS-CRYPTO-008, never a new key")
  void destroyWithProof() throws Exception {
    try (SubjectKeyVault vault = open()) {
      Aead a = vault.aeadFor("NN-0000002");
      byte[] ct = a.encrypt(utf8("李秀兰"), null);
      Aead other = vault.aeadFor("NN-0000003");
      byte[] otherCt = other.encrypt(utf8("黄思远"), null);
      assertEquals(2, vault.subjects());
      DestructionProof proof = vault.destroy("NN-0000002");
      assertTrue(proof.verified(), proof.toString());
      assertEquals("NN-0000002", proof.subjectId());
      assertEquals(KeysetAead.keyIdOf(ct), proof.keyId());
      assertTrue(proof.verification().contains("GDS-CRYPTO-008"), proof.verification());
      assertTrue(proof.store().startsWith("jdbc:h2:file:"), proof.store());
      assertEquals(tombstones.toString(), proof.tombstoneFile());
      assertTrue(proof.toString().contains("verified:     yes"), proof.toString());
      assertEquals(1, vault.subjects());

      assertEquals(CryptoError.KEY_DESTROYED, code(() -> a.decrypt(ct, null)), "an Aead handed out before");
      assertEquals(CryptoError.KEY_DESTROYED, code(() -> a.encrypt(utf8("x"), null)));
      assertEquals(CryptoError.KEY_DESTROYED, code(() -> vault.aeadFor("NN-0000002")), "no silent new key");
      assertEquals(CryptoError.KEY_DESTROYED, code(() -> vault.existingAeadFor("NN-0000002")));
      assertEquals(CryptoError.KEY_DESTROYED, code(() -> vault.destroy("NN-0000002")));
      assertEquals(CryptoError.UNKNOWN_KEY_ID, code(() -> vault.destroy("NN-9999999")));
      assertTrue(vault.isDestroyed("NN-0000002"));
      assertFalse(vault.hasKey("NN-0000002"));
      assertEquals(1, vault.subjects());
      assertArrayEquals(utf8("黄思远"), other.decrypt(otherCt, null), "other subjects still read");
      String tombText = Files.readString(tombstones);
      assertFalse(tombText.contains("NN-0000002"), "subject ids are not written in clear: " + tombText);
    }
    try (SubjectKeyVault vault = open()) {
      assertEquals(CryptoError.KEY_DESTROYED, code(() -> vault.aeadFor("NN-0000002")), "after reopening too");
    }
  }

  @Test
  @DisplayName("DS-2: a restored backup of the H2 vault file does not resurrect a destroyed key")
  void restoredBackupDoesNotResurrect() throws Exception {
    byte[] ctA;
    byte[] ctB;
    try (SubjectKeyVault vault = open()) {
      ctA = vault.aeadFor("A-1").encrypt(utf8("secret a"), null);
      ctB = vault.aeadFor("B-2").encrypt(utf8("secret b"), null);
    }
    Path file = db.resolveSibling("vault.mv.db");
    Path backup = dir.resolve("vault.mv.db.backup");
    Files.copy(file, backup);
    try (SubjectKeyVault vault = open()) {
      assertTrue(vault.destroy("A-1").verified());
    }
    Files.copy(backup, file, StandardCopyOption.REPLACE_EXISTING); // the restore
    try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
      assertEquals(2, count(c), "the restored store holds the destroyed subject's row again");
    }
    try (SubjectKeyVault vault = open()) {
      assertEquals(CryptoError.KEY_DESTROYED, code(() -> vault.existingAeadFor("A-1").decrypt(ctA, null)));
      assertEquals(CryptoError.KEY_DESTROYED, code(() -> vault.aeadFor("A-1")));
      assertArrayEquals(utf8("secret b"), vault.existingAeadFor("B-2").decrypt(ctB, null));
      assertEquals(1, vault.subjects(), "the restored row was swept at open");
      DestructionProof again = vault.verifyDestroyed("A-1");
      assertTrue(again.verified(), again.toString());
      assertEquals(KeysetAead.keyIdOf(ctA), again.keyId());
      assertEquals(CryptoError.UNKNOWN_KEY_ID, code(() -> vault.verifyDestroyed("B-2")));
    }
    try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
      assertEquals(1, count(c));
    }
  }

  @Test
  @DisplayName("DS-2: a destroyed subject's row restored while the vault runs is refused and deleted again")
  void restoredRowWhileOpen() throws Exception {
    try (SubjectKeyVault vault = open(); Connection c = DriverManager.getConnection(url(), "sa", "")) {
      vault.aeadFor("A-1");
      String[] saved = row(c, "A-1");
      byte[] ct = vault.existingAeadFor("A-1").encrypt(utf8("v"), null);
      vault.destroy("A-1");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO gds_subject_keys VALUES (?, ?, ?, ?)")) {
        ps.setString(1, "A-1");
        ps.setInt(2, Integer.parseInt(saved[0]));
        ps.setString(3, saved[1]);
        ps.setLong(4, 0);
        ps.executeUpdate();
      }
      CryptoException e = assertThrows(CryptoException.class, () -> vault.existingAeadFor("A-1").decrypt(ct, null));
      assertEquals(CryptoError.KEY_DESTROYED, e.error());
      assertTrue(e.getMessage().contains("deleted again"), e.getMessage());
      assertEquals(0, count(c));
    }
  }

  @Test
  @DisplayName("GDS-CRYPTO-011: a wrapped key copied to another subject's row does not unwrap")
  void wrappedKeyBoundToSubject() throws Exception {
    try (SubjectKeyVault vault = open()) {
      vault.aeadFor("A-1");
      vault.aeadFor("B-2");
    }
    try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
      String[] a = row(c, "A-1");
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE gds_subject_keys SET key_id = ?, wrapped_key = ? WHERE subject_id = 'B-2'")) {
        ps.setInt(1, Integer.parseInt(a[0]));
        ps.setString(2, a[1]);
        ps.executeUpdate();
      }
    }
    try (SubjectKeyVault vault = open()) {
      CryptoException e = assertThrows(CryptoException.class, () -> vault.existingAeadFor("B-2"));
      assertEquals(CryptoError.UNWRAP_FAILED, e.error());
      vault.existingAeadFor("A-1");
    }
    SubjectKeyVault.Builder otherKek = SubjectKeyVault.builder().kek(Sm4Gcm.create(SecretBytes.random(16)))
        .h2File(db).tombstoneFile(tombstones);
    assertEquals(CryptoError.UNWRAP_FAILED, code(otherKek::build), "the tombstone file's key is bound to the KEK");
  }

  @Test
  @DisplayName("Unwrapped keys are cached, bounded and expiring; evicted keys reload from the store")
  void cacheEviction() throws Exception {
    try (SubjectKeyVault vault = SubjectKeyVault.builder().kek(kek).h2File(db).tombstoneFile(tombstones)
        .cacheSize(2).build()) {
      List<byte[]> cts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        cts.add(vault.aeadFor("S-" + i).encrypt(utf8("value " + i), null));
      }
      assertTrue(vault.cachedKeys() <= 2, "bounded: " + vault.cachedKeys());
      for (int i = 0; i < 6; i++) {
        assertArrayEquals(utf8("value " + i), vault.existingAeadFor("S-" + i).decrypt(cts.get(i), null));
      }
      assertEquals(6, vault.subjects());
    }
    try (SubjectKeyVault vault = SubjectKeyVault.builder().kek(kek).h2File(db).tombstoneFile(tombstones)
        .cacheExpiry(Duration.ofNanos(1)).build()) {
      Aead a = vault.existingAeadFor("S-1");
      long start = System.nanoTime();
      while (System.nanoTime() == start) {
        Thread.onSpinWait(); // let the 1 ns expiry pass without sleeping
      }
      assertEquals(0, vault.cachedKeys(), "expired");
      byte[] again = a.encrypt(utf8("again"), null); // reloads from the store after expiry
      assertArrayEquals(utf8("again"), vault.existingAeadFor("S-1").decrypt(again, null));
    }
  }

  @Test
  @DisplayName("Concurrent first use of one new subject, in two vault instances, creates exactly one key")
  void concurrentFirstUse() throws Exception {
    try (SubjectKeyVault v1 = open(); SubjectKeyVault v2 = open()) {
      int threads = 16;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<byte[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SubjectKeyVault v = t % 2 == 0 ? v1 : v2;
        results.add(pool.submit(() -> {
          start.await();
          return v.aeadFor("NEW-1").encrypt(utf8("same"), null);
        }));
      }
      start.countDown();
      Set<Integer> keyIds = new HashSet<>();
      List<byte[]> cts = new ArrayList<>();
      for (Future<byte[]> f : results) {
        byte[] ct = f.get(30, TimeUnit.SECONDS);
        keyIds.add(KeysetAead.keyIdOf(ct));
        cts.add(ct);
      }
      pool.shutdown();
      assertEquals(1, keyIds.size(), "one key for the subject");
      for (byte[] ct : cts) {
        assertArrayEquals(utf8("same"), v1.existingAeadFor("NEW-1").decrypt(ct, null));
        assertArrayEquals(utf8("same"), v2.existingAeadFor("NEW-1").decrypt(ct, null));
      }
      assertEquals(1, v1.subjects());
      try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
        assertEquals(1, count(c));
      }
    }
  }

  @Test
  @DisplayName("CLS-3: the vault counts live subject keys, as the policy engine's SubjectCounter")
  void subjectCount() {
    try (SubjectKeyVault vault = open()) {
      org.govdatasec.core.policy.SubjectCounter counter = vault;
      for (int i = 0; i < 25; i++) {
        vault.aeadFor("C-" + i);
      }
      vault.aeadFor("C-3");
      assertEquals(25, counter.subjects());
      vault.destroy("C-7");
      assertEquals(24, counter.subjects());

      // the policy engine reads the vault on every assessment: crossing the threshold switches the controls
      org.govdatasec.core.policy.PolicyEngine engine = org.govdatasec.core.policy.PolicyEngine.builder()
          .policy(org.govdatasec.core.policy.ControlPolicy.defaults().toBuilder().highRiskSubjectThreshold(25).build())
          .system(org.govdatasec.core.policy.SystemProfile.builder().name("registry").owner("bureau")
              .subjectCounter(vault).build())
          .build();
      assertFalse(engine.assess(Person.class).highRisk());
      vault.aeadFor("C-25");
      assertEquals(25, engine.assess(Person.class).subjects());
      assertTrue(engine.assess(Person.class).highRisk());
    }
  }

  /** A data type with personal information, for the CLS-3 check. */
  record Person(@org.govdatasec.core.annotation.DataSubjectId String citizenNo,
      @org.govdatasec.core.annotation.PersonalInfo(org.govdatasec.core.classification.PiCategory.NAME) String name) {}

  @Test
  @DisplayName("Bad input: subject ids, ciphertexts, builder settings; no secret in any message")
  void badInput() throws Exception {
    try (SubjectKeyVault vault = open()) {
      assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> vault.aeadFor(null)));
      assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> vault.aeadFor(" ")));
      assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> vault.aeadFor("x".repeat(201))));
      Aead a = vault.aeadFor("A-1");
      Aead b = vault.aeadFor("B-2");
      byte[] ct = a.encrypt(utf8("450103198203150311"), null);
      assertEquals(CryptoError.UNKNOWN_KEY_ID, code(() -> b.decrypt(ct, null)), "another subject's value");
      assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> a.decrypt(null, null)));
      assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> a.decrypt(new byte[0], null)));
      assertEquals(CryptoError.UNKNOWN_VERSION, code(() -> a.decrypt(utf8("not a ciphertext at all, just text"), null)));
      assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> a.decrypt(java.util.Arrays.copyOf(ct, 20), null)));
      byte[] tampered = ct.clone();
      tampered[10] ^= 4;
      CryptoException e = assertThrows(CryptoException.class, () -> a.decrypt(tampered, null));
      assertEquals(CryptoError.DECRYPTION_FAILED, e.error());
      assertFalse(e.getMessage().contains("450103198203150311"));
      assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> a.encrypt(null, null)));
      assertFalse(vault.toString().contains("password"));
    }
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> SubjectKeyVault.builder().h2File(db).tombstoneFile(tombstones).build()));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> SubjectKeyVault.builder().kek(kek).h2File(db).build()));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> SubjectKeyVault.builder().kek(kek).tombstoneFile(tombstones).build()));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> SubjectKeyVault.builder().jdbcUrl("h2:mem:x", null, null)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> SubjectKeyVault.builder().cacheSize(-1)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> SubjectKeyVault.builder().cacheExpiry(Duration.ZERO)));
    CryptoException e = assertThrows(CryptoException.class, () -> SubjectKeyVault.builder().kek(kek)
        .tombstoneFile(tombstones).jdbcUrl("jdbc:nosuchdb:x;password=hunter2", "u", "hunter2").build());
    assertEquals(CryptoError.VAULT_FAILURE, e.error());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  @DisplayName("The tombstone file: a torn last line is cut off; an edited line fails closed (GDS-CRYPTO-016)")
  void tombstoneFileDamage() throws Exception {
    try (SubjectKeyVault vault = open()) {
      vault.aeadFor("A-1");
      vault.aeadFor("B-2");
      vault.destroy("A-1");
    }
    long size = Files.size(tombstones);
    Files.writeString(tombstones, "t 00ab", StandardOpenOption.APPEND); // a crash in the middle of an append
    try (SubjectKeyVault vault = open()) {
      assertEquals(size, Files.size(tombstones));
      assertTrue(vault.isDestroyed("A-1"));
      vault.existingAeadFor("B-2");
    }
    Files.writeString(tombstones, "t nonsense\n", StandardOpenOption.APPEND);
    assertEquals(CryptoError.VAULT_FAILURE, code(this::open));
  }

  private static long count(Connection c) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM gds_subject_keys")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String[] row(Connection c, String subject) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT key_id, wrapped_key FROM gds_subject_keys WHERE subject_id = ?")) {
      ps.setString(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return new String[] {String.valueOf(rs.getInt(1)), rs.getString(2)};
      }
    }
  }
}
