package org.govdatasec.masking.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.govdatasec.masking.MaskError;

/**
 * A strict streaming RFC 4180 reader: quoted fields with doubled quotes and line breaks, CRLF or LF.
 * Errors ({@code GDS-MASK-013}) name file, line and column (1-based, counting characters). Holds one
 * record at a time.
 */
public final class CsvReader {
  private final Reader in;
  private final String file;
  private final char[] buf = new char[1 << 16];
  private int len;
  private int pos;
  private long line = 1;
  private long col = 1;
  private long recordLine;
  private final StringBuilder field = new StringBuilder(64);

  /**
   * Creates a reader.
   *
   * @param in the characters, buffered by this class
   * @param file the file name used in errors
   */
  public CsvReader(Reader in, String file) {
    this.in = in;
    this.file = file;
  }

  /**
   * Returns the line on which the last record returned by {@link #next()} started.
   *
   * @return the 1-based line
   */
  public long recordLine() {
    return recordLine;
  }

  /**
   * Reads the next record.
   *
   * @return its fields, or {@code null} at the end of the input
   * @throws IOException if reading fails
   * @throws org.govdatasec.masking.MaskingException {@code GDS-MASK-013} for malformed CSV
   */
  public String[] next() throws IOException {
    int c = read();
    if (c < 0) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    while (true) {
      field.setLength(0);
      if (c == '"') {
        long qLine = line;
        long qCol = col - 1;
        while (true) {
          c = read();
          if (c < 0) {
            throw MaskError.MALFORMED_CSV.at("the quoted field opened here is never closed (unbalanced quote).",
                file + ":" + qLine + ":" + qCol);
          }
          if (c == '"') {
            c = read();
            if (c == '"') {
              field.append('"');
              continue;
            }
            break;
          }
          field.append((char) c);
        }
        if (c >= 0 && c != ',' && c != '\n' && c != '\r') {
          throw MaskError.MALFORMED_CSV.at("a character follows the closing quote of a field; quote the whole field and double inner quotes.",
              file + ":" + line + ":" + (col - 1));
        }
      } else {
        while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
          if (c == '"') {
            throw MaskError.MALFORMED_CSV.at("a quote inside an unquoted field; quote the field and double the quote.",
                file + ":" + line + ":" + (col - 1));
          }
          field.append((char) c);
          c = read();
        }
      }
      fields.add(field.toString());
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\r') {
        c = read();
        if (c != '\n' && c >= 0) {
          throw MaskError.MALFORMED_CSV.at("a bare carriage return ends a record; use CRLF or LF.", file + ":" + line + ":" + (col - 1));
        }
      }
      return fields.toArray(new String[0]);
    }
  }

  private int read() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    char ch = buf[pos++];
    if (ch == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
    return ch;
  }
}
