package org.govdatasec.masking.internal;

import java.io.IOException;
import java.io.Writer;

/** Writes RFC 4180 records with CRLF line ends, quoting only fields that need it. */
public final class CsvWriter {
  private final Writer out;

  /**
   * Creates a writer.
   *
   * @param out where to write (buffer it)
   */
  public CsvWriter(Writer out) {
    this.out = out;
  }

  /**
   * Writes one record; {@code null} fields are written empty.
   *
   * @param fields the fields
   * @throws IOException if writing fails
   */
  public void write(String[] fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      String f = fields[i];
      if (f == null || f.isEmpty()) {
        continue;
      }
      if (needsQuotes(f)) {
        out.write('"');
        out.write(f.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(f);
      }
    }
    out.write("\r\n");
  }

  private static boolean needsQuotes(String f) {
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
