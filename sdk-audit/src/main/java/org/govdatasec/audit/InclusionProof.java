package org.govdatasec.audit;

import java.util.HexFormat;
import java.util.List;

/**
 * Proof that the entry with sequence number {@code seq} is in the log's tree of size {@code treeSize}
 * (RFC 6962 §2.1.1, SM3), checked against a signed checkpoint's root (AU-2).
 *
 * @param seq the entry's sequence number (leaf index)
 * @param treeSize the tree size
 * @param leafHex the entry's leaf hash, hex
 * @param pathHex the audit path, hex, from the leaf's sibling up
 */
public record InclusionProof(long seq, long treeSize, String leafHex, List<String> pathHex) {

  /**
   * Copies the path.
   *
   * @param seq the sequence number
   * @param treeSize the tree size
   * @param leafHex the leaf hash
   * @param pathHex the path
   */
  public InclusionProof {
    pathHex = List.copyOf(pathHex);
  }

  /**
   * Verifies the proof against a root.
   *
   * @param root the root of the tree of size {@code treeSize}, from a verified checkpoint
   * @return true if the entry is included
   */
  public boolean verify(byte[] root) {
    HexFormat hex = HexFormat.of();
    return Merkle.verifyInclusion(hex.parseHex(leafHex), seq, treeSize,
        pathHex.stream().map(hex::parseHex).toList(), root);
  }

  /**
   * Returns the proof as text, one field per line.
   *
   * @return the text
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("inclusion proof (RFC 6962, SM3)\nseq: ").append(seq).append("\ntree size: ").append(treeSize)
        .append("\nleaf: ").append(leafHex).append('\n');
    for (int i = 0; i < pathHex.size(); i++) {
      sb.append("path[").append(i).append("]: ").append(pathHex.get(i)).append('\n');
    }
    return sb.toString();
  }
}
