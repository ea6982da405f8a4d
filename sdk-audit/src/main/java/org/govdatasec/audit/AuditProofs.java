package org.govdatasec.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.govdatasec.audit.internal.Checkpoints;
import org.govdatasec.audit.internal.CompactRange;
import org.govdatasec.audit.internal.LogFiles;
import org.govdatasec.audit.internal.SegmentReader;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.core.audit.AuditException;

/**
 * Builds inclusion and consistency proofs from a log directory (AU-2). The proofs are checked against
 * signed {@link Checkpoint} roots; they prove nothing on their own. Run {@link AuditVerifier} first: the
 * proofs use the stored leaf hashes.
 */
public final class AuditProofs {
  private AuditProofs() {}

  /**
   * Proves that an entry is in the tree of a given size.
   *
   * @param dir the log directory
   * @param seq the entry's sequence number
   * @param treeSize the tree size (usually a checkpoint's size)
   * @return the proof
   * @throws AuditException {@code GDS-AUDIT-013} unless {@code firstKept <= seq < treeSize <= log size},
   *     {@code GDS-AUDIT-014} if the log cannot be read
   */
  public static InclusionProof inclusion(Path dir, long seq, long treeSize) {
    Leaves l = load(dir, treeSize);
    if (seq < l.base || seq >= treeSize) {
      throw AuditError.PROOF_UNAVAILABLE.exception("No inclusion proof for seq " + seq + " in a tree of size "
          + treeSize + ": the log holds entries " + l.base + ".." + (l.size() - 1) + ".");
    }
    List<String> path = Merkle.inclusionPath(l::hash, seq, treeSize).stream().map(AuditProofs::hex).toList();
    return new InclusionProof(seq, treeSize, hex(l.leaf(seq)), path);
  }

  /**
   * Proves that the tree of size {@code second} extends the tree of size {@code first}.
   *
   * @param dir the log directory
   * @param first the old size, at least 1
   * @param second the new size
   * @return the proof
   * @throws AuditException {@code GDS-AUDIT-013} unless {@code 1 <= first <= second <= log size} and the
   *     needed subtrees were not pruned, {@code GDS-AUDIT-014} if the log cannot be read
   */
  public static ConsistencyProof consistency(Path dir, long first, long second) {
    Leaves l = load(dir, second);
    if (first < 1 || first > second) {
      throw AuditError.PROOF_UNAVAILABLE.exception("No consistency proof from size " + first + " to size " + second
          + ": give 1 <= first <= second.");
    }
    return new ConsistencyProof(first, second,
        Merkle.consistencyProof(l::hash, first, second).stream().map(AuditProofs::hex).toList());
  }

  /**
   * Computes the root of the tree of a given size from the stored leaves.
   *
   * @param dir the log directory
   * @param treeSize the size
   * @return the root
   * @throws AuditException {@code GDS-AUDIT-013} if the size exceeds the log, {@code GDS-AUDIT-014} if the
   *     log cannot be read
   */
  public static byte[] root(Path dir, long treeSize) {
    Leaves l = load(dir, treeSize);
    return l.hash(0, treeSize);
  }

  /**
   * Reads the checkpoints of a log directory, in order, without checking their signatures (use
   * {@link Checkpoint#verify} or {@link AuditVerifier}).
   *
   * @param dir the log directory
   * @return the checkpoints (empty if none was written)
   * @throws AuditException {@code GDS-AUDIT-014} if the file cannot be read or a line is not a checkpoint
   */
  public static List<Checkpoint> checkpoints(Path dir) {
    Path file = dir.resolve(LogFiles.CHECKPOINTS);
    if (!Files.isDirectory(dir)) {
      throw AuditError.UNREADABLE_INPUT.exception(dir + " is not an audit log directory.");
    }
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      java.util.ArrayList<Checkpoint> out = new java.util.ArrayList<>();
      SegmentReader.read(file, (b, off, len, fo) -> {
        out.add(Checkpoints.parse(org.govdatasec.audit.internal.EventCodec.tree(b, off, len)));
        return true;
      });
      return List.copyOf(out);
    } catch (IOException | RuntimeException e) {
      throw AuditError.UNREADABLE_INPUT.exception("Cannot read the checkpoints in " + dir + ": " + e.getMessage(), e);
    }
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static Leaves load(Path dir, long upTo) {
    try {
      long base = 0;
      CompactRange prefix = new CompactRange();
      Path pruned = dir.resolve(LogFiles.PRUNED);
      if (Files.exists(pruned)) {
        Checkpoints.Pruned p = Checkpoints.readPruned(pruned);
        base = p.size();
        prefix = p.frontier();
      }
      if (upTo < base) {
        throw AuditError.PROOF_UNAVAILABLE.exception("Tree size " + upTo + " lies in the pruned prefix (entries below "
            + base + " were removed).");
      }
      long count = upTo - base;
      if (count > Integer.MAX_VALUE / 32) {
        throw AuditError.PROOF_UNAVAILABLE.exception("Tree size " + upTo + " is too large for an in-memory proof.");
      }
      byte[] leaves = new byte[(int) count * 32];
      long[] n = {0};
      LogFiles.Line line = new LogFiles.Line();
      final long b0 = base;
      for (Path seg : LogFiles.segments(dir)) {
        if (n[0] >= count) {
          break;
        }
        SegmentReader.read(seg, (b, off, len, fo) -> {
          if (n[0] >= count) {
            return false;
          }
          if (LogFiles.parseLine(b, off, len, line) != null || line.seq != b0 + n[0]) {
            throw new IOException("entry " + (b0 + n[0]) + " is malformed or out of order; run audit verify");
          }
          System.arraycopy(LogFiles.storedLeaf(b, line), 0, leaves, (int) n[0] * 32, 32);
          n[0]++;
          return true;
        });
      }
      if (n[0] < count) {
        throw AuditError.PROOF_UNAVAILABLE.exception("Tree size " + upTo + " exceeds the log's " + (b0 + n[0])
            + " entries.");
      }
      return new Leaves(base, prefix, leaves);
    } catch (IOException e) {
      throw AuditError.UNREADABLE_INPUT.exception("Cannot read the audit log in " + dir + ": " + e.getMessage(), e);
    }
  }

  private record Leaves(long base, CompactRange prefix, byte[] leaves) {
    long size() {
      return base + leaves.length / 32;
    }

    byte[] leaf(long i) {
      int off = (int) (i - base) * 32;
      return Arrays.copyOfRange(leaves, off, off + 32);
    }

    byte[] hash(long lo, long hi) {
      if (hi <= base) {
        byte[] h = prefix.subtree(lo, hi);
        if (h != null) {
          return h;
        }
      }
      if (lo >= base) {
        return Merkle.mth(this::leaf, lo, hi);
      }
      if (hi - lo <= 1) {
        throw AuditError.PROOF_UNAVAILABLE.exception("The proof needs entries below " + base
            + " that were pruned; ask for sizes whose proofs avoid the pruned prefix.");
      }
      long k = Long.highestOneBit(hi - lo - 1);
      return Merkle.nodeHash(hash(lo, lo + k), hash(lo + k, hi));
    }
  }
}
