package org.govdatasec.masking.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.govdatasec.masking.MaskError;

/**
 * Streams the rows of a CSV (header first) or JSON Lines file as text values aligned to a column list;
 * one row in memory at a time. Counts bytes read for the progress bar.
 */
public final class RowSource implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;
  private final boolean json;
  private final InputStream raw;
  private final BufferedReader reader;
  private final CsvReader csv;
  private final String[] columns;
  private final String[] values;
  private final JsonNode[] nodes;
  private long line;
  private long lineNo;

  /**
   * Opens a file. A CSV file's header gives the columns (every one must be in {@code known});
   * a JSON Lines file's columns are {@code known}, and a key outside them fails on its line.
   *
   * @param path the file
   * @param name the name used in errors
   * @param json true for JSON Lines
   * @param known the spec's columns
   * @param bytesRead counter of bytes read, for progress
   * @return the source, positioned before the first data row
   * @throws IOException if the file cannot be read
   * @throws org.govdatasec.masking.MaskingException {@code GDS-MASK-012} for an unlisted header column,
   *     {@code 013} for a malformed or missing header, {@code 010} for a spec column missing from the header
   */
  public static RowSource open(Path path, String name, boolean json, List<String> known, AtomicLong bytesRead) throws IOException {
    return new RowSource(path, name, json, known, bytesRead);
  }

  private RowSource(Path path, String name, boolean json, List<String> known, AtomicLong bytesRead) throws IOException {
    this.file = name;
    this.json = json;
    this.raw = new FilterInputStream(Files.newInputStream(path)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          bytesRead.addAndGet(n);
        }
        return n;
      }
    };
    this.reader = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    try {
      if (json) {
        csv = null;
        columns = known.toArray(new String[0]);
      } else {
        csv = new CsvReader(reader, name);
        String[] header = csv.next();
        if (header == null || (header.length == 1 && header[0].isEmpty())) {
          throw MaskError.MALFORMED_CSV.at("the file has no header row.", name + ":1:1");
        }
        if (header[0].startsWith("\uFEFF")) {
          header[0] = header[0].substring(1);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.length; i++) {
          if (!seen.add(header[i])) {
            throw MaskError.MALFORMED_CSV.at("the header names column '" + header[i] + "' twice.", name + ":1:" + (i + 1));
          }
          if (!known.contains(header[i])) {
            throw MaskError.UNLISTED_COLUMN.at("column '" + header[i] + "' is not in the mask spec.", name + ":1:" + (i + 1));
          }
        }
        for (String k : known) {
          if (!seen.contains(k)) {
            throw MaskError.SPEC_INVALID.at("the spec's column '" + k + "' is not in the header.", name + ":1:1");
          }
        }
        columns = header;
      }
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
    values = new String[columns.length];
    nodes = json ? new JsonNode[columns.length] : null;
  }

  /**
   * Returns the columns, in file order (CSV) or spec order (JSON Lines).
   *
   * @return the columns
   */
  public String[] columns() {
    return columns.clone();
  }

  /**
   * Advances to the next row.
   *
   * @return false at the end
   * @throws IOException if reading fails
   * @throws org.govdatasec.masking.MaskingException {@code GDS-MASK-013}/{@code 014} for malformed input,
   *     {@code 012} for an unlisted JSON key
   */
  public boolean next() throws IOException {
    try {
      return json ? nextJson() : nextCsv();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw (json ? MaskError.MALFORMED_JSON : MaskError.MALFORMED_CSV).at("the file is not valid UTF-8.", file + ":" + (line + 1) + ":1");
    }
  }

  private boolean nextCsv() throws IOException {
    String[] rec = csv.next();
    if (rec == null) {
      return false;
    }
    line = csv.recordLine();
    if (rec.length != columns.length) {
      throw MaskError.MALFORMED_CSV.at("the row has " + rec.length + " fields; the header has " + columns.length + " (ragged row).",
          file + ":" + line + ":" + (Math.min(rec.length, columns.length) + 1));
    }
    System.arraycopy(rec, 0, values, 0, rec.length);
    return true;
  }

  private boolean nextJson() throws IOException {
    String text;
    do {
      text = reader.readLine();
      lineNo++;
      if (text == null) {
        return false;
      }
    } while (text.isBlank());
    line = lineNo;
    JsonNode n;
    try {
      n = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw MaskError.MALFORMED_JSON.at("the line is not a JSON object: " + e.getOriginalMessage().lines().findFirst().orElse(""),
          file + ":" + line + ":" + (e.getLocation() == null ? 1 : e.getLocation().getColumnNr()));
    }
    if (n == null || !n.isObject()) {
      throw MaskError.MALFORMED_JSON.at("the line is not a JSON object.", file + ":" + line + ":1");
    }
    java.util.Arrays.fill(values, null);
    java.util.Arrays.fill(nodes, null);
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      int idx = indexOf(e.getKey());
      if (idx < 0) {
        throw MaskError.UNLISTED_COLUMN.at("key '" + e.getKey() + "' is not in the mask spec.", file + ":" + line + ":1");
      }
      JsonNode v = e.getValue();
      if (v.isContainerNode()) {
        throw MaskError.MALFORMED_JSON.at("key '" + e.getKey() + "' holds an object or array; flatten it.", file + ":" + line + ":1");
      }
      nodes[idx] = v;
      values[idx] = v.isNull() ? null : v.asText();
    }
    return true;
  }

  private int indexOf(String key) {
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the line the current row starts on.
   *
   * @return the 1-based line
   */
  public long line() {
    return line;
  }

  /**
   * Returns a value of the current row.
   *
   * @param i the column index
   * @return the text, {@code null} for JSON null or an absent key
   */
  public String value(int i) {
    return values[i];
  }

  /**
   * Returns the JSON node of a value of the current row (JSON Lines only).
   *
   * @param i the column index
   * @return the node, {@code null} if the key is absent
   */
  public JsonNode node(int i) {
    return nodes[i];
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
