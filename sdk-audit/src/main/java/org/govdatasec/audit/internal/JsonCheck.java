package org.govdatasec.audit.internal;

import java.util.Arrays;

/**
 * A fast, conservative check that bytes are exactly one JSON object (RFC 8259) with no duplicate member
 * names, for the verifier's hot path (AU-2).
 *
 * <p>It answers only "surely valid" or "not sure": it accepts a strict subset of what the Jackson check it
 * stands in front of accepts (no whitespace between tokens, no escaped member names, no {@code \\u}
 * escapes of surrogates, numbers of at most {@value #MAX_NUMBER} characters, names of at most
 * {@value #MAX_NAME} bytes, nesting of at most {@value #MAX_DEPTH}), which covers every canonical event.
 * On anything else the caller falls back to Jackson, which gives the verdict and the error message; so
 * the verifier's verdicts are unchanged, only faster. The bytes must already be valid UTF-8.
 */
public final class JsonCheck {
  static final int MAX_DEPTH = 64;
  static final int MAX_NUMBER = 100;
  static final int MAX_NAME = 1000;
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private final byte[] b;
  private final int end;
  private int p;
  private int hash;
  private int keyTop;
  private int[] keyHashes = new int[32];
  private int[] keyStarts = new int[32];
  private int[] keyLens = new int[32];

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;

  /**
   * Tests eight bytes at once (little-endian packed) for bytes that end or escape a JSON string.
   *
   * @param v eight bytes
   * @return non-zero if and only if one of them is a quote, a backslash or below 0x20 (a control byte)
   */
  public static long special(long v) {
    long q = v ^ 0x2222222222222222L;
    long s = v ^ 0x5c5c5c5c5c5c5c5cL;
    // Bytes >= 0x80 are never flagged by the "below 0x20" test: they are masked out by ~v.
    long control = (v - 0x2020202020202020L) & ~v & HIGH;
    return ((q - ONES) & ~q & HIGH) | ((s - ONES) & ~s & HIGH) | control;
  }

  private JsonCheck(byte[] b, int off, int len) {
    this.b = b;
    this.p = off;
    this.end = off + len;
  }

  /**
   * Tells whether bytes are surely one valid JSON object without duplicate names.
   *
   * @param b the bytes (valid UTF-8)
   * @param off the offset
   * @param len the length
   * @return true if surely valid; false if invalid or outside the fast subset (ask Jackson)
   */
  public static boolean surelyValidObject(byte[] b, int off, int len) {
    JsonCheck c = new JsonCheck(b, off, len);
    return len > 0 && b[off] == '{' && c.object(1) && c.p == c.end;
  }

  private boolean value(int depth) {
    if (p >= end) {
      return false;
    }
    switch (b[p]) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string(false);
      case 't':
        return literal(TRUE);
      case 'f':
        return literal(FALSE);
      case 'n':
        return literal(NULL);
      default:
        return number();
    }
  }

  private boolean object(int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    p++;
    if (p < end && b[p] == '}') {
      p++;
      return true;
    }
    int base = keyTop;
    try {
      while (true) {
        if (p >= end || b[p] != '"') {
          return false;
        }
        int ks = p + 1;
        if (!string(true)) {
          return false;
        }
        int kl = p - 1 - ks;
        if (kl > MAX_NAME) {
          return false;
        }
        for (int i = base; i < keyTop; i++) {
          if (keyHashes[i] == hash && keyLens[i] == kl
              && Arrays.equals(b, keyStarts[i], keyStarts[i] + kl, b, ks, ks + kl)) {
            return false;
          }
        }
        if (keyTop == keyHashes.length) {
          keyHashes = Arrays.copyOf(keyHashes, keyTop * 2);
          keyStarts = Arrays.copyOf(keyStarts, keyTop * 2);
          keyLens = Arrays.copyOf(keyLens, keyTop * 2);
        }
        keyHashes[keyTop] = hash;
        keyStarts[keyTop] = ks;
        keyLens[keyTop] = kl;
        keyTop++;
        if (p >= end || b[p] != ':') {
          return false;
        }
        p++;
        if (!value(depth) || p >= end) {
          return false;
        }
        if (b[p] == ',') {
          p++;
        } else if (b[p] == '}') {
          p++;
          return true;
        } else {
          return false;
        }
      }
    } finally {
      keyTop = base;
    }
  }

  private boolean array(int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    p++;
    if (p < end && b[p] == ']') {
      p++;
      return true;
    }
    while (true) {
      if (!value(depth) || p >= end) {
        return false;
      }
      if (b[p] == ',') {
        p++;
      } else if (b[p] == ']') {
        p++;
        return true;
      } else {
        return false;
      }
    }
  }

  /** A string from its opening quote; a name ({@code key}) may not contain escapes. Sets {@link #hash}. */
  private boolean string(boolean key) {
    p++;
    int h = 0;
    if (!key) {
      // Values need no hash: skip eight ordinary bytes at a time (no quote, backslash or control byte).
      while (p + 8 <= end) {
        long v = (long) LONGS.get(b, p);
        if (special(v) != 0) {
          break;
        }
        p += 8;
      }
    }
    while (p < end) {
      int c = b[p] & 0xff;
      if (c == '"') {
        p++;
        hash = h;
        return true;
      }
      if (c < 0x20) {
        return false;
      }
      if (c == '\\') {
        if (key || !escape()) {
          return false;
        }
        continue;
      }
      h = 31 * h + c;
      p++;
    }
    return false;
  }

  private boolean escape() {
    if (p + 1 >= end) {
      return false;
    }
    switch (b[p + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
        p += 2;
        return true;
      case 'u':
        if (p + 6 > end) {
          return false;
        }
        int v = 0;
        for (int i = p + 2; i < p + 6; i++) {
          int d = Character.digit(b[i], 16);
          if (d < 0) {
            return false;
          }
          v = v << 4 | d;
        }
        if (v >= 0xd800 && v <= 0xdfff) {
          return false;
        }
        p += 6;
        return true;
      default:
        return false;
    }
  }

  private boolean literal(byte[] word) {
    if (p + word.length > end || !Arrays.equals(b, p, p + word.length, word, 0, word.length)) {
      return false;
    }
    p += word.length;
    return true;
  }

  private boolean number() {
    int start = p;
    if (p < end && b[p] == '-') {
      p++;
    }
    if (p >= end || !digit(b[p])) {
      return false;
    }
    if (b[p] == '0') {
      p++;
    } else {
      while (p < end && digit(b[p])) {
        p++;
      }
    }
    if (p < end && b[p] == '.') {
      p++;
      if (!digits()) {
        return false;
      }
    }
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      if (p < end && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      if (!digits()) {
        return false;
      }
    }
    return p - start <= MAX_NUMBER;
  }

  private boolean digits() {
    int s = p;
    while (p < end && digit(b[p])) {
      p++;
    }
    return p > s;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }
}
