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
import org.govdatasec.audit.internal.LogFiles;
import org.govdatasec.audit.internal.SegmentReader;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.crypto.Sm2PublicKey;
import org.govdatasec.crypto.Sm2Verifier;

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
    try {
      return new Run(dir, Sm2Verifier.create(key)).run();
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

    Run(Path dir, Sm2Verifier verifier) {
      this.dir = dir;
      this.verifier = verifier;
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
      int[] n = {0};
      long end = SegmentReader.read(file, (b, off, len, fo) -> {
        n[0]++;
        Checkpoint cp;
        try {
          cp = Checkpoints.parse(EventCodec.tree(b, off, len));
        } catch (IOException | RuntimeException e) {
          problems.add(new VerificationReport.Problem(cps.isEmpty() ? base : cps.get(cps.size() - 1).size(),
              Tamper.MALFORMED, "checkpoint line " + n[0] + " is not a checkpoint"));
          return true;
        }
        if (!cp.verify(verifier)) {
          problems.add(new VerificationReport.Problem(cp.size(), Tamper.BAD_SIGNATURE, "checkpoint line " + n[0]
              + " (size " + cp.size() + ") has a signature that does not verify under the given key"));
        } else if (!cps.isEmpty() && cp.size() < cps.get(cps.size() - 1).size()) {
          problems.add(new VerificationReport.Problem(cp.size(), Tamper.REORDERED, "checkpoint line " + n[0]
              + " (size " + cp.size() + ") is smaller than the one before it"));
        } else {
          cps.add(cp);
        }
        return true;
      });
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

    /** Per-line results computed in parallel: everything that does not depend on earlier lines. */
    static final class Checked {
      String error;
      long seq;
      int atOff;
      boolean leafMatches;
      byte[] leaf;
    }

    static Checked check(byte[] b, int off, int len, Path seg, long fo) {
      Checked c = new Checked();
      int bad = LogFiles.invalidUtf8(b, off, len);
      if (bad >= 0) {
        c.error = "invalid UTF-8 at byte " + bad + " of the line in " + seg.getFileName() + " at offset " + fo;
        return c;
      }
      LogFiles.Line line = new LogFiles.Line();
      String err = LogFiles.parseLine(b, off, len, line);
      if (err == null) {
        err = checkEventJson(b, line.eventOff, line.eventLen);
      }
      if (err != null) {
        c.error = err + " (" + seg.getFileName() + " offset " + fo + ")";
        return c;
      }
      c.seq = line.seq;
      c.atOff = line.atOff;
      c.leaf = LogFiles.leafOf(b, off, line);
      c.leafMatches = Arrays.equals(c.leaf, LogFiles.storedLeaf(b, line));
      return c;
    }

    void scanSegment(Path seg) throws IOException {
      long end = SegmentReader.readChunks(seg, (b, starts, lens, offs, count) -> {
        Checked[] results = new Checked[count];
        java.util.stream.IntStream.range(0, count).parallel()
            .forEach(i -> results[i] = check(b, starts[i], lens[i], seg, offs[i]));
        for (int i = 0; i < count; i++) {
          Checked c = results[i];
          if (restSeqs != null) {
            restSeqs.add(c.error == null ? c.seq : -1);
            continue;
          }
          long expected = frontier.size();
          if (c.error != null) {
            lineProblem = new VerificationReport.Problem(expected, Tamper.MALFORMED, c.error);
            return false;
          }
          if (c.seq != expected) {
            anomalyExpected = expected;
            restSeqs = new ArrayList<>();
            restSeqs.add(c.seq);
            continue;
          }
          if (!c.leafMatches) {
            lineProblem = new VerificationReport.Problem(expected, Tamper.MODIFIED, "the entry's content does not"
                + " match its stored leaf hash");
            return false;
          }
          String at = new String(b, c.atOff, LogFiles.AT_LENGTH, StandardCharsets.US_ASCII);
          if (at.compareTo(lastAt) < 0) {
            lineProblem = new VerificationReport.Problem(expected, Tamper.REORDERED, "log time " + at
                + " is before the previous entry's " + lastAt);
            return false;
          }
          lastAt = at;
          frontier.append(c.leaf);
          checkCheckpointsAt(frontier.size());
        }
        return true;
      });
      if (lineProblem == null && restSeqs == null && end < Files.size(seg)) {
        lineProblem = new VerificationReport.Problem(frontier.size(), Tamper.MALFORMED, "an unterminated line at offset "
            + end + " of " + seg.getFileName() + " (a torn write not yet recovered, or a cut)");
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
