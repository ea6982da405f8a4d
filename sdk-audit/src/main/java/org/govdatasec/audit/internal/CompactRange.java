package org.govdatasec.audit.internal;

import java.util.ArrayList;
import java.util.List;
import org.govdatasec.audit.Merkle;

/**
 * The compact "frontier" of a Merkle tree: the roots of the perfect subtrees that the binary
 * decomposition of the size splits the tree into, largest first. Appending is O(log n) amortised O(1)
 * node hashes; the root folds the frontier from the right. Not thread-safe.
 */
public final class CompactRange {
  private final List<byte[]> hashes;
  private long size;

  /** Creates the frontier of the empty tree. */
  public CompactRange() {
    this(0, new ArrayList<>());
  }

  /**
   * Restores a frontier.
   *
   * @param size the tree size
   * @param hashes the subtree roots, largest first; exactly {@code bitCount(size)} of them
   * @throws IllegalArgumentException if the count does not match the size
   */
  public CompactRange(long size, List<byte[]> hashes) {
    if (Long.bitCount(size) != hashes.size()) {
      throw new IllegalArgumentException("a frontier of size " + size + " has " + Long.bitCount(size)
          + " hashes, not " + hashes.size());
    }
    this.size = size;
    this.hashes = new ArrayList<>(hashes);
  }

  /**
   * Appends a leaf hash.
   *
   * @param leaf the leaf hash
   */
  public void append(byte[] leaf) {
    byte[] h = leaf;
    long n = size;
    while ((n & 1) == 1) {
      h = Merkle.nodeHash(hashes.remove(hashes.size() - 1), h);
      n >>= 1;
    }
    hashes.add(h);
    size++;
  }

  /**
   * Appends a whole perfect subtree: the same as appending its {@code 2^height} leaves one by one, given
   * that the tree size is a multiple of {@code 2^height} (the subtree is aligned).
   *
   * @param root the subtree's Merkle Tree Hash
   * @param height log2 of its leaf count
   * @throws IllegalArgumentException if the subtree is not aligned at the current size
   */
  public void appendSubtree(byte[] root, int height) {
    if (height < 0 || height > 62 || (size & ((1L << height) - 1)) != 0) {
      throw new IllegalArgumentException("a subtree of height " + height + " is not aligned at size " + size);
    }
    byte[] h = root;
    long n = size >> height;
    while ((n & 1) == 1) {
      h = Merkle.nodeHash(hashes.remove(hashes.size() - 1), h);
      n >>= 1;
    }
    hashes.add(h);
    size += 1L << height;
  }

  /**
   * Returns the number of leaves.
   *
   * @return the size
   */
  public long size() {
    return size;
  }

  /**
   * Returns the Merkle Tree Hash of all leaves so far.
   *
   * @return the root ({@code SM3("")} when empty)
   */
  public byte[] root() {
    if (hashes.isEmpty()) {
      return Merkle.root(List.of());
    }
    byte[] h = hashes.get(hashes.size() - 1);
    for (int i = hashes.size() - 2; i >= 0; i--) {
      h = Merkle.nodeHash(hashes.get(i), h);
    }
    return h;
  }

  /**
   * Returns the subtree roots, largest first.
   *
   * @return a copy of the frontier
   */
  public List<byte[]> hashes() {
    return List.copyOf(hashes);
  }

  /**
   * Returns the hash of the subtree {@code [lo, hi)} if it is one of the frontier's subtrees.
   *
   * @param lo the first leaf
   * @param hi one past the last leaf
   * @return the hash, or {@code null} if that range is not a frontier subtree
   */
  public byte[] subtree(long lo, long hi) {
    long start = 0;
    int i = 0;
    for (int bit = 62; bit >= 0; bit--) {
      long w = 1L << bit;
      if ((size & w) != 0) {
        if (start == lo && start + w == hi) {
          return hashes.get(i);
        }
        start += w;
        i++;
      }
    }
    return null;
  }

  /**
   * Returns a copy.
   *
   * @return an independent frontier with the same state
   */
  public CompactRange copy() {
    return new CompactRange(size, hashes);
  }
}
