package org.govdatasec.audit;

import java.util.HexFormat;
import java.util.List;

/**
 * Proof that the log's tree of size {@code second} extends its tree of size {@code first}: the log was only
 * appended to between two checkpoints (RFC 6962 §2.1.2, SM3; AU-2).
 *
 * @param first the old size
 * @param second the new size
 * @param pathHex the proof hashes, hex
 */
public record ConsistencyProof(long first, long second, List<String> pathHex) {

  /**
   * Copies the path.
   *
   * @param first the old size
   * @param second the new size
   * @param pathHex the proof
   */
  public ConsistencyProof {
    pathHex = List.copyOf(pathHex);
  }

  /**
   * Verifies the proof.
   *
   * @param firstRoot the signed root of the old tree
   * @param secondRoot the signed root of the new tree
   * @return true if the new tree extends the old one
   */
  public boolean verify(byte[] firstRoot, byte[] secondRoot) {
    HexFormat hex = HexFormat.of();
    return Merkle.verifyConsistency(first, second, firstRoot, secondRoot,
        pathHex.stream().map(hex::parseHex).toList());
  }

  /**
   * Returns the proof as text, one field per line.
   *
   * @return the text
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("consistency proof (RFC 6962, SM3)\nfirst size: ").append(first).append("\nsecond size: ")
        .append(second).append('\n');
    for (int i = 0; i < pathHex.size(); i++) {
      sb.append("proof[").append(i).append("]: ").append(pathHex.get(i)).append('\n');
    }
    return sb.toString();
  }
}
