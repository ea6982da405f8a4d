package org.govdatasec.masking.internal;

/**
 * An open-addressing set of 64-bit fingerprints (never 0), for the leak scan: 8 bytes per slot, kept at
 * most half full, so about 16 to 32 bytes per distinct value. Not thread-safe.
 */
public final class FingerprintSet {
  private long[] slots = new long[1 << 12];
  private int size;

  /** Creates an empty set. */
  public FingerprintSet() {}

  /**
   * Computes the fingerprint of a string: a 64-bit mix of its UTF-16 units under a seed.
   *
   * @param s the string
   * @param seed the seed
   * @return a non-zero fingerprint
   */
  public static long fingerprint(CharSequence s, long seed) {
    long h = seed ^ (s.length() * 0x9E3779B97F4A7C15L);
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
      h ^= h >>> 29;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  /**
   * Adds a fingerprint.
   *
   * @param fp a non-zero fingerprint
   */
  public void add(long fp) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    if (insert(slots, fp)) {
      size++;
    }
  }

  /**
   * Tells whether the set holds a fingerprint.
   *
   * @param fp the fingerprint
   * @return true if held
   */
  public boolean contains(long fp) {
    int mask = slots.length - 1;
    int i = (int) (fp ^ (fp >>> 32)) & mask;
    while (true) {
      long v = slots[i];
      if (v == fp) {
        return true;
      }
      if (v == 0) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Returns the number of fingerprints held.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  private static boolean insert(long[] table, long fp) {
    int mask = table.length - 1;
    int i = (int) (fp ^ (fp >>> 32)) & mask;
    while (true) {
      long v = table[i];
      if (v == fp) {
        return false;
      }
      if (v == 0) {
        table[i] = fp;
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] bigger = new long[slots.length * 2];
    for (long v : slots) {
      if (v != 0) {
        insert(bigger, v);
      }
    }
    slots = bigger;
  }
}
