package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.govdatasec.audit.internal.LogFiles;
import org.govdatasec.core.testing.MutableClock;
import org.govdatasec.crypto.Sm3;

/**
 * AU-2: the parallel verifier (blocks split in slices, Merkle subtrees hashed as units) gives exactly the
 * report of the one-thread, leaf-by-leaf reference, for every kind of tampering at every position, and
 * block, slice and subtree boundaries falling anywhere.
 */
class ParallelVerifyTest {
  static final int EVENTS = 100;
  /** Not a power of two, so checkpoints cut the aligned subtrees. */
  static final int CHECKPOINT_EVERY = 7;
  /** The checkpoint sizes are 7, 14, ..., 98, and 100 (closing the log signs the rest). */
  static final int LAST_REGULAR = EVENTS / CHECKPOINT_EVERY * CHECKPOINT_EVERY;

  /**
   * Parallel settings: slices per block, block bytes, largest subtree unit height. The 512-byte block is
   * shorter than one line: the reader must grow its buffers.
   */
  static final int[][] SETTINGS = {{3, 4096, 2}, {8, 1 << 16, 9}, {2, 512, 1}, {5, 8 << 20, 3}};

  enum Edit { CONTENT, CONTENT_REHASHED, DUPLICATE, DELETE, SWAP, CUT, BAD_UTF8, BAD_JSON, DUPLICATE_KEY, TORN_TAIL, FORGED_CHECKPOINT }

  static Path root;
  static Path original;

  static synchronized Path original() throws IOException {
    if (original == null) {
      root = Files.createTempDirectory("gds-parallel-verify");
      original = root.resolve("log");
      MutableClock clock = new MutableClock(TestLogs.T0);
      try (AuditLog log = TestLogs.builder(original).clock(clock).checkpointEvery(CHECKPOINT_EVERY).open()) {
        for (int i = 0; i < EVENTS; i++) {
          clock.advance(1000);
          log.append(TestLogs.event(i));
        }
      }
    }
    return original;
  }

  @AfterContainer
  static void deleteAll() throws IOException {
    if (root != null) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  static VerificationReport reference(Path dir) {
    return AuditVerifier.verify(dir, TestLogs.KEY.publicKey(), 1, 1 << 20, 0);
  }

  static VerificationReport parallel(Path dir, int setting) {
    int[] s = SETTINGS[setting];
    return AuditVerifier.verify(dir, TestLogs.KEY.publicKey(), s[0], s[1], s[2]);
  }

  static int counter;

  static Path tampered(Edit edit, int pos) throws IOException {
    Path src = original();
    Path dir = root.resolve("t" + (counter++));
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(src)) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    Path seg = LogFiles.segments(dir).get(0);
    List<String> l = new ArrayList<>(Files.readAllLines(seg, StandardCharsets.UTF_8));
    byte[] raw = null;
    switch (edit) {
      case CONTENT -> l.set(pos, l.get(pos).replace("\"clerk\"", "\"admin\""));
      case CONTENT_REHASHED -> {
        String line = l.get(pos).replace("\"clerk\"", "\"admin\"");
        String entry = line.substring(0, line.length() - LogFiles.LEAF_SUFFIX) + "}";
        String leaf = HexFormat.of().formatHex(Sm3.hash(("\0" + entry).getBytes(StandardCharsets.UTF_8)));
        l.set(pos, line.substring(0, line.length() - 66) + leaf + "\"}");
      }
      case DUPLICATE -> l.add(pos, l.get(pos));
      case DELETE -> l.remove(pos);
      case SWAP -> Collections.swap(l, pos, (pos + 1) % EVENTS);
      case CUT -> l.subList(pos, EVENTS).clear();
      case DUPLICATE_KEY -> l.set(pos, l.get(pos).replace("\"role\":\"clerk\"", "\"role\":\"clerk\",\"role\":\"x\""));
      case BAD_JSON -> l.set(pos, l.get(pos).replace("\"action\":\"", "\"action\":\"\t"));
      case BAD_UTF8 -> {
        String joined = String.join("\n", l) + "\n";
        raw = joined.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int n = 0; n < pos; start++) {
          if (raw[start] == '\n') {
            n++;
          }
        }
        raw[start + 40] = (byte) 0xff;
      }
      case FORGED_CHECKPOINT -> {
        // Checkpoint number pos % 15 claims one entry less: its signature no longer verifies.
        Path cpFile = dir.resolve(LogFiles.CHECKPOINTS);
        List<String> cps = new ArrayList<>(Files.readAllLines(cpFile, StandardCharsets.UTF_8));
        int k = pos % cps.size();
        int size = forgedSize(pos);
        cps.set(k, cps.get(k).replace("\"size\":" + (size + 1) + ",", "\"size\":" + size + ","));
        Files.write(cpFile, (String.join("\n", cps) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      case TORN_TAIL -> {
        // A torn write: part of a line (pos bytes of line 0) with no newline, after the last entry.
        String joined = String.join("\n", l) + "\n" + l.get(0).substring(0, 1 + pos);
        raw = joined.getBytes(StandardCharsets.UTF_8);
      }
      default -> throw new IllegalStateException();
    }
    Files.write(seg, raw != null ? raw : (String.join("\n", l) + (l.isEmpty() ? "" : "\n"))
        .getBytes(StandardCharsets.UTF_8));
    return dir;
  }

  @Property(seed = "20241125", tries = 120)
  @Label("AU-2: the parallel verifier reports exactly what the sequential one does, at every tampering position")
  void sameFirstProblem(@ForAll Edit edit, @ForAll @IntRange(min = 0, max = EVENTS - 1) int pos,
      @ForAll @IntRange(min = 0, max = 3) int setting) {
    Path dir;
    try {
      dir = tampered(edit, pos);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    VerificationReport expected = reference(dir);
    VerificationReport actual = parallel(dir, setting);
    assertEquals(expected, actual, "setting " + setting + ": " + actual.summary() + " vs " + expected.summary());
    assertEquals(expected, AuditVerifier.verify(dir, TestLogs.KEY.publicKey()), "default setting");
    // And the reference itself locates what it must.
    switch (edit) {
      case CONTENT -> expect(expected, Tamper.MODIFIED, pos);
      case BAD_UTF8, BAD_JSON, DUPLICATE_KEY -> expect(expected, Tamper.MALFORMED, pos);
      case TORN_TAIL -> expect(expected, Tamper.MALFORMED, EVENTS);
      case FORGED_CHECKPOINT -> expect(expected, Tamper.BAD_SIGNATURE, forgedSize(pos));
      case CONTENT_REHASHED -> expect(expected, Tamper.MODIFIED, pos / CHECKPOINT_EVERY * CHECKPOINT_EVERY);
      case CUT -> expect(expected, Tamper.TRUNCATED, pos);
      case DUPLICATE -> expect(expected, Tamper.INSERTED, pos + 1);
      case DELETE -> expect(expected, pos < EVENTS - 1 ? Tamper.DELETED : Tamper.TRUNCATED, pos);
      case SWAP -> expect(expected, Tamper.REORDERED, Math.min(pos, (pos + 1) % EVENTS));
      default -> throw new IllegalStateException();
    }
  }

  /** The size the forged checkpoint claims: one less than checkpoint {@code pos % 15}'s. */
  static int forgedSize(int pos) {
    int k = pos % (LAST_REGULAR / CHECKPOINT_EVERY + 1);
    return (k < LAST_REGULAR / CHECKPOINT_EVERY ? (k + 1) * CHECKPOINT_EVERY : EVENTS) - 1;
  }

  static void expect(VerificationReport r, Tamper kind, long seq) {
    assertFalse(r.valid(), "not detected");
    assertEquals(kind, r.problem().kind(), r.problem().toString());
    assertEquals(seq, r.problem().seq(), r.problem().toString());
  }

  @Property(seed = "11", tries = 4)
  @Label("AU-2: an untouched log verifies identically under every setting")
  void cleanLog(@ForAll @IntRange(min = 0, max = 3) int setting) throws IOException {
    VerificationReport r = parallel(original(), setting);
    assertEquals(reference(original()), r);
    assertTrue(r.valid(), r.summary());
    assertEquals(EVENTS, r.events());
    assertEquals(LAST_REGULAR / CHECKPOINT_EVERY + 1, r.checkpoints());
    assertEquals(EVENTS, r.signedSize());
  }
}
