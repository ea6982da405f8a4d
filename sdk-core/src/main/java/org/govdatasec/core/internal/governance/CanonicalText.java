package org.govdatasec.core.internal.governance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The canonical key=value line encoding of tickets, certificates and stored records. Not API; the format
 * is documented in {@code docs/governance.md}.
 *
 * <p>One entry per line: {@code key=value} then LF; keys are lower-case ASCII letters, digits, dots and
 * dashes; values are UTF-8 with {@code \} written {@code \\}, LF written {@code \n} and CR written
 * {@code \r}; no other escape exists. A list repeats its key, one line per element, in order; an absent
 * value has no line. The writer fixes the order of keys, so the same value always encodes to the same
 * bytes.
 */
public final class CanonicalText {
  private static final Pattern KEY = Pattern.compile("[a-z0-9.\\-]{1,64}");

  private CanonicalText() {}

  /**
   * Starts a writer.
   *
   * @return a writer
   */
  public static Writer writer() {
    return new Writer();
  }

  /** Writes entries in order. */
  public static final class Writer {
    private final StringBuilder sb = new StringBuilder();

    private Writer() {}

    /**
     * Writes one entry, or nothing if the value is {@code null}.
     *
     * @param key the key
     * @param value the value, or {@code null}
     * @return this writer
     */
    public Writer put(String key, Object value) {
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("bad key " + key);
      }
      if (value != null) {
        sb.append(key).append('=').append(escape(value.toString())).append('\n');
      }
      return this;
    }

    /**
     * Writes a list: one entry per element.
     *
     * @param key the key
     * @param values the values
     * @return this writer
     */
    public Writer putAll(String key, Collection<?> values) {
      for (Object v : values) {
        put(key, v);
      }
      return this;
    }

    /**
     * Returns the text.
     *
     * @return the text
     */
    public String text() {
      return sb.toString();
    }

    /**
     * Returns the UTF-8 bytes of the text.
     *
     * @return the bytes
     */
    public byte[] bytes() {
      return text().getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * Returns the text form of a signed document: its canonical body and a {@code signature=<base64>} line.
   *
   * @param body the canonical encoding the signature covers
   * @param signature the signature
   * @return the text form
   */
  public static String signed(String body, byte[] signature) {
    return body + "signature=" + Base64.getEncoder().encodeToString(signature) + "\n";
  }

  /**
   * Parses the text form of a signed document strictly: entries as {@link #parse(String)} reads them, a
   * {@code format} entry equal to {@code format}, and text that the document encodes back to exactly.
   *
   * @param <T> the document type
   * @param text the text form
   * @param format the expected value of the {@code format} entry
   * @param read builds the document from the entries
   * @param toText the document's text form, compared with {@code text}
   * @return the document
   * @throws IllegalArgumentException if the text is malformed, of another format or not canonical (or as
   *     {@code read} throws)
   * @throws NullPointerException if {@code text} is {@code null}
   */
  public static <T> T parseSigned(String text, String format, Function<Entries, T> read,
      Function<T, String> toText) {
    Entries e = parse(Objects.requireNonNull(text, "text"));
    if (!format.equals(e.one("format"))) {
      throw new IllegalArgumentException("not a " + format);
    }
    T document = read.apply(e);
    if (!toText.apply(document).equals(text)) {
      throw new IllegalArgumentException("not in canonical form");
    }
    return document;
  }

  /**
   * Shortens a parse failure's message for an error message: at most 120 characters.
   *
   * @param message the message, or {@code null}
   * @return the message cut to 120 characters, or the empty string for {@code null}
   */
  public static String abbreviate(String message) {
    return message == null ? "" : message.length() > 120 ? message.substring(0, 120) : message;
  }

  static String escape(String v) {
    StringBuilder sb = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Parses text into entries, strictly: every line {@code key=value}, known escapes only, LF endings.
   *
   * @param text the text
   * @return the entries, keys in first-seen order, values in order
   * @throws IllegalArgumentException describing the first malformed line (never its value)
   */
  public static Entries parse(String text) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the text does not end with a line feed");
    }
    int lineNo = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      String line = text.substring(start, end);
      start = end + 1;
      lineNo++;
      int eq = line.indexOf('=');
      if (eq <= 0 || !KEY.matcher(line.substring(0, eq)).matches()) {
        throw new IllegalArgumentException("line " + lineNo + " is not key=value");
      }
      map.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(unescape(line.substring(eq + 1), lineNo));
    }
    return new Entries(map);
  }

  private static String unescape(String v, int lineNo) {
    StringBuilder sb = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\r') {
        throw new IllegalArgumentException("line " + lineNo + " has a raw carriage return");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (i + 1 >= v.length()) {
        throw new IllegalArgumentException("line " + lineNo + " ends in a lone backslash");
      }
      char n = v.charAt(++i);
      switch (n) {
        case '\\' -> sb.append('\\');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        default -> throw new IllegalArgumentException("line " + lineNo + " has an unknown escape");
      }
    }
    return sb.toString();
  }

  /** Parsed entries. */
  public static final class Entries {
    private final Map<String, List<String>> map;

    private Entries(Map<String, List<String>> map) {
      this.map = map;
    }

    /**
     * Returns the single value of a key.
     *
     * @param key the key
     * @return the value
     * @throws IllegalArgumentException if the key is absent or repeated
     */
    public String one(String key) {
      return optional(key).orElseThrow(() -> new IllegalArgumentException("missing " + key));
    }

    /**
     * Returns the single value of a key, if present.
     *
     * @param key the key
     * @return the value, or empty
     * @throws IllegalArgumentException if the key is repeated
     */
    public Optional<String> optional(String key) {
      List<String> v = map.get(key);
      if (v == null) {
        return Optional.empty();
      }
      if (v.size() != 1) {
        throw new IllegalArgumentException("repeated " + key);
      }
      return Optional.of(v.get(0));
    }

    /**
     * Returns every value of a key.
     *
     * @param key the key
     * @return the values, empty if absent
     */
    public List<String> all(String key) {
      return List.copyOf(map.getOrDefault(key, List.of()));
    }

    /**
     * Returns the single value of a key as a flag, written exactly {@code true} or {@code false}.
     *
     * @param key the key
     * @param name how the refusal names the flag
     * @return the flag
     * @throws IllegalArgumentException if the key is absent or repeated, or is neither true nor false
     */
    public boolean flag(String key, String name) {
      String s = one(key);
      if (!s.equals("true") && !s.equals("false")) {
        throw new IllegalArgumentException(name + " is not true or false");
      }
      return Boolean.parseBoolean(s);
    }

    /**
     * Returns the decoded value of the {@code signature} entry.
     *
     * @return the signature bytes
     * @throws IllegalArgumentException if the entry is absent, repeated or not base64
     */
    public byte[] signature() {
      return Base64.getDecoder().decode(one("signature"));
    }

    /**
     * Returns the records of a group of keys written together, one line each per record (for example
     * {@code step.name}, {@code step.at}, {@code step.detail}).
     *
     * @param name how the refusal names the group
     * @param keys the keys of the group
     * @return one list of values per record, in the order of {@code keys}
     * @throws IllegalArgumentException if the keys do not all have the same number of values
     */
    public List<List<String>> records(String name, String... keys) {
      List<List<String>> columns = new ArrayList<>();
      for (String key : keys) {
        columns.add(all(key));
      }
      int n = columns.get(0).size();
      for (List<String> column : columns) {
        if (column.size() != n) {
          throw new IllegalArgumentException("incomplete " + name + " entries");
        }
      }
      List<List<String>> records = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<String> record = new ArrayList<>();
        for (List<String> column : columns) {
          record.add(column.get(i));
        }
        records.add(List.copyOf(record));
      }
      return records;
    }

    /**
     * Returns the keys, in first-seen order.
     *
     * @return the keys
     */
    public Collection<String> keys() {
      return map.keySet();
    }
  }
}
