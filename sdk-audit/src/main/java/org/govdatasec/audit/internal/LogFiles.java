package org.govdatasec.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** File names and the exact byte layout of entry lines (see docs/audit.md). */
public final class LogFiles {
  /** Segment file prefix. */
  public static final String SEGMENT_PREFIX = "segment-";
  /** Segment file suffix. */
  public static final String SEGMENT_SUFFIX = ".jsonl";
  /** Checkpoints file. */
  public static final String CHECKPOINTS = "checkpoints.jsonl";
  /** The pruned-prefix record. */
  public static final String PRUNED = "pruned.json";
  /** The writer lock. */
  public static final String LOCK = "audit.lock";
  /** The longest line accepted, in bytes. */
  public static final int MAX_LINE = 64 * 1024;
  /** The length of {@code ,"leaf":"<64 hex>"}} at the end of a line (without the newline). */
  public static final int LEAF_SUFFIX = 75;
  /** Length of the fixed-width time text. */
  public static final int AT_LENGTH = 24;

  static final byte[] SEQ = ascii("{\"seq\":");
  static final byte[] AT = ascii(",\"at\":\"");
  static final byte[] CLOCK_BACK = ascii(",\"clockBack\":");
  static final byte[] EVENT = ascii(",\"event\":");
  static final byte[] LEAF = ascii(",\"leaf\":\"");

  private static final DateTimeFormatter AT_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;

  private LogFiles() {}

  /**
   * Finds the next newline, eight bytes at a time.
   *
   * @param b the bytes
   * @param from the first index searched
   * @param to one past the last index searched
   * @return the index of the first {@code '\n'} in {@code [from, to)}, or {@code to} if there is none
   */
  public static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    while (i + 8 <= to) {
      long v = (long) LONGS.get(b, i) ^ NEWLINES;
      // Classic zero-byte test: the lowest flagged byte is exactly the first zero byte.
      long z = (v - ONES) & ~v & HIGH_BITS;
      if (z != 0) {
        return i + (Long.numberOfTrailingZeros(z) >>> 3);
      }
      i += 8;
    }
    while (i < to && b[i] != '\n') {
      i++;
    }
    return i;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Formats a log time: ISO-8601 UTC with exactly three fraction digits (24 characters).
   *
   * @param millis epoch milliseconds
   * @return the text
   */
  public static String formatAt(long millis) {
    return AT_FORMAT.format(Instant.ofEpochMilli(millis));
  }

  /**
   * Names the segment starting at a sequence number.
   *
   * @param firstSeq the first sequence number
   * @return the file name
   */
  public static String segmentName(long firstSeq) {
    return String.format("%s%020d%s", SEGMENT_PREFIX, firstSeq, SEGMENT_SUFFIX);
  }

  /**
   * Lists the segments of a directory, by first sequence number.
   *
   * @param dir the directory
   * @return the segments
   * @throws IOException if the directory cannot be listed
   */
  public static List<Path> segments(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith(SEGMENT_PREFIX) && n.endsWith(SEGMENT_SUFFIX)
            && n.length() == SEGMENT_PREFIX.length() + 20 + SEGMENT_SUFFIX.length();
      }).sorted().forEach(out::add);
    }
    return out;
  }

  /**
   * Reads the first sequence number from a segment's name.
   *
   * @param segment the segment
   * @return the first sequence number
   */
  public static long firstSeq(Path segment) {
    String n = segment.getFileName().toString();
    return Long.parseLong(n.substring(SEGMENT_PREFIX.length(), SEGMENT_PREFIX.length() + 20));
  }

  /**
   * Writes a file atomically: a temporary file in the same directory, forced, then moved over.
   *
   * @param target the file
   * @param bytes the content
   * @throws IOException if writing fails (the target is then unchanged)
   */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(bytes));
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Builds an entry line into a buffer: the entry {@code {"seq":N,"at":"T"[,"clockBack":B],"event":E}} with
   * its last brace replaced by {@code ,"leaf":"<hex>"}} and a newline.
   *
   * @param out the buffer
   * @param seq the sequence number
   * @param at the formatted time
   * @param clockBack milliseconds the clock went back, or 0
   * @param event the canonical event bytes
   * @return the leaf hash of the entry
   */
  public static byte[] appendLine(Buffer out, long seq, byte[] at, long clockBack, byte[] event) {
    int start = out.size();
    out.put(SEQ).putLong(seq).put(AT).put(at).put((byte) '"');
    if (clockBack > 0) {
      out.put(CLOCK_BACK).putLong(clockBack);
    }
    out.put(EVENT).put(event).put((byte) '}');
    byte[] leaf = org.govdatasec.audit.Merkle.leafHash(out.array(), start, out.size() - start);
    out.truncate(out.size() - 1);
    out.put(LEAF).putHex(leaf).put((byte) '"').put((byte) '}').put((byte) '\n');
    return leaf;
  }

  /** A growable byte buffer. */
  public static final class Buffer {
    private static final byte[] HEX = ascii("0123456789abcdef");
    private byte[] buf;
    private int size;

    /**
     * Creates a buffer.
     *
     * @param capacity the initial capacity
     */
    public Buffer(int capacity) {
      buf = new byte[capacity];
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }

    /**
     * Appends bytes.
     *
     * @param b the bytes
     * @return this
     */
    public Buffer put(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
      return this;
    }

    /**
     * Appends a byte.
     *
     * @param b the byte
     * @return this
     */
    public Buffer put(byte b) {
      ensure(1);
      buf[size++] = b;
      return this;
    }

    /**
     * Appends a decimal number.
     *
     * @param v the number
     * @return this
     */
    public Buffer putLong(long v) {
      return put(ascii(Long.toString(v)));
    }

    /**
     * Appends lower-case hex.
     *
     * @param b the bytes
     * @return this
     */
    public Buffer putHex(byte[] b) {
      ensure(b.length * 2);
      for (byte x : b) {
        buf[size++] = HEX[(x >> 4) & 0xf];
        buf[size++] = HEX[x & 0xf];
      }
      return this;
    }

    /**
     * Returns the backing array (valid up to {@link #size()}).
     *
     * @return the array
     */
    public byte[] array() {
      return buf;
    }

    /**
     * Returns the number of bytes.
     *
     * @return the size
     */
    public int size() {
      return size;
    }

    /**
     * Cuts the buffer.
     *
     * @param newSize the new size
     */
    public void truncate(int newSize) {
      size = newSize;
    }
  }

  /** A parsed entry line. */
  public static final class Line {
    /** Sequence number. */
    public long seq;
    /** Offset of the 24-byte time text. */
    public int atOff;
    /** Milliseconds the clock went back, or 0. */
    public long clockBack;
    /** Offset of the event JSON. */
    public int eventOff;
    /** Length of the event JSON. */
    public int eventLen;
    /** Offset of the stored leaf hex (64 characters). */
    public int leafOff;
  }

  /**
   * Parses the fixed structure of a line (without its newline). The event JSON is located, not checked.
   *
   * @param b the bytes
   * @param off the line's offset
   * @param len the line's length, without the newline
   * @param out receives the fields
   * @return null if the structure holds, else what is wrong
   */
  public static String parseLine(byte[] b, int off, int len, Line out) {
    int end = off + len;
    if (len < SEQ.length + AT.length + AT_LENGTH + EVENT.length + 2 + LEAF_SUFFIX) {
      return "the line is too short";
    }
    if (!startsWith(b, off, SEQ)) {
      return "the line does not start with {\"seq\":";
    }
    int p = off + SEQ.length;
    int digits = 0;
    long seq = 0;
    while (p < end && b[p] >= '0' && b[p] <= '9' && digits < 19) {
      seq = seq * 10 + (b[p] - '0');
      p++;
      digits++;
    }
    if (digits == 0 || (digits > 1 && b[off + SEQ.length] == '0')) {
      return "the sequence number is not a canonical decimal";
    }
    out.seq = seq;
    if (!startsWith(b, p, AT)) {
      return "\"at\" does not follow the sequence number";
    }
    p += AT.length;
    out.atOff = p;
    p += AT_LENGTH;
    if (p >= end || b[p] != '"') {
      return "the time is not " + AT_LENGTH + " characters";
    }
    p++;
    out.clockBack = 0;
    if (startsWith(b, p, CLOCK_BACK)) {
      p += CLOCK_BACK.length;
      long v = 0;
      int d = 0;
      while (p < end && b[p] >= '0' && b[p] <= '9' && d < 19) {
        v = v * 10 + (b[p] - '0');
        p++;
        d++;
      }
      if (d == 0 || v == 0) {
        return "clockBack is not a positive decimal";
      }
      out.clockBack = v;
    }
    if (!startsWith(b, p, EVENT)) {
      return "\"event\" does not follow the time";
    }
    p += EVENT.length;
    out.eventOff = p;
    int suffix = end - LEAF_SUFFIX;
    if (suffix <= p || !startsWith(b, suffix, LEAF) || b[end - 2] != '"' || b[end - 1] != '}') {
      return "the line does not end with ,\"leaf\":\"<64 hex digits>\"}";
    }
    out.eventLen = suffix - p;
    out.leafOff = suffix + LEAF.length;
    for (int i = out.leafOff; i < out.leafOff + 64; i++) {
      byte c = b[i];
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return "the stored leaf hash is not 64 lower-case hex digits";
      }
    }
    return null;
  }

  /**
   * Decodes the stored leaf hash of a parsed line.
   *
   * @param b the bytes
   * @param line the parsed line
   * @return the 32-byte hash
   */
  public static byte[] storedLeaf(byte[] b, Line line) {
    return HexFormat.of().parseHex(new String(b, line.leafOff, 64, StandardCharsets.US_ASCII));
  }

  /**
   * Recomputes the leaf hash of a parsed line: SM3 over 0x00, the line up to the leaf suffix, and a brace.
   *
   * @param b the bytes
   * @param off the line's offset
   * @param line the parsed line
   * @return the leaf hash
   */
  public static byte[] leafOf(byte[] b, int off, Line line) {
    int entryLen = line.eventOff + line.eventLen - off;
    return org.govdatasec.crypto.Sm3.newHasher().update((byte) 0).update(b, off, entryLen).update((byte) '}')
        .digest();
  }

  private static boolean startsWith(byte[] b, int p, byte[] prefix) {
    if (p + prefix.length > b.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[p + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that bytes are well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
   *
   * @param b the bytes
   * @param off the offset
   * @param len the length
   * @return the offset of the first bad byte relative to {@code off}, or -1
   */
  public static int invalidUtf8(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        // ASCII runs (most of a line) eight bytes at a time.
        while (i + 8 <= end && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
          i += 8;
        }
        continue;
      }
      int n;
      int min;
      if (c >= 0xc2 && c <= 0xdf) {
        n = 1;
        min = 0x80;
      } else if (c >= 0xe0 && c <= 0xef) {
        n = 2;
        min = 0x800;
      } else if (c >= 0xf0 && c <= 0xf4) {
        n = 3;
        min = 0x10000;
      } else {
        return i - off;
      }
      if (i + n >= end) {
        return i - off;
      }
      int cp = c & (0x3f >> n);
      for (int k = 1; k <= n; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xc0) != 0x80) {
          return i - off;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return i - off;
      }
      i += n + 1;
    }
    return -1;
  }
}
