package org.govdatasec.crypto.field;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.HkdfSm3;
import org.govdatasec.crypto.HmacSm3;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.internal.field.Encoding;

/**
 * A blind index: equality search on an encrypted column without decrypting it (ST-2, PI-5).
 *
 * <pre>{@code
 * BlindIndex byIdNumber = BlindIndex.builder()
 *     .rootKey(indexRootKey).table("citizen").column("id_number")
 *     .expectedRows(1_200_000)                     // bits = suggestBits(1,200,000) = 19
 *     .normalizers(IndexNormalizer.ID_NUMBER)
 *     .build();
 * String bidx = byIdNumber.index("450103198203150311");   // store beside the encrypted column
 * // SELECT ... WHERE id_number_bidx = ? ; then decrypt the few candidates and compare
 * }</pre>
 *
 * <p>The value is normalised, then {@code HMAC-SM3(k, UTF-8(value))} is truncated to its first
 * {@link #bits()} bits, under a per-index key {@code k = HKDF-SM3(rootKey, salt = none, info =
 * "govdatasec/blind-index/v1" | len(table) | table | len(column) | column, 32)} (exact layout in
 * {@code docs/formats.md}, "Blind index"). Two indexes under one root key are unrelated. The index is
 * deliberately short so that each index value matches several rows: a full-length HMAC of an ID number
 * would single out every person and leak equality across the whole table. Choose the length with
 * {@link #suggestBits(long, long)}; a lookup returns about {@code rows / 2^bits} candidates, which the
 * caller decrypts and compares.
 *
 * <p>Immutable and thread-safe; about one microsecond per value.
 */
public final class BlindIndex {
  /** The shortest index, in bits. */
  public static final int MIN_BITS = 8;
  /** The longest index, in bits (a full HMAC-SM3 tag). */
  public static final int MAX_BITS = 256;
  /** The fewest rows a lookup should return on average: below 2, index values start to single out rows. */
  public static final int MIN_MATCHES = 2;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final HmacSm3 mac;
  private final String table;
  private final String column;
  private final int bits;
  private final List<IndexNormalizer> normalizers;

  private BlindIndex(HmacSm3 mac, String table, String column, int bits, List<IndexNormalizer> normalizers) {
    this.mac = mac;
    this.table = table;
    this.column = column;
    this.bits = bits;
    this.normalizers = normalizers;
  }

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Suggests an index length for a column whose values are all distinct (ID numbers, mobiles).
   *
   * @param expectedRows the rows the table will hold over its life (plan for growth)
   * @return the bit length
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-018} as {@link #suggestBits(long, long)}
   */
  public static int suggestBits(long expectedRows) {
    return suggestBits(expectedRows, expectedRows);
  }

  /**
   * Suggests an index length: the longest for which each index value still covers at least
   * {@value #MIN_MATCHES} distinct values on average, i.e. {@code floor(log2(min(rows, distinct) / 2))}.
   *
   * <p>Reasoning (as the planning guidance of CipherSweet and the AWS Database Encryption SDK's beacon
   * length): with {@code D} distinct values spread uniformly over {@code 2^L} index values, each index
   * value covers {@code D / 2^L} of them. At {@code D / 2^L >= 2} no index value is known to belong to
   * one person, so the column reveals equality only up to that ambiguity; each lookup then decrypts
   * about {@code rows / 2^L} candidates (2 to 4 for distinct values), which stays cheap. A longer index
   * makes values unique (a pseudonym of every person); a much shorter one only costs lookup time.
   *
   * @param expectedRows the rows the table will hold, 1 or more
   * @param distinctValues how many distinct values the column can take (its input domain), 1 or more;
   *     e.g. 56 for ethnic groups, about the row count for ID numbers
   * @return the bit length, {@value #MIN_BITS} to {@value #MAX_BITS}
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-018} if fewer than 512 distinct values
   *     are expected: even an 8-bit index would then single values out; scan and decrypt instead
   */
  public static int suggestBits(long expectedRows, long distinctValues) {
    if (expectedRows < 1 || distinctValues < 1) {
      throw CryptoError.BAD_BLIND_INDEX.exception("suggestBits needs 1 or more rows and distinct values; got "
          + expectedRows + " rows and " + distinctValues + " distinct values.");
    }
    long d = Math.min(expectedRows, distinctValues);
    long perValue = d / MIN_MATCHES;
    int l = perValue < 1 ? -1 : 63 - Long.numberOfLeadingZeros(perValue);
    if (l < MIN_BITS) {
      throw CryptoError.BAD_BLIND_INDEX.exception("a blind index over " + d + " distinct values would single"
          + " them out even at " + MIN_BITS + " bits (it needs at least " + (MIN_MATCHES << MIN_BITS)
          + "); do not index such a column: scan and decrypt it, or index a combination with more values.");
    }
    return Math.min(l, MAX_BITS);
  }

  /**
   * Returns how many rows a lookup returns on average.
   *
   * @param expectedRows the rows of the table
   * @param bits the index length
   * @return {@code rows / 2^bits}
   */
  public static double expectedMatches(long expectedRows, int bits) {
    return expectedRows / Math.pow(2, bits);
  }

  /**
   * Computes the index of a value, as lower-case hex of {@code ceil(bits / 4)} digits (the truncated tag
   * read as an unsigned big-endian number).
   *
   * @param value the value; {@code null} gives {@code null}
   * @return the index, or {@code null}
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for text with an unpaired surrogate
   */
  public String index(String value) {
    if (value == null) {
      return null;
    }
    byte[] tag = tag(value);
    int digits = (bits + 3) / 4;
    if (bits <= 64) {
      return hex(prefix(tag), digits);
    }
    int bytes = (bits + 7) / 8;
    byte[] head = new byte[bytes];
    System.arraycopy(tag, 0, head, 0, bytes);
    String h = new BigInteger(1, head).shiftRight(bytes * 8 - bits).toString(16);
    return "0".repeat(digits - h.length()) + h;
  }

  /**
   * Computes the index of a value as a number, for an indexed {@code BIGINT} column.
   *
   * @param value the value, not null
   * @return the truncated tag as a non-negative number below {@code 2^bits}
   * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-018} if the index is longer than 63
   *     bits, {@code GDS-CRYPTO-001} for a null value
   */
  public long indexLong(String value) {
    if (bits > 63) {
      throw CryptoError.BAD_BLIND_INDEX.exception("the blind index " + name() + " has " + bits
          + " bits, which does not fit a signed 64-bit number; use index(value) (hex text) instead.");
    }
    if (value == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null value was given to indexLong of " + name() + ".");
    }
    return prefix(tag(value));
  }

  private byte[] tag(String value) {
    String v = value;
    for (IndexNormalizer n : normalizers) {
      v = n.apply(v);
    }
    return mac.computeMac(Encoding.utf8(v, "a value for the blind index " + name()));
  }

  private long prefix(byte[] tag) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (tag[i] & 0xFF);
    }
    return bits == 64 ? v : v >>> (64 - bits);
  }

  private static String hex(long v, int digits) {
    char[] out = new char[digits];
    for (int i = digits - 1; i >= 0; i--) {
      out[i] = HEX[(int) (v & 0xF)];
      v >>>= 4;
    }
    return new String(out);
  }

  /**
   * Returns the index's name, {@code table.column}.
   *
   * @return the name
   */
  public String name() {
    return table + "." + column;
  }

  /**
   * Returns the length in bits.
   *
   * @return the bits
   */
  public int bits() {
    return bits;
  }

  /**
   * Returns the normalisations, in order.
   *
   * @return the normalisers
   */
  public List<IndexNormalizer> normalizers() {
    return normalizers;
  }

  @Override
  public String toString() {
    return "BlindIndex[" + name() + ", " + bits + " bits, " + normalizers + "]";
  }

  /** Builds a {@link BlindIndex}, validating eagerly. */
  public static final class Builder {
    private SecretBytes rootKey;
    private String table;
    private String column;
    private int bits;
    private long expectedRows;
    private long distinctValues;
    private List<IndexNormalizer> normalizers = List.of(IndexNormalizer.NFKC, IndexNormalizer.TRIM);

    private Builder() {}

    /**
     * Sets the index root key, from which each index's own key is derived.
     *
     * @param key 16 to 64 bytes
     * @return this builder
     * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} for null, {@code GDS-CRYPTO-002}
     *     for another size
     */
    public Builder rootKey(SecretBytes key) {
      if (key == null) {
        throw CryptoError.INVALID_ARGUMENT.exception("a null root key was given to BlindIndex.");
      }
      if (key.size() < HmacSm3.MIN_KEY_BYTES || key.size() > HmacSm3.MAX_KEY_BYTES) {
        throw CryptoError.BAD_KEY_SIZE.exception("a " + key.size() + "-byte blind-index root key was given; it needs "
            + HmacSm3.MIN_KEY_BYTES + " to " + HmacSm3.MAX_KEY_BYTES + " bytes.");
      }
      this.rootKey = key;
      return this;
    }

    /**
     * Sets the table the index belongs to (part of the index's name and key).
     *
     * @param table the table, not empty
     * @return this builder
     */
    public Builder table(String table) {
      this.table = table;
      return this;
    }

    /**
     * Sets the column the index belongs to (part of the index's name and key).
     *
     * @param column the column, not empty
     * @return this builder
     */
    public Builder column(String column) {
      this.column = column;
      return this;
    }

    /**
     * Sets the length in bits.
     *
     * @param bits {@value BlindIndex#MIN_BITS} to {@value BlindIndex#MAX_BITS}
     * @return this builder
     * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-018} outside that range
     */
    public Builder bits(int bits) {
      if (bits < MIN_BITS || bits > MAX_BITS) {
        throw CryptoError.BAD_BLIND_INDEX.exception(
            "a blind index of " + bits + " bits was requested; the length is " + MIN_BITS + " to " + MAX_BITS + " bits.");
      }
      this.bits = bits;
      return this;
    }

    /**
     * Declares the rows the table will hold: the length defaults to {@link #suggestBits(long, long)}, and a
     * longer explicit length is refused because it would single out values.
     *
     * @param rows 1 or more
     * @return this builder
     */
    public Builder expectedRows(long rows) {
      this.expectedRows = rows;
      return this;
    }

    /**
     * Declares how many distinct values the column can take, if fewer than its rows (see
     * {@link #suggestBits(long, long)}).
     *
     * @param distinct 1 or more
     * @return this builder
     */
    public Builder distinctValues(long distinct) {
      this.distinctValues = distinct;
      return this;
    }

    /**
     * Sets the normalisations, applied in order (default: {@code NFKC, TRIM}).
     *
     * @param normalizers the normalisers, possibly none
     * @return this builder
     */
    public Builder normalizers(IndexNormalizer... normalizers) {
      List<IndexNormalizer> list = new ArrayList<>();
      for (IndexNormalizer n : normalizers) {
        if (n == null) {
          throw CryptoError.INVALID_ARGUMENT.exception("a null normaliser was given to BlindIndex.");
        }
        list.add(n);
      }
      this.normalizers = List.copyOf(list);
      return this;
    }

    /**
     * Derives the index key and builds the index.
     *
     * @return the index
     * @throws org.govdatasec.crypto.CryptoException {@code GDS-CRYPTO-001} without a root key, table or
     *     column; {@code GDS-CRYPTO-018} without a length, or with a length that would single out values
     *     of the declared row count
     */
    public BlindIndex build() {
      if (rootKey == null || table == null || table.isEmpty() || column == null || column.isEmpty()) {
        throw CryptoError.INVALID_ARGUMENT.exception(
            "a blind index needs a root key, a table and a column; call rootKey(...), table(...), column(...).");
      }
      int b = bits;
      if (expectedRows != 0 || distinctValues != 0) {
        long rows = expectedRows == 0 ? distinctValues : expectedRows;
        int max = suggestBits(rows, distinctValues == 0 ? rows : distinctValues);
        if (b == 0) {
          b = max;
        } else if (b > max) {
          throw CryptoError.BAD_BLIND_INDEX.exception("the blind index " + table + "." + column + " of " + b
              + " bits over " + rows + " rows would leave about " + String.format(java.util.Locale.ROOT, "%.3f",
                  expectedMatches(Math.min(rows, distinctValues == 0 ? rows : distinctValues), b))
              + " values per index value, singling values out; use at most " + max + " bits.");
        }
      }
      if (b == 0) {
        throw CryptoError.BAD_BLIND_INDEX.exception("the blind index " + table + "." + column
            + " has no length; call bits(n) or expectedRows(rows) (see BlindIndex.suggestBits).");
      }
      SecretBytes k = HkdfSm3.derive(rootKey, null, Encoding.blindIndexInfo(table, column), 32);
      try {
        return new BlindIndex(HmacSm3.create(k), table, column, b, normalizers);
      } finally {
        k.destroy();
      }
    }
  }
}
