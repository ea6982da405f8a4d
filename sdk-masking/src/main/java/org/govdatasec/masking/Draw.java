package org.govdatasec.masking;

import org.govdatasec.crypto.HmacSm3;

/**
 * Keyed, deterministic draws for one value and attempt: HMAC-SM3 over
 * {@code utf8(value) | attempt | block}, read 8 bytes at a time. The fixed-length suffix keeps the
 * encoding unambiguous.
 */
final class Draw {
  private final HmacSm3 mac;
  private final byte[] input;
  private byte[] block;
  private int blockNo;
  private int pos;

  Draw(HmacSm3 mac, byte[] value, int attempt) {
    this.mac = mac;
    this.input = new byte[value.length + 2];
    System.arraycopy(value, 0, input, 0, value.length);
    input[value.length] = (byte) attempt;
    next();
  }

  private void next() {
    input[input.length - 1] = (byte) blockNo++;
    block = mac.computeMac(input);
    pos = 0;
  }

  /** A uniform long. */
  long nextLong() {
    if (pos + 8 > block.length) {
      next();
    }
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (block[pos++] & 0xFF);
    }
    return v;
  }

  /** A number in {@code [0, bound)}; the bias is below bound / 2^63, negligible for our bounds. */
  int nextInt(int bound) {
    return (int) Long.remainderUnsigned(nextLong() & Long.MAX_VALUE, bound);
  }

  char digit() {
    return (char) ('0' + nextInt(10));
  }

  <T> T pick(T[] items) {
    return items[nextInt(items.length)];
  }
}
