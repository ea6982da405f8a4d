package org.govdatasec.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads a segment line by line in large chunks, without decoding. */
public final class SegmentReader {

  /** Receives each complete line. */
  @FunctionalInterface
  public interface LineHandler {
    /**
     * Handles a line.
     *
     * @param b the buffer
     * @param off the line's offset in the buffer
     * @param len the line's length without the newline
     * @param fileOffset the line's offset in the file
     * @return true to continue, false to stop
     * @throws IOException to abort
     */
    boolean line(byte[] b, int off, int len, long fileOffset) throws IOException;
  }

  private SegmentReader() {}

  /**
   * Reads the complete lines of a file.
   *
   * @param file the file
   * @param handler receives each line
   * @return the file offset after the last complete line handled; equal to the file size when the file ends
   *     with a newline and the handler never stopped
   * @throws IOException if reading fails
   */
  public static long read(Path file, LineHandler handler) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] buf = new byte[1 << 20];
      int filled = 0;
      long base = 0;
      while (true) {
        if (filled == buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = ch.read(ByteBuffer.wrap(buf, filled, buf.length - filled));
        if (n <= 0) {
          return base;
        }
        int scanFrom = filled;
        filled += n;
        int start = 0;
        for (int i = scanFrom; i < filled; i++) {
          if (buf[i] == '\n') {
            if (!handler.line(buf, start, i - start, base + start)) {
              return base + start;
            }
            start = i + 1;
          }
        }
        base += start;
        System.arraycopy(buf, start, buf, 0, filled - start);
        filled -= start;
      }
    }
  }
}
