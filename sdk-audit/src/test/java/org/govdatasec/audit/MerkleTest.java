package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.govdatasec.audit.internal.CompactRange;
import org.govdatasec.crypto.Sm3;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** AU-2: the RFC 6962 tree with SM3, its proofs checked exhaustively against a naive recomputation. */
class MerkleTest {
  private static final int N = 64;
  private static final List<byte[]> LEAVES = new ArrayList<>();

  static {
    for (int i = 0; i < N; i++) {
      LEAVES.add(Merkle.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** The definition of RFC 6962 §2.1, written independently of Merkle.mth. */
  private static byte[] naive(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return Sm3.hash(new byte[0]);
    }
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = 1;
    while (k * 2 < leaves.size()) {
      k *= 2;
    }
    byte[] l = naive(leaves.subList(0, k));
    byte[] r = naive(leaves.subList(k, leaves.size()));
    byte[] in = new byte[65];
    in[0] = 1;
    System.arraycopy(l, 0, in, 1, 32);
    System.arraycopy(r, 0, in, 33, 32);
    return Sm3.hash(in);
  }

  private static Merkle.Subtrees subtrees() {
    return (lo, hi) -> naive(LEAVES.subList((int) lo, (int) hi));
  }

  @Test
  @DisplayName("AU-2: leaf and node hashes are domain-separated SM3")
  void hashes() {
    byte[] e = "x".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(Sm3.hash(new byte[] {0, 'x'}), Merkle.leafHash(e));
    byte[] a = LEAVES.get(0);
    byte[] b = LEAVES.get(1);
    byte[] in = new byte[65];
    in[0] = 1;
    System.arraycopy(a, 0, in, 1, 32);
    System.arraycopy(b, 0, in, 33, 32);
    assertArrayEquals(Sm3.hash(in), Merkle.nodeHash(a, b));
    assertArrayEquals(Sm3.hash(new byte[0]), Merkle.root(List.of()));
  }

  @Test
  @DisplayName("AU-2: the incremental frontier's root equals the naive MTH for every size up to 64")
  void frontierRoots() {
    CompactRange f = new CompactRange();
    assertArrayEquals(naive(List.of()), f.root());
    for (int n = 1; n <= N; n++) {
      f.append(LEAVES.get(n - 1));
      byte[] expected = naive(LEAVES.subList(0, n));
      assertArrayEquals(expected, f.root(), "size " + n);
      assertArrayEquals(expected, Merkle.root(LEAVES.subList(0, n)), "size " + n);
      CompactRange restored = new CompactRange(n, f.hashes());
      assertArrayEquals(expected, restored.root());
    }
  }

  @Test
  @DisplayName("AU-2: every inclusion proof for all m < n <= 64 verifies, and fails for a wrong leaf or index")
  void inclusionExhaustive() {
    for (int n = 1; n <= N; n++) {
      byte[] root = naive(LEAVES.subList(0, n));
      for (int m = 0; m < n; m++) {
        List<byte[]> path = Merkle.inclusionPath(subtrees(), m, n);
        assertTrue(Merkle.verifyInclusion(LEAVES.get(m), m, n, path, root), m + " in " + n);
        if (n > 1) {
          assertFalse(Merkle.verifyInclusion(LEAVES.get((m + 1) % n), m, n, path, root), "wrong leaf");
          assertFalse(Merkle.verifyInclusion(LEAVES.get(m), (m + 1) % n, n, path, root), "wrong index");
        }
      }
    }
  }

  @Test
  @DisplayName("AU-2: every consistency proof for all 1 <= m <= n <= 64 verifies, and fails for a wrong root")
  void consistencyExhaustive() {
    for (int n = 1; n <= N; n++) {
      byte[] rootN = naive(LEAVES.subList(0, n));
      for (int m = 1; m <= n; m++) {
        byte[] rootM = naive(LEAVES.subList(0, m));
        List<byte[]> proof = Merkle.consistencyProof(subtrees(), m, n);
        assertTrue(Merkle.verifyConsistency(m, n, rootM, rootN, proof), m + " -> " + n);
        byte[] wrong = rootM.clone();
        wrong[0] ^= 1;
        assertFalse(Merkle.verifyConsistency(m, n, wrong, rootN, proof), "wrong old root " + m + " -> " + n);
        assertFalse(Merkle.verifyConsistency(m, n, rootM, wrong.length == 32 && m == n ? wrong : flip(rootN), proof),
            "wrong new root");
      }
    }
    assertFalse(Merkle.verifyConsistency(0, 3, LEAVES.get(0), LEAVES.get(1), List.of()));
  }

  private static byte[] flip(byte[] h) {
    byte[] c = h.clone();
    c[31] ^= (byte) 0x80;
    return c;
  }

  @Property(seed = "6962", tries = 200)
  @Label("AU-2: flipping any bit of any proof hash breaks the proof")
  void tamperedProofsFail(@ForAll @IntRange(min = 2, max = 64) int n, @ForAll @IntRange(min = 0, max = 63) int mm,
      @ForAll @IntRange(min = 0, max = 255) int bit) {
    int m = mm % n;
    byte[] root = naive(LEAVES.subList(0, n));
    List<byte[]> path = new ArrayList<>(Merkle.inclusionPath(subtrees(), m, n));
    int at = bit % path.size();
    byte[] h = path.get(at).clone();
    h[(bit / 8) % 32] ^= (byte) (1 << (bit % 8));
    path.set(at, h);
    assertFalse(Merkle.verifyInclusion(LEAVES.get(m), m, n, path, root));
    int first = Math.max(1, m);
    List<byte[]> proof = new ArrayList<>(Merkle.consistencyProof(subtrees(), first, n));
    if (!proof.isEmpty()) {
      int pa = bit % proof.size();
      byte[] p = proof.get(pa).clone();
      p[(bit / 8) % 32] ^= (byte) (1 << (bit % 8));
      proof.set(pa, p);
      assertFalse(Merkle.verifyConsistency(first, n, naive(LEAVES.subList(0, first)), root, proof));
    } else {
      assertEquals(first, n);
    }
  }
}
