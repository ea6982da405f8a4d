package org.govdatasec.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.govdatasec.audit.internal.Checkpoints;
import org.govdatasec.audit.internal.CompactRange;
import org.govdatasec.audit.internal.EventCodec;
import org.govdatasec.audit.internal.JsonCheck;
import org.govdatasec.audit.internal.LogFiles;
import org.govdatasec.audit.internal.SegmentReader;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.crypto.Sm2PublicKey;
import org.govdatasec.crypto.Sm2Verifier;
import org.govdatasec.crypto.Sm3;

/**
 * Verifies an audit log directory with nothing but the public key (AU-2): every line (UTF-8, JSON, layout,
 * stored leaf hash), sequence continuity, log-time order, the Merkle root at every checkpoint, every SM2
 * signature, and that no signed entry was cut off. Reports the first problem by sequence number and its
 * {@link Tamper kind}.
 *
 * <p>Locating: an edited entry whose stored leaf hash was left alone is located exactly; a forger who also
 * recomputes the stored hash is still caught by the next checkpoint's root, and located to the range
 * between the last matching checkpoint and that one. Entries after the latest checkpoint are checked line
 * by line but are not yet signed.
 */
public final class AuditVerifier {
  /** Bytes read per block: about 13,000 typical lines, checked in parallel slices. */
  static final int BLOCK_BYTES = 8 << 20;
  /** Slices per block: a few per core, so that a core slowed by other work does not hold up the block. */
  static final int TASKS = 4 * Runtime.getRuntime().availableProcessors();
  /** The largest subtree hashed as one parallel unit: 2^9 = 512 leaves. */
  static final int UNIT_HEIGHT = 9;

  private AuditVerifier() {}

  /**
   * Verifies a log directory.
   *
   * @param dir the directory
   * @param key the log's public key
   * @return the report
   * @throws org.govdatasec.core.audit.AuditException {@code GDS-AUDIT-014} if the directory cannot be read
   */
  public static VerificationReport verify(Path dir, Sm2PublicKey key) {
    return verify(dir, key, TASKS, BLOCK_BYTES, UNIT_HEIGHT);
  }

  /**
   * Verifies with explicit parallelism, for tests: any setting gives the same report.
   *
   * @param dir the directory
   * @param key the public key
   * @param tasks slices per block (1: one thread)
   * @param blockBytes bytes read per block
   * @param unitHeight the height of the largest subtree hashed as one unit (0: leaf by leaf)
   * @return the report
   */
  static VerificationReport verify(Path dir, Sm2PublicKey key, int tasks, int blockBytes, int unitHeight) {
    try {
      return new Run(dir, Sm2Verifier.create(key), tasks, blockBytes, unitHeight).run();
    } catch (IOException e) {
      throw AuditError.UNREADABLE_INPUT.exception("Cannot read the audit log in " + dir + ": " + e, e);
    }
  }

  private static final class Run {
    final Path dir;
    final Sm2Verifier verifier;
    final List<VerificationReport.Problem> problems = new ArrayList<>();
    final List<Checkpoint> cps = new ArrayList<>();
    CompactRange frontier = new CompactRange();
    long base;
    int cpIndex;
    long lastGoodCheckpoint;
    String lastAt = "";
    VerificationReport.Problem lineProblem;
    long events;
    List<Long> restSeqs;
    long anomalyExpected;
    int goodCheckpoints;
    long signedSize;

    final int tasks;
    final int blockBytes;
    final int unitHeight;

    Run(Path dir, Sm2Verifier verifier, int tasks, int blockBytes, int unitHeight) {
      this.dir = dir;
      this.verifier = verifier;
      this.tasks = tasks;
      this.blockBytes = blockBytes;
      this.unitHeight = unitHeight;
    }

    VerificationReport run() throws IOException {
      if (!Files.isDirectory(dir)) {
        throw new IOException(dir + " is not a directory");
      }
      Path pruned = dir.resolve(LogFiles.PRUNED);
      if (Files.exists(pruned)) {
        try {
          Checkpoints.Pruned p = Checkpoints.readPruned(pruned);
          base = p.size();
          frontier = p.frontier().copy();
          lastAt = p.lastAt();
        } catch (IOException e) {
          return report(new VerificationReport.Problem(0, Tamper.MALFORMED, e.getMessage()));
        }
      }
      lastGoodCheckpoint = base;
      readCheckpoints();
      List<Path> segs = LogFiles.segments(dir);
      long expected = base;
      for (Path seg : segs) {
        if (lineProblem != null || restSeqs != null) {
          collectSeqs(seg);
          continue;
        }
        long first = LogFiles.firstSeq(seg);
        if (first != frontier.size()) {
          if (first > frontier.size()) {
            lineProblem = new VerificationReport.Problem(frontier.size(), Tamper.DELETED, "segment "
                + seg.getFileName() + " starts at " + first + " but the previous entries end before "
                + frontier.size());
          } else {
            lineProblem = new VerificationReport.Problem(frontier.size(), Tamper.INSERTED, "segment "
                + seg.getFileName() + " starts at " + first + ", overlapping entries before " + frontier.size());
          }
          continue;
        }
        scanSegment(seg);
        expected = frontier.size();
      }
      if (restSeqs != null) {
        lineProblem = classify(anomalyExpected, restSeqs);
      }
      // Checkpoints never reached: the log was cut after them.
      for (int i = cpIndex; i < cps.size() && lineProblem == null; i++) {
        Checkpoint cp = cps.get(i);
        if (cp.size() > frontier.size()) {
          problems.add(new VerificationReport.Problem(frontier.size(), Tamper.TRUNCATED, "checkpoint #" + (i + 1)
              + " covers " + cp.size() + " entries but only " + frontier.size() + " are present"));
          break;
        }
      }
      if (lineProblem != null) {
        problems.add(lineProblem);
      }
      VerificationReport.Problem first = problems.stream()
          .min((a, b) -> Long.compare(a.seq(), b.seq())).orElse(null);
      events = expected - base;
      return report(first);
    }

    VerificationReport report(VerificationReport.Problem p) {
      return new VerificationReport(base, frontier.size() - base, goodCheckpoints, signedSize, p);
    }

    void readCheckpoints() throws IOException {
      Path file = dir.resolve(LogFiles.CHECKPOINTS);
      if (!Files.exists(file)) {
        return;
      }
      // Parse every line first, check the SM2 signatures in parallel (each costs about a millisecond), then
      // judge the lines in file order exactly as a one-by-one pass would.
      List<Checkpoint> parsed = new ArrayList<>();
      long end = SegmentReader.read(file, (b, off, len, fo) -> {
        Checkpoint cp;
        try {
          cp = Checkpoints.parse(EventCodec.tree(b, off, len));
        } catch (IOException | RuntimeException e) {
          cp = null;
        }
        parsed.add(cp);
        return true;
      });
      boolean[] signed = new boolean[parsed.size()];
      parallel(parsed.size(), i -> signed[i] = parsed.get(i) != null && parsed.get(i).verify(verifier));
      for (int i = 0; i < parsed.size(); i++) {
        Checkpoint cp = parsed.get(i);
        int line = i + 1;
        if (cp == null) {
          problems.add(new VerificationReport.Problem(cps.isEmpty() ? base : cps.get(cps.size() - 1).size(),
              Tamper.MALFORMED, "checkpoint line " + line + " is not a checkpoint"));
        } else if (!signed[i]) {
          problems.add(new VerificationReport.Problem(cp.size(), Tamper.BAD_SIGNATURE, "checkpoint line " + line
              + " (size " + cp.size() + ") has a signature that does not verify under the given key"));
        } else if (!cps.isEmpty() && cp.size() < cps.get(cps.size() - 1).size()) {
          problems.add(new VerificationReport.Problem(cp.size(), Tamper.REORDERED, "checkpoint line " + line
              + " (size " + cp.size() + ") is smaller than the one before it"));
        } else {
          cps.add(cp);
        }
      }
      if (end < Files.size(file)) {
        problems.add(new VerificationReport.Problem(cps.isEmpty() ? base : cps.get(cps.size() - 1).size(),
            Tamper.MALFORMED, "the checkpoints file ends with an unterminated line"));
      }
      // Checkpoints of a pruned prefix cannot be recomputed: their signatures were checked above.
      while (cpIndex < cps.size() && cps.get(cpIndex).size() < base) {
        goodCheckpoints++;
        signedSize = Math.max(signedSize, cps.get(cpIndex).size());
        cpIndex++;
      }
      checkCheckpointsAt(base);
    }

    void checkCheckpointsAt(long size) {
      while (cpIndex < cps.size() && cps.get(cpIndex).size() == size) {
        Checkpoint cp = cps.get(cpIndex++);
        byte[] root = frontier.root();
        if (!Arrays.equals(root, cp.root())) {
          problems.add(new VerificationReport.Problem(lastGoodCheckpoint, Tamper.MODIFIED, "the Merkle root of entries"
              + " 0.." + (size - 1) + " differs from checkpoint " + cpIndex + "'s signed root: an entry in "
              + lastGoodCheckpoint + ".." + (size - 1) + " was changed (and its stored hash recomputed)"));
        } else {
          lastGoodCheckpoint = size;
          goodCheckpoints++;
          signedSize = size;
        }
      }
    }

    /**
     * Per-line results of one slice of a block, computed in parallel: everything that does not depend on
     * earlier lines (UTF-8, line layout, event JSON, the leaf hash and whether it matches the stored one).
     */
    static final class Slice {
      final int from;
      final int to;
      int count;
      String[] errors = new String[64];
      long[] seqs = new long[64];
      String[] ats = new String[64];
      boolean[] leafOk = new boolean[64];
      byte[] leaves = new byte[64 * Merkle.HASH_BYTES];

      Slice(int from, int to) {
        this.from = from;
        this.to = to;
      }

      void grow() {
        int n = errors.length * 2;
        errors = Arrays.copyOf(errors, n);
        seqs = Arrays.copyOf(seqs, n);
        ats = Arrays.copyOf(ats, n);
        leafOk = Arrays.copyOf(leafOk, n);
        leaves = Arrays.copyOf(leaves, n * Merkle.HASH_BYTES);
      }

      /** Checks every line of {@code b[from, to)} (whole lines, each ending with a newline). */
      void run(byte[] b, Path seg, long fileBase) {
        Sm3 sm3 = Sm3.newHasher();
        LogFiles.Line line = new LogFiles.Line();
        int start = from;
        while (start < to) {
          int i = LogFiles.indexOfNewline(b, start, to);
          if (count == errors.length) {
            grow();
          }
          check(b, start, i - start, seg, fileBase + start, line, sm3, count);
          count++;
          start = i + 1;
        }
      }

      void check(byte[] b, int off, int len, Path seg, long fo, LogFiles.Line line, Sm3 sm3, int k) {
        int bad = LogFiles.invalidUtf8(b, off, len);
        if (bad >= 0) {
          errors[k] = "invalid UTF-8 at byte " + bad + " of the line in " + seg.getFileName() + " at offset " + fo;
          return;
        }
        String err = LogFiles.parseLine(b, off, len, line);
        if (err == null) {
          err = checkEventJson(b, line.eventOff, line.eventLen);
        }
        if (err != null) {
          errors[k] = err + " (" + seg.getFileName() + " offset " + fo + ")";
          return;
        }
        seqs[k] = line.seq;
        ats[k] = new String(b, line.atOff, LogFiles.AT_LENGTH, StandardCharsets.US_ASCII);
        int entryLen = line.eventOff + line.eventLen - off;
        byte[] leaf = sm3.update((byte) 0).update(b, off, entryLen).update((byte) '}').digest();
        System.arraycopy(leaf, 0, leaves, k * Merkle.HASH_BYTES, Merkle.HASH_BYTES);
        leafOk[k] = hexEquals(b, line.leafOff, leaf);
      }
    }

    /** Compares 64 lower-case hex digits (already checked to be hex) with 32 bytes, without allocating. */
    static boolean hexEquals(byte[] b, int off, byte[] hash) {
      int diff = 0;
      for (int i = 0; i < hash.length; i++) {
        diff |= (nibble(b[off + 2 * i]) << 4 | nibble(b[off + 2 * i + 1])) ^ (hash[i] & 0xff);
      }
      return diff == 0;
    }

    private static int nibble(byte c) {
      return NIBBLES[c & 0x7f];
    }

    private static final int[] NIBBLES = new int[128];

    static {
      for (int c = 0; c < 10; c++) {
        NIBBLES['0' + c] = c;
      }
      for (int c = 0; c < 6; c++) {
        NIBBLES['a' + c] = 10 + c;
      }
    }

    /** Splits {@code b[0, len)} into about {@code n} slices of whole lines. */
    static Slice[] slices(byte[] b, int len, int n) {
      List<Slice> out = new ArrayList<>();
      int from = 0;
      for (int t = 1; t <= n && from < len; t++) {
        int to = t == n ? len : Math.max(from + 1, (int) ((long) len * t / n));
        while (to < len && b[to - 1] != '\n') {
          to++;
        }
        if (to > from) {
          out.add(new Slice(from, to));
          from = to;
        }
      }
      return out.toArray(new Slice[0]);
    }

    void scanSegment(Path seg) throws IOException {
      long end = SegmentReader.readBlocks(seg, blockBytes, (b, len, fileBase) -> {
        Slice[] slices = slices(b, len, tasks);
        parallel(slices.length, t -> slices[t].run(b, seg, fileBase));
        long start = frontier.size();
        byte[] good = new byte[0];
        int goodCount = 0;
        boolean stop = false;
        for (Slice s : slices) {
          int k = 0;
          for (; k < s.count && !stop; k++) {
            if (restSeqs != null) {
              restSeqs.add(s.errors[k] == null ? s.seqs[k] : -1);
              continue;
            }
            long expected = start + goodCount;
            if (s.errors[k] != null) {
              lineProblem = new VerificationReport.Problem(expected, Tamper.MALFORMED, s.errors[k]);
              stop = true;
            } else if (s.seqs[k] != expected) {
              anomalyExpected = expected;
              restSeqs = new ArrayList<>();
              restSeqs.add(s.seqs[k]);
            } else if (!s.leafOk[k]) {
              lineProblem = new VerificationReport.Problem(expected, Tamper.MODIFIED, "the entry's content does"
                  + " not match its stored leaf hash");
              stop = true;
            } else if (s.ats[k].compareTo(lastAt) < 0) {
              lineProblem = new VerificationReport.Problem(expected, Tamper.REORDERED, "log time " + s.ats[k]
                  + " is before the previous entry's " + lastAt);
              stop = true;
            } else {
              lastAt = s.ats[k];
              if (good.length < (goodCount + s.count) * Merkle.HASH_BYTES) {
                good = Arrays.copyOf(good, Math.max(good.length * 2, (goodCount + s.count) * Merkle.HASH_BYTES));
              }
              System.arraycopy(s.leaves, k * Merkle.HASH_BYTES, good, goodCount * Merkle.HASH_BYTES,
                  Merkle.HASH_BYTES);
              goodCount++;
            }
          }
        }
        appendLeaves(good, goodCount);
        return !stop;
      });
      if (lineProblem == null && restSeqs == null && end < Files.size(seg)) {
        lineProblem = new VerificationReport.Problem(frontier.size(), Tamper.MALFORMED, "an unterminated line at offset "
            + end + " of " + seg.getFileName() + " (a torn write not yet recovered, or a cut)");
      }
    }

    /**
     * Appends verified leaves to the tree and checks every checkpoint they reach, exactly as appending them
     * one by one would: the range is cut at every checkpoint size and split into aligned perfect subtrees
     * of at most {@code 2^unitHeight} leaves, whose roots are hashed in parallel and then appended whole.
     */
    void appendLeaves(byte[] leaves, int count) {
      if (count == 0) {
        return;
      }
      long start = frontier.size();
      long end = start + count;
      List<long[]> units = new ArrayList<>();
      long a = start;
      for (int i = cpIndex; a < end; i++) {
        long cut = i < cps.size() && cps.get(i).size() < end ? Math.max(a, cps.get(i).size()) : end;
        while (a < cut) {
          int h = Math.min(unitHeight, a == 0 ? 62 : Long.numberOfTrailingZeros(a));
          while ((1L << h) > cut - a) {
            h--;
          }
          units.add(new long[] {a - start, h});
          a += 1L << h;
        }
      }
      byte[][] roots = new byte[units.size()][];
      parallel(units.size(), u -> {
        long[] unit = units.get(u);
        roots[u] = subtreeRoot(leaves, (int) unit[0], (int) unit[1]);
      });
      for (int u = 0; u < roots.length; u++) {
        frontier.appendSubtree(roots[u], (int) units.get(u)[1]);
        checkCheckpointsAt(frontier.size());
      }
    }

    /** The Merkle Tree Hash of the perfect subtree of {@code 2^height} leaves starting at leaf {@code first}. */
    static byte[] subtreeRoot(byte[] leaves, int first, int height) {
      Sm3 sm3 = Sm3.newHasher();
      byte[][] stack = new byte[height + 1][];
      int depth = 0;
      for (int j = 0; j < 1 << height; j++) {
        byte[] h = Arrays.copyOfRange(leaves, (first + j) * Merkle.HASH_BYTES, (first + j + 1) * Merkle.HASH_BYTES);
        for (int m = j; (m & 1) == 1; m >>= 1) {
          h = sm3.update((byte) 1).update(stack[--depth]).update(h).digest();
        }
        stack[depth++] = h;
      }
      return stack[0];
    }

    /** Runs {@code n} tasks on the common pool, the calling thread helping (in order on it if tasks is 1). */
    void parallel(int n, java.util.function.IntConsumer task) {
      if (n == 1 || tasks == 1) {
        for (int i = 0; i < n; i++) {
          task.accept(i);
        }
      } else if (n > 1) {
        java.util.stream.IntStream.range(0, n).parallel().forEach(task);
      }
    }

    void collectSeqs(Path seg) throws IOException {
      if (restSeqs == null) {
        return;
      }
      LogFiles.Line line = new LogFiles.Line();
      SegmentReader.read(seg, (b, off, len, fo) -> {
        restSeqs.add(quickSeq(b, off, len, line));
        return true;
      });
    }

    static long quickSeq(byte[] b, int off, int len, LogFiles.Line line) {
      return LogFiles.parseLine(b, off, len, line) == null ? line.seq : -1;
    }

    static VerificationReport.Problem classify(long e, List<Long> rest) {
      long s = rest.get(0);
      boolean eLater = rest.contains(e);
      if (s < e) {
        return new VerificationReport.Problem(e, Tamper.INSERTED, "an entry carrying seq " + s + " stands where seq "
            + e + " belongs");
      }
      if (!eLater) {
        return new VerificationReport.Problem(e, Tamper.DELETED, "seq " + e + (s > e + 1 ? ".." + (s - 1) : "")
            + " missing: the next entry present is seq " + s);
      }
      long[] sorted = rest.stream().mapToLong(Long::longValue).sorted().toArray();
      boolean permutation = true;
      for (int i = 0; i < sorted.length; i++) {
        if (sorted[i] != e + i) {
          permutation = false;
          break;
        }
      }
      if (permutation) {
        return new VerificationReport.Problem(e, Tamper.REORDERED, "seq " + s + " stands where seq " + e
            + " belongs; seq " + e + " comes later");
      }
      return new VerificationReport.Problem(e, Tamper.INSERTED, "an entry carrying seq " + s + " stands where seq "
          + e + " belongs, and the sequence does not continue");
    }

    static String checkEventJson(byte[] b, int off, int len) {
      if (JsonCheck.surelyValidObject(b, off, len)) {
        return null;
      }
      try (JsonParser p = EventCodec.FACTORY.createParser(b, off, len)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return "the event is not a JSON object";
        }
        p.skipChildren();
        if (p.nextToken() != null) {
          return "trailing data after the event object";
        }
        return null;
      } catch (IOException e) {
        return "the event is not valid JSON: " + e.getMessage().lines().findFirst().orElse("");
      }
    }
  }

  /**
   * Returns the hex form of a hash, for reports.
   *
   * @param hash the hash
   * @return lower-case hex
   */
  static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }
}
