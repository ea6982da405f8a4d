package org.govdatasec.crypto.keys;

import static org.govdatasec.crypto.keys.KeysetTest.code;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.keys.Reencryptor.Checkpoint;
import org.govdatasec.crypto.keys.Reencryptor.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resumable, idempotent re-encryption after rotation, in memory and on an H2 table, with crashes (ST-2). */
class ReencryptorTest {

  /** A power cut: thrown by a sink in the middle of a page. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash");
    }
  }

  private static byte[] ad(String key) {
    return ("registry.citizen.name/" + key).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] plain(String key) {
    return ("value of " + key).getBytes(StandardCharsets.UTF_8);
  }

  /** An in-memory table whose sink applies rows and checkpoint together, or crashes on a chosen call. */
  static final class MemoryTable implements Reencryptor.RowSource, Reencryptor.RowSink {
    final TreeMap<String, byte[]> rows = new TreeMap<>();
    Checkpoint stored = Checkpoint.START;
    int writes;
    int crashOnWrite = -1;
    boolean crashAfterRows;

    @Override
    public List<Row> page(String afterKey, int limit) {
      Map<String, byte[]> tail = afterKey == null ? rows : rows.tailMap(afterKey, false);
      List<Row> out = new ArrayList<>();
      for (Map.Entry<String, byte[]> e : tail.entrySet()) {
        if (out.size() == limit) {
          break;
        }
        out.add(new Row(e.getKey(), e.getValue(), ad(e.getKey())));
      }
      return out;
    }

    @Override
    public void write(List<Row> reencrypted, Checkpoint checkpoint) {
      if (writes++ == crashOnWrite && !crashAfterRows) {
        throw new Crash(); // nothing of this page is applied: as a rolled-back transaction
      }
      reencrypted.forEach(r -> rows.put(r.key(), r.ciphertext()));
      if (writes - 1 == crashOnWrite) {
        throw new Crash(); // rows applied, checkpoint lost: a sink that stores the checkpoint separately
      }
      stored = checkpoint;
    }
  }

  @Property(tries = 40, seed = "20261201")
  void crashAndResumeReencryptsEveryRowExactlyOnce(@ForAll @IntRange(min = 0, max = 120) int rows,
      @ForAll @IntRange(min = 1, max = 17) int pageSize, @ForAll @IntRange(min = 0, max = 40) int crashOnWrite,
      @ForAll @IntRange(min = 0, max = 3) int everyNthAlreadyNew, @ForAll boolean transactional) {
    Keyset old = Keyset.generate("reencrypt");
    Keyset rotated = old.withNewPrimary();
    MemoryTable table = new MemoryTable();
    int alreadyNew = 0;
    for (int i = 0; i < rows; i++) {
      String key = String.format("row-%05d", i);
      boolean isNew = everyNthAlreadyNew > 0 && i % (everyNthAlreadyNew + 1) == 0;
      alreadyNew += isNew ? 1 : 0;
      table.rows.put(key, (isNew ? rotated : old).aead().encrypt(plain(key), ad(key)));
    }
    table.crashOnWrite = crashOnWrite;
    table.crashAfterRows = !transactional;
    Reencryptor r = Reencryptor.builder(rotated.aead()).pageSize(pageSize).build();
    Checkpoint done;
    try {
      done = r.run(table, table, Checkpoint.START);
    } catch (Crash c) {
      assertTrue(crashOnWrite <= rows / pageSize, "crashed only where a page was written");
      done = r.run(table, table, table.stored); // resume from what the sink stored
    }
    table.crashOnWrite = -1;
    assertTrue(done.finished());
    assertEquals(rows, done.processed(), "no row skipped, none processed twice by the counts");
    assertEquals(0, done.failed());
    if (transactional) {
      assertEquals(rows - alreadyNew, done.reencrypted());
      assertEquals(alreadyNew, done.skipped());
    } else {
      assertTrue(done.reencrypted() <= rows - alreadyNew);
    }
    for (Map.Entry<String, byte[]> e : table.rows.entrySet()) {
      assertFalse(rotated.aead().needsReencryption(e.getValue()), e.getKey());
      assertArrayEquals(plain(e.getKey()), rotated.aead().decrypt(e.getValue(), ad(e.getKey())));
    }
    Checkpoint again = r.run(table, table, Checkpoint.START);
    assertEquals(new Checkpoint(again.lastKey(), 0, rows, 0, true), again, "idempotent: a re-run skips every row");
  }

  @Test
  @DisplayName("Rows that do not decrypt are left untouched and counted as failed; the run goes on")
  void failedRowsAreCounted() {
    Keyset old = Keyset.generate("fail");
    Keyset rotated = old.withNewPrimary();
    MemoryTable table = new MemoryTable();
    for (int i = 0; i < 10; i++) {
      String key = "k" + i;
      table.rows.put(key, old.aead().encrypt(plain(key), ad(key)));
    }
    byte[] tampered = table.rows.get("k3").clone();
    tampered[tampered.length - 1] ^= 1;
    table.rows.put("k3", tampered);
    table.rows.put("k5", "not ours".getBytes(StandardCharsets.UTF_8));
    table.rows.put("k7", Keyset.generate("other").aead().encrypt(plain("k7"), ad("k7")));
    List<String> failures = new ArrayList<>();
    Checkpoint done = Reencryptor.builder(rotated.aead()).pageSize(4)
        .onFailure((key, e) -> failures.add(key + " " + e.code())).build().run(table, table, Checkpoint.START);
    assertEquals(new Checkpoint("k9", 7, 0, 3, true), done);
    assertEquals(List.of("k3 GDS-CRYPTO-003", "k5 GDS-CRYPTO-005", "k7 GDS-CRYPTO-006"), failures);
    assertArrayEquals(tampered, table.rows.get("k3"), "a failed row is left as it was");
  }

  @Test
  @DisplayName("Bad input: page size, null arguments, a source that breaks its contract")
  void badInput() {
    KeysetAead aead = Keyset.generate("bad").aead();
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> Reencryptor.builder(null)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> Reencryptor.builder(aead).pageSize(0)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> Reencryptor.builder(aead).onFailure(null)));
    Reencryptor r = Reencryptor.builder(aead).pageSize(2).build();
    Reencryptor.RowSink sink = (rows, cp) -> { };
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> r.run(null, sink, Checkpoint.START)));
    byte[] ct = aead.encrypt(new byte[1], null);
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> r.run((k, n) -> List.of(new Row("a", ct, null),
        new Row("b", ct, null), new Row("c", ct, null)), sink, Checkpoint.START)), "more rows than asked");
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> r.run((k, n) -> List.of(new Row("a", ct, null),
        new Row("a", ct, null)), sink, Checkpoint.START)), "a repeated key");
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> r.run((k, n) -> List.of(new Row("a", ct, null)),
        sink, new Checkpoint("a", 0, 0, 0, false))), "a page that repeats the last key would loop");
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> new Row(null, ct, null)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> new Checkpoint(null, -1, 0, 0, false)));
    assertTrue(new Row("k", ct, null).toString().matches("Row\\[k, \\d+ bytes]"));
  }

  @Test
  @DisplayName("ST-2: 3,000 rows of an H2 table, a crash mid-run (transaction rolled back), resume from the stored checkpoint")
  void h2TableCrashAndResume(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("agency").toAbsolutePath();
    Keyset old = Keyset.generate("h2-fields");
    Keyset rotated = old.withNewPrimary();
    int rows = 3000;
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("CREATE TABLE citizen (id VARCHAR(20) PRIMARY KEY, name_ct VARBINARY(200) NOT NULL)");
        s.executeUpdate("CREATE TABLE reencryption_job (job VARCHAR(40) PRIMARY KEY, last_key VARCHAR(20), "
            + "reencrypted BIGINT, skipped BIGINT, failed BIGINT, finished BOOLEAN)");
      }
      c.setAutoCommit(false);
      KeysetAead oldAead = old.aead();
      KeysetAead newAead = rotated.aead();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO citizen VALUES (?, ?)")) {
        for (int i = 0; i < rows; i++) {
          String id = String.format("NN-%07d", i);
          ps.setString(1, id);
          ps.setBytes(2, (i % 10 == 0 ? newAead : oldAead).encrypt(plain(id), ad(id)));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();

      H2Job job = new H2Job(c);
      Reencryptor r = Reencryptor.builder(rotated.aead()).pageSize(250).build();
      job.crashOnPage = 5;
      assertThrows(Crash.class, () -> r.run(job, job, job.load()));
      Checkpoint afterCrash = job.load();
      assertEquals(String.format("NN-%07d", 4 * 250 - 1), afterCrash.lastKey(), "4 pages committed");
      assertEquals(4 * 250, afterCrash.processed());
      assertEquals(4 * 250 - 4 * 25, afterCrash.reencrypted());

      Checkpoint done = Reencryptor.builder(rotated.aead()).pageSize(250).build().run(job, job, job.load());
      assertEquals(new Checkpoint(String.format("NN-%07d", rows - 1), rows - rows / 10, rows / 10, 0, true), done);
      assertEquals(done, job.load());
      try (ResultSet rs = c.createStatement().executeQuery("SELECT id, name_ct FROM citizen")) {
        int n = 0;
        while (rs.next()) {
          byte[] ct = rs.getBytes(2);
          assertFalse(newAead.needsReencryption(ct));
          assertArrayEquals(plain(rs.getString(1)), newAead.decrypt(ct, ad(rs.getString(1))));
          n++;
        }
        assertEquals(rows, n);
      }
      assertEquals(done, r.run(job, job, done), "a finished run stays finished");
    }
  }

  /** The H2 table as source and sink: each page's updates and its checkpoint commit in one transaction. */
  static final class H2Job implements Reencryptor.RowSource, Reencryptor.RowSink {
    private final Connection c;
    int pages;
    int crashOnPage = -1;

    H2Job(Connection c) {
      this.c = c;
    }

    Checkpoint load() throws SQLException {
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT last_key, reencrypted, skipped, failed, finished FROM reencryption_job WHERE job = 'rotate-2026'")) {
        return rs.next() ? new Checkpoint(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBoolean(5))
            : Checkpoint.START;
      }
    }

    @Override
    public List<Row> page(String afterKey, int limit) {
      String sql = "SELECT id, name_ct FROM citizen" + (afterKey == null ? "" : " WHERE id > ?") + " ORDER BY id LIMIT ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int p = 1;
        if (afterKey != null) {
          ps.setString(p++, afterKey);
        }
        ps.setInt(p, limit);
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Row(rs.getString(1), rs.getBytes(2), ad(rs.getString(1))));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void write(List<Row> reencrypted, Checkpoint cp) {
      try {
        try (PreparedStatement ps = c.prepareStatement("UPDATE citizen SET name_ct = ? WHERE id = ?")) {
          for (Row r : reencrypted) {
            ps.setBytes(1, r.ciphertext());
            ps.setString(2, r.key());
            ps.addBatch();
          }
          ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO reencryption_job KEY (job) VALUES "
            + "('rotate-2026', ?, ?, ?, ?, ?)")) {
          ps.setString(1, cp.lastKey());
          ps.setLong(2, cp.reencrypted());
          ps.setLong(3, cp.skipped());
          ps.setLong(4, cp.failed());
          ps.setBoolean(5, cp.finished());
          ps.executeUpdate();
        }
        if (++pages == crashOnPage) {
          c.rollback(); // the process dies before COMMIT: the database rolls the page back
          throw new Crash();
        }
        c.commit();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
