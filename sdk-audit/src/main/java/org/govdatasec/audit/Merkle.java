package org.govdatasec.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.govdatasec.crypto.Sm3;

/**
 * The audit log's Merkle tree (AU-2): RFC 6962 / RFC 9162 Merkle Tree Hash with SM3 in place of SHA-256.
 *
 * <ul>
 *   <li>leaf hash {@code SM3(0x00 ‖ entry)}, node hash {@code SM3(0x01 ‖ left ‖ right)};</li>
 *   <li>{@link #root MTH} of n leaves splits at the largest power of two below n (RFC 6962 §2.1);</li>
 *   <li>inclusion proofs (RFC 6962 §2.1.1) and consistency proofs (§2.1.2), verified with the algorithms
 *       of RFC 9162 §2.1.3.2 and §2.1.4.2.</li>
 * </ul>
 *
 * <p>An auditor holding a signed checkpoint of size m can check, with a consistency proof, that a later
 * checkpoint of size n extends it: the log was only appended to.
 */
public final class Merkle {
  /** Hash size in bytes. */
  public static final int HASH_BYTES = Sm3.DIGEST_BYTES;

  private static final byte[] EMPTY_ROOT = Sm3.hash(new byte[0]);

  private Merkle() {}

  /**
   * Hashes a leaf: {@code SM3(0x00 ‖ entry)}.
   *
   * @param entry the entry bytes
   * @return the leaf hash
   */
  public static byte[] leafHash(byte[] entry) {
    return leafHash(entry, 0, entry.length);
  }

  /**
   * Hashes a leaf from part of an array: {@code SM3(0x00 ‖ entry[off, off + len))}.
   *
   * @param entry the array
   * @param off the offset of the entry
   * @param len the length of the entry
   * @return the leaf hash
   */
  public static byte[] leafHash(byte[] entry, int off, int len) {
    return Sm3.newHasher().update((byte) 0).update(entry, off, len).digest();
  }

  /**
   * Hashes an inner node: {@code SM3(0x01 ‖ left ‖ right)}.
   *
   * @param left the left child hash
   * @param right the right child hash
   * @return the node hash
   */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    return Sm3.newHasher().update((byte) 1).update(left).update(right).digest();
  }

  /**
   * Computes the Merkle Tree Hash of a list of leaf hashes (RFC 6962 §2.1). The root of the empty tree is
   * {@code SM3("")}.
   *
   * @param leaves the leaf hashes
   * @return the root
   */
  public static byte[] root(List<byte[]> leaves) {
    return mth(i -> leaves.get((int) i), 0, leaves.size());
  }

  /**
   * Computes the Merkle Tree Hash of leaves {@code [lo, hi)} given by a function of the index.
   *
   * @param leaf returns the leaf hash of an index
   * @param lo the first index
   * @param hi one past the last index
   * @return the subtree hash
   */
  public static byte[] mth(LongFunction<byte[]> leaf, long lo, long hi) {
    long n = hi - lo;
    if (n == 0) {
      return EMPTY_ROOT.clone();
    }
    if (n == 1) {
      return leaf.apply(lo);
    }
    long k = Long.highestOneBit(n - 1);
    return nodeHash(mth(leaf, lo, lo + k), mth(leaf, lo + k, hi));
  }

  /**
   * Computes the audit path of leaf {@code m} in the tree of the first {@code n} leaves (RFC 6962 §2.1.1).
   *
   * @param subtree returns the hash of the subtree {@code [lo, hi)}
   * @param m the leaf index
   * @param n the tree size
   * @return the path, from the leaf's sibling up
   * @throws IllegalArgumentException unless {@code 0 <= m < n}
   */
  public static List<byte[]> inclusionPath(Subtrees subtree, long m, long n) {
    if (m < 0 || m >= n) {
      throw new IllegalArgumentException("leaf " + m + " is not in a tree of size " + n);
    }
    List<byte[]> out = new ArrayList<>();
    path(subtree, m, 0, n, out);
    return out;
  }

  private static void path(Subtrees s, long m, long lo, long hi, List<byte[]> out) {
    long n = hi - lo;
    if (n <= 1) {
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m < k) {
      path(s, m, lo, lo + k, out);
      out.add(s.hash(lo + k, hi));
    } else {
      path(s, m - k, lo + k, hi, out);
      out.add(s.hash(lo, lo + k));
    }
  }

  /**
   * Computes the consistency proof between the trees of the first {@code m} and {@code n} leaves
   * (RFC 6962 §2.1.2).
   *
   * @param subtree returns the hash of the subtree {@code [lo, hi)}
   * @param m the old size
   * @param n the new size
   * @return the proof
   * @throws IllegalArgumentException unless {@code 0 < m <= n}
   */
  public static List<byte[]> consistencyProof(Subtrees subtree, long m, long n) {
    if (m <= 0 || m > n) {
      throw new IllegalArgumentException("no consistency proof from size " + m + " to size " + n);
    }
    List<byte[]> out = new ArrayList<>();
    subproof(subtree, m, 0, n, true, out);
    return out;
  }

  private static void subproof(Subtrees s, long m, long lo, long hi, boolean b, List<byte[]> out) {
    long n = hi - lo;
    if (m == n) {
      if (!b) {
        out.add(s.hash(lo, hi));
      }
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m <= k) {
      subproof(s, m, lo, lo + k, b, out);
      out.add(s.hash(lo + k, hi));
    } else {
      subproof(s, m - k, lo + k, hi, false, out);
      out.add(s.hash(lo, lo + k));
    }
  }

  /**
   * Verifies an inclusion proof (RFC 9162 §2.1.3.2).
   *
   * @param leafHash the leaf hash
   * @param index the leaf index
   * @param treeSize the tree size
   * @param path the audit path
   * @param root the expected root of the tree
   * @return true if the path proves the leaf at that index in that tree
   */
  public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> path,
      byte[] root) {
    if (index < 0 || index >= treeSize) {
      return false;
    }
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /**
   * Verifies a consistency proof (RFC 9162 §2.1.4.2).
   *
   * @param first the old tree size
   * @param second the new tree size
   * @param firstRoot the old root
   * @param secondRoot the new root
   * @param proof the proof
   * @return true if the tree of size {@code second} extends the tree of size {@code first}
   */
  public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
      List<byte[]> proof) {
    if (first <= 0 || first > second) {
      return false;
    }
    if (first == second) {
      return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(first) == 1) {
      path.add(0, firstRoot);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
  }

  /** Gives the hash of a subtree {@code [lo, hi)} of the log's tree, for building proofs. */
  @FunctionalInterface
  public interface Subtrees {
    /**
     * Returns the Merkle Tree Hash of leaves {@code [lo, hi)}.
     *
     * @param lo the first leaf
     * @param hi one past the last leaf
     * @return the hash
     */
    byte[] hash(long lo, long hi);
  }
}
